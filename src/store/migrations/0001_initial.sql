-- 0001: initial schema. Never edit once landed; add 0002_*.sql instead.
-- Every table has tenant_id; composite foreign keys (tenant_id, x_id) make a
-- row of one tenant unable to point at a row of another.
-- Times are INTEGER milliseconds since the Unix epoch, UTC.

CREATE TABLE tenants (
  tenant_id   INTEGER PRIMARY KEY AUTOINCREMENT,
  slug        TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  name        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE strategy_versions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id     INTEGER NOT NULL REFERENCES tenants(tenant_id),
  version       TEXT NOT NULL,
  yaml          TEXT NOT NULL,
  compiled_json TEXT NOT NULL CHECK (json_valid(compiled_json)),
  uploaded_by   TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  active        INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE INDEX strategy_versions_by_tenant ON strategy_versions(tenant_id, id);
CREATE UNIQUE INDEX strategy_versions_one_active ON strategy_versions(tenant_id) WHERE active = 1;

CREATE TABLE users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id     INTEGER NOT NULL REFERENCES tenants(tenant_id),
  username      TEXT NOT NULL CHECK (username <> ''),
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'agent', 'backoffice')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    INTEGER NOT NULL,
  UNIQUE (tenant_id, username),
  UNIQUE (tenant_id, id)
);

CREATE TABLE api_tokens (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id   INTEGER NOT NULL,
  token_hash  TEXT NOT NULL CHECK (token_hash <> ''),
  owner_user  INTEGER NOT NULL,
  scopes_json TEXT NOT NULL CHECK (json_valid(scopes_json)),
  created_at  INTEGER NOT NULL,
  revoked     INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, owner_user) REFERENCES users(tenant_id, id)
);

CREATE TABLE agents (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id       INTEGER NOT NULL,
  user_id         INTEGER NOT NULL,
  skills_json     TEXT NOT NULL CHECK (json_valid(skills_json)),
  groups_json     TEXT NOT NULL CHECK (json_valid(groups_json)),
  capacities_json TEXT NOT NULL CHECK (json_valid(capacities_json)),
  sip_uri         TEXT NOT NULL,
  UNIQUE (tenant_id, user_id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);

CREATE TABLE customers (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id       INTEGER NOT NULL REFERENCES tenants(tenant_id),
  first_name      TEXT NOT NULL,
  last_name       TEXT NOT NULL,
  province        TEXT NOT NULL,
  city            TEXT NOT NULL,
  segment         TEXT NOT NULL,
  attributes_json TEXT NOT NULL CHECK (json_valid(attributes_json)),
  created_at      INTEGER NOT NULL,
  merged_into     INTEGER,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, merged_into) REFERENCES customers(tenant_id, id)
);

-- Phones and emails, one row each, for exact lookup.
CREATE TABLE customer_contacts (
  tenant_id   INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
  value       TEXT NOT NULL,
  position    INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, customer_id, kind, position),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id)
);
CREATE INDEX customer_contacts_by_value ON customer_contacts(tenant_id, kind, value);

CREATE TABLE interactions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id   INTEGER NOT NULL REFERENCES tenants(tenant_id),
  channel     TEXT NOT NULL,
  type        TEXT NOT NULL,
  entry_point TEXT NOT NULL,
  customer_id INTEGER,
  queue       TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('open', 'queued', 'offered', 'active',
                                             'wrapup', 'closed', 'abandoned')),
  priority    INTEGER NOT NULL,
  arrived_at  INTEGER NOT NULL,
  answered_at INTEGER,
  ended_at    INTEGER,
  agent_id    INTEGER,
  disposition TEXT NOT NULL,
  notes       TEXT NOT NULL,
  fields_json TEXT NOT NULL CHECK (json_valid(fields_json)),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id)
);
-- Recovery scan: only open rows are indexed.
CREATE INDEX interactions_open ON interactions(tenant_id, arrived_at, id)
  WHERE state NOT IN ('closed', 'abandoned');
CREATE INDEX interactions_by_customer ON interactions(tenant_id, customer_id, arrived_at)
  WHERE customer_id IS NOT NULL;

CREATE TABLE interaction_messages (
  tenant_id      INTEGER NOT NULL,
  interaction_id INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  sender_kind    TEXT NOT NULL CHECK (sender_kind IN ('customer', 'agent', 'system')),
  sender_id      TEXT NOT NULL,
  text           TEXT NOT NULL,
  sent_at        INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, interaction_id, seq),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions(tenant_id, id)
) WITHOUT ROWID;

CREATE TABLE events (
  tenant_id    INTEGER NOT NULL REFERENCES tenants(tenant_id),
  seq          INTEGER NOT NULL,
  type         TEXT NOT NULL,
  at           INTEGER NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  PRIMARY KEY (tenant_id, seq)
) WITHOUT ROWID;
