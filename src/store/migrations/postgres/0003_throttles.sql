-- Throttles on guessing (failed logins) and on SMS sends to other people's numbers.

-- Fixed-window counters, one row per scope (`login:user:bob`, `login:addr:192.0.2.7`, …).
-- A row whose window has ended is restarted in place by the next attempt, and swept by the
-- server's periodic cleanup, so the table holds at most the scopes active in one window.
CREATE TABLE throttle_counters (
    scope      TEXT    PRIMARY KEY,
    window_end BIGINT  NOT NULL,
    n          BIGINT  NOT NULL
);
CREATE INDEX throttle_counters_by_window_end ON throttle_counters (window_end);

-- Addresses an account has logged in from: their failed logins do not count against the
-- account as a whole, so an attacker elsewhere cannot lock the owner out.
CREATE TABLE known_addresses (
    account_id    BIGINT  NOT NULL REFERENCES accounts (id),
    client        TEXT    NOT NULL,
    last_login_at BIGINT  NOT NULL,
    PRIMARY KEY (account_id, client)
);
CREATE INDEX known_addresses_by_last_login ON known_addresses (last_login_at);

-- 1 when the code went to the sender's own active SMS factor; 0 for enrollment sends. The
-- two are budgeted apart, so enrolling someone else's number cannot spend its owner's budget.
ALTER TABLE sms_codes ADD COLUMN to_owner BIGINT NOT NULL DEFAULT 0;
