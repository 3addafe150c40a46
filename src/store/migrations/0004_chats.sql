-- 0004: chat conversations of the customer chat channel. The chat token a
-- customer resumes with is stored only as its digest.
CREATE TABLE chats (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id      INTEGER NOT NULL,
  interaction_id INTEGER NOT NULL,
  token_hash     TEXT NOT NULL CHECK (token_hash <> ''),
  name           TEXT NOT NULL,
  phone          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  UNIQUE (tenant_id, token_hash),
  UNIQUE (tenant_id, interaction_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions(tenant_id, id)
);
