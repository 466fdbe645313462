-- padlock schema, SQLite flavour. Times are unix seconds; flags are 0/1 integers so the same
-- queries decode alike on SQLite and PostgreSQL.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    is_support    INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    n_failures    INTEGER NOT NULL DEFAULT 0,
    locked_until  INTEGER
);

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    token_hash TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE second_factors (
    account_id     INTEGER PRIMARY KEY REFERENCES accounts (id),
    method         TEXT    NOT NULL,
    secret_sealed  TEXT,
    phone          TEXT,
    active         INTEGER NOT NULL DEFAULT 0,
    last_totp_step INTEGER,
    created_at     INTEGER NOT NULL,
    activated_at   INTEGER
);

CREATE TABLE sms_codes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    phone      TEXT    NOT NULL,
    code_hash  TEXT    NOT NULL,
    sent_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    n_attempts INTEGER NOT NULL DEFAULT 0,
    used_at    INTEGER
);
CREATE INDEX sms_codes_by_account ON sms_codes (account_id, sent_at);
CREATE INDEX sms_codes_by_phone ON sms_codes (phone, sent_at);

CREATE TABLE apps (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE environments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id     INTEGER NOT NULL REFERENCES apps (id),
    name       TEXT    NOT NULL,
    padlocked  INTEGER NOT NULL DEFAULT 0,
    state      TEXT    NOT NULL DEFAULT 'running',
    package_id INTEGER,
    UNIQUE (app_id, name)
);

CREATE TABLE members (
    app_id     INTEGER NOT NULL REFERENCES apps (id),
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    is_contact INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, account_id)
);

CREATE TABLE node_permissions (
    env_id     INTEGER NOT NULL REFERENCES environments (id),
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    permission TEXT    NOT NULL,
    PRIMARY KEY (env_id, account_id, permission)
);

CREATE TABLE packages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id      INTEGER NOT NULL REFERENCES apps (id),
    filename    TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    uploaded_by TEXT    NOT NULL,
    uploaded_at INTEGER NOT NULL
);

-- Interactive grants (kind 'grant', bound to a session) and CI grants (kind 'ci', scoped).
CREATE TABLE grants (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    session_id   INTEGER REFERENCES sessions (id),
    token_hash   TEXT    NOT NULL UNIQUE,
    label        TEXT,
    app_id       INTEGER REFERENCES apps (id),
    envs         TEXT,
    operations   TEXT,
    issued_at    INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_used_at INTEGER
);
CREATE INDEX grants_by_account ON grants (account_id);

CREATE TABLE operations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id      INTEGER NOT NULL REFERENCES apps (id),
    env_id      INTEGER NOT NULL REFERENCES environments (id),
    kind        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    via         TEXT,
    package_id  INTEGER,
    backup_id   INTEGER,
    created_at  INTEGER NOT NULL,
    heartbeat_at INTEGER,
    finished_at INTEGER,
    exit_code   INTEGER,
    log         TEXT    NOT NULL DEFAULT ''
);
-- At most one queued or running operation per environment, across replicas.
CREATE UNIQUE INDEX one_active_operation_per_env ON operations (env_id)
    WHERE state IN ('queued', 'running');

CREATE TABLE backups (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id       INTEGER NOT NULL REFERENCES apps (id),
    env_id       INTEGER NOT NULL REFERENCES environments (id),
    operation_id INTEGER NOT NULL,
    size         INTEGER,
    sha256       TEXT,
    created_at   INTEGER NOT NULL,
    ready        INTEGER NOT NULL DEFAULT 0
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE audit_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    app     TEXT,
    env     TEXT,
    outcome TEXT    NOT NULL,
    reason  TEXT,
    via     TEXT,
    client  TEXT,
    -- The CI grant's label, for events of requests made with one.
    label   TEXT
);
CREATE INDEX audit_events_by_app ON audit_events (app, at);
