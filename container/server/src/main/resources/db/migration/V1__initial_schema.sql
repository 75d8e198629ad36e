-- SnapOtter server schema v1. Ids are text UUIDs; times are Unix epoch milliseconds.
-- Built-in roles are seeded by the application (dev.snapotter.server.auth.RoleRepository) so the
-- permission lists live in exactly one place: the Java Permission/BuiltInRole enums.

CREATE TABLE roles (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    permissions TEXT NOT NULL,            -- JSON array of permission names
    is_builtin  INTEGER NOT NULL DEFAULT 0,
    created_by  TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE users (
    id                   TEXT PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash        TEXT NOT NULL,   -- Argon2id PHC string
    role                 TEXT NOT NULL DEFAULT 'user',
    team                 TEXT NOT NULL DEFAULT 'Default',
    must_change_password INTEGER NOT NULL DEFAULT 1,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);

CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,          -- SHA-256 of the bearer token; the token itself is never stored
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX sessions_user_id ON sessions(user_id);
CREATE INDEX sessions_expires_at ON sessions(expires_at);

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key_hash     TEXT NOT NULL,           -- SHA-256 (hex) of the whole key
    key_prefix   TEXT NOT NULL,           -- first 16 hex of that hash, for an indexed lookup
    name         TEXT NOT NULL DEFAULT 'Default API Key',
    permissions  TEXT,                    -- JSON array (scope) or NULL = the owner's role
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    expires_at   INTEGER
);
CREATE INDEX api_keys_key_prefix ON api_keys(key_prefix);
CREATE INDEX api_keys_user_id ON api_keys(user_id);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,             -- JSON value
    updated_at INTEGER NOT NULL
);

CREATE TABLE pipelines (
    id          TEXT PRIMARY KEY,
    user_id     TEXT REFERENCES users(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    steps       TEXT NOT NULL,            -- JSON [{toolId, settings}]
    created_at  INTEGER NOT NULL
);
CREATE INDEX pipelines_user_id ON pipelines(user_id);

CREATE TABLE audit_log (
    id             TEXT PRIMARY KEY,
    actor_id       TEXT REFERENCES users(id) ON DELETE SET NULL,
    actor_username TEXT,
    action         TEXT NOT NULL,
    target_type    TEXT,
    target_id      TEXT,
    details        TEXT,                  -- JSON object
    ip_address     TEXT,
    created_at     INTEGER NOT NULL
);
CREATE INDEX audit_log_created_at ON audit_log(created_at);
CREATE INDEX audit_log_action ON audit_log(action);

CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL,           -- tool id, 'pipeline', or '<tool>/batch'
    status       TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    progress     REAL NOT NULL DEFAULT 0,
    input_files  TEXT,                    -- JSON array of names
    output_path  TEXT,
    settings     TEXT,                    -- JSON
    error        TEXT,
    user_id      TEXT,
    created_at   INTEGER NOT NULL,
    completed_at INTEGER
);
CREATE INDEX jobs_status ON jobs(status);
