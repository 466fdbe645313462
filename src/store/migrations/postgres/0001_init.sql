-- padlock schema, PostgreSQL flavour. Times are unix seconds; flags are 0/1 integers so the same
-- queries decode alike on SQLite and PostgreSQL.

CREATE TABLE accounts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    is_support    BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    n_failures    BIGINT  NOT NULL DEFAULT 0,
    locked_until  BIGINT
);

CREATE TABLE sessions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT  NOT NULL REFERENCES accounts (id),
    token_hash TEXT    NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE second_factors (
    account_id     BIGINT  PRIMARY KEY REFERENCES accounts (id),
    method         TEXT    NOT NULL,
    secret_sealed  TEXT,
    phone          TEXT,
    active         BIGINT  NOT NULL DEFAULT 0,
    last_totp_step BIGINT,
    created_at     BIGINT  NOT NULL,
    activated_at   BIGINT
);

CREATE TABLE sms_codes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT  NOT NULL REFERENCES accounts (id),
    phone      TEXT    NOT NULL,
    code_hash  TEXT    NOT NULL,
    sent_at    BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    n_attempts BIGINT  NOT NULL DEFAULT 0,
    used_at    BIGINT
);
CREATE INDEX sms_codes_by_account ON sms_codes (account_id, sent_at);
CREATE INDEX sms_codes_by_phone ON sms_codes (phone, sent_at);

CREATE TABLE apps (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL
);

CREATE TABLE environments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id     BIGINT  NOT NULL REFERENCES apps (id),
    name       TEXT    NOT NULL,
    padlocked  BIGINT  NOT NULL DEFAULT 0,
    state      TEXT    NOT NULL DEFAULT 'running',
    package_id BIGINT,
    UNIQUE (app_id, name)
);

CREATE TABLE members (
    app_id     BIGINT  NOT NULL REFERENCES apps (id),
    account_id BIGINT  NOT NULL REFERENCES accounts (id),
    is_contact BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, account_id)
);

CREATE TABLE node_permissions (
    env_id     BIGINT  NOT NULL REFERENCES environments (id),
    account_id BIGINT  NOT NULL REFERENCES accounts (id),
    permission TEXT    NOT NULL,
    PRIMARY KEY (env_id, account_id, permission)
);

CREATE TABLE packages (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id      BIGINT  NOT NULL REFERENCES apps (id),
    filename    TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    size        BIGINT  NOT NULL,
    uploaded_by TEXT    NOT NULL,
    uploaded_at BIGINT  NOT NULL
);

-- Interactive grants (kind 'grant', bound to a session) and CI grants (kind 'ci', scoped).
CREATE TABLE grants (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT    NOT NULL,
    account_id   BIGINT  NOT NULL REFERENCES accounts (id),
    session_id   BIGINT  REFERENCES sessions (id),
    token_hash   TEXT    NOT NULL UNIQUE,
    label        TEXT,
    app_id       BIGINT  REFERENCES apps (id),
    envs         TEXT,
    operations   TEXT,
    issued_at    BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);
CREATE INDEX grants_by_account ON grants (account_id);

CREATE TABLE operations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id      BIGINT  NOT NULL REFERENCES apps (id),
    env_id      BIGINT  NOT NULL REFERENCES environments (id),
    kind        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    via         TEXT,
    package_id  BIGINT,
    backup_id   BIGINT,
    created_at  BIGINT  NOT NULL,
    heartbeat_at BIGINT,
    finished_at BIGINT,
    exit_code   BIGINT,
    log         TEXT    NOT NULL DEFAULT ''
);
-- At most one queued or running operation per environment, across replicas.
CREATE UNIQUE INDEX one_active_operation_per_env ON operations (env_id)
    WHERE state IN ('queued', 'running');

CREATE TABLE backups (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id       BIGINT  NOT NULL REFERENCES apps (id),
    env_id       BIGINT  NOT NULL REFERENCES environments (id),
    operation_id BIGINT  NOT NULL,
    size         BIGINT,
    sha256       TEXT,
    created_at   BIGINT  NOT NULL,
    ready        BIGINT  NOT NULL DEFAULT 0
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE audit_events (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      BIGINT  NOT NULL,
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
