-- 0002: login sessions, webhook subscriptions and their delivery log.

-- A browser or API login. The secret token and its CSRF token are never
-- stored, only their SHA-256 digests.
CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id    INTEGER NOT NULL,
  token_hash   TEXT NOT NULL CHECK (token_hash <> ''),
  user_id      INTEGER NOT NULL,
  csrf_hash    TEXT NOT NULL CHECK (csrf_hash <> ''),
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);
CREATE INDEX sessions_by_user ON sessions(tenant_id, user_id);

-- API tokens get a name saying what they are for.
ALTER TABLE api_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';

-- Where to POST which events. The secret signs deliveries (HMAC-SHA256), so
-- it is kept as given.
CREATE TABLE webhooks (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id   INTEGER NOT NULL REFERENCES tenants(tenant_id),
  url         TEXT NOT NULL CHECK (url <> ''),
  events_json TEXT NOT NULL CHECK (json_valid(events_json)),
  secret      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (tenant_id, id)
);

-- One row per delivery attempt.
CREATE TABLE webhook_deliveries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id   INTEGER NOT NULL,
  webhook_id  INTEGER NOT NULL,
  event_seq   INTEGER NOT NULL,
  event_type  TEXT NOT NULL,
  attempt     INTEGER NOT NULL CHECK (attempt >= 1),
  at          INTEGER NOT NULL,
  status_code INTEGER NOT NULL,
  ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
  error       TEXT NOT NULL,
  FOREIGN KEY (tenant_id, webhook_id) REFERENCES webhooks(tenant_id, id)
);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries(tenant_id, webhook_id, id);
