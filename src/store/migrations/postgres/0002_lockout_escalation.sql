-- The next lockout's length: doubles on each lockout in a row (up to the configured cap)
-- and is forgotten on a successful check. NULL means the configured base duration.
ALTER TABLE accounts ADD COLUMN next_lock_seconds BIGINT;
