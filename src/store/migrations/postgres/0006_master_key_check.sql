-- One value sealed under the master key. At start the server opens it, so a key that is not
-- the one this database's secrets are sealed with (the old key after a rotation, a typo)
-- stops the server at once instead of failing every second-factor check later.
CREATE TABLE master_key_check (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    sealed TEXT    NOT NULL
);
