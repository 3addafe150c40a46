-- 0003: customers beyond phone/email, cases, knowledge base (issue 5).
-- Same conventions as 0001: tenant_id on every table, composite foreign keys,
-- times in INTEGER milliseconds UTC. Sized for 1M customers / 5M interactions:
-- every lookup the services make has an index that starts with tenant_id.

-- Social handles ("instagram:@name") and the national id (sensitive).
CREATE TABLE customer_identities (
  tenant_id   INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('handle', 'national_id')),
  value       TEXT NOT NULL CHECK (value <> ''),
  customer_id INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, kind, value, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX customer_identities_by_customer ON customer_identities(tenant_id, customer_id);

-- Products and services a customer owns or bought (vehicles with their VIN).
CREATE TABLE customer_assets (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id       INTEGER NOT NULL,
  customer_id     INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('vehicle', 'product', 'service')),
  model           TEXT NOT NULL,
  serial          TEXT NOT NULL,
  purchased_at    INTEGER,
  amount          INTEGER NOT NULL DEFAULT 0,
  attributes_json TEXT NOT NULL CHECK (json_valid(attributes_json)),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id)
);
CREATE INDEX customer_assets_by_customer ON customer_assets(tenant_id, customer_id);
CREATE INDEX customer_assets_by_serial ON customer_assets(tenant_id, serial) WHERE serial <> '';

CREATE TABLE customer_consents (
  tenant_id   INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  topic       TEXT NOT NULL CHECK (topic <> ''),
  granted     INTEGER NOT NULL CHECK (granted IN (0, 1)),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, customer_id, topic),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id)
) WITHOUT ROWID;

-- The merge log: who merged which provisional record into which customer.
CREATE TABLE customer_merges (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id     INTEGER NOT NULL,
  from_customer INTEGER NOT NULL,
  into_customer INTEGER NOT NULL,
  merged_by     INTEGER NOT NULL,
  merged_at     INTEGER NOT NULL,
  note          TEXT NOT NULL,
  FOREIGN KEY (tenant_id, from_customer) REFERENCES customers(tenant_id, id),
  FOREIGN KEY (tenant_id, into_customer) REFERENCES customers(tenant_id, id)
);
CREATE INDEX customer_merges_by_into ON customer_merges(tenant_id, into_customer);

-- Back-office users belong to departments (sales, after_sales, quality, ...).
CREATE TABLE user_departments (
  tenant_id  INTEGER NOT NULL,
  user_id    INTEGER NOT NULL,
  department TEXT NOT NULL CHECK (department <> ''),
  head       INTEGER NOT NULL DEFAULT 0 CHECK (head IN (0, 1)),
  PRIMARY KEY (tenant_id, user_id, department),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX user_departments_by_department ON user_departments(tenant_id, department);

CREATE TABLE cases (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id          INTEGER NOT NULL,
  customer_id        INTEGER,
  interaction_id     INTEGER,
  kind               TEXT NOT NULL CHECK (kind <> ''),
  category           TEXT NOT NULL,
  product            TEXT NOT NULL,
  province           TEXT NOT NULL,
  priority           INTEGER NOT NULL,
  subject            TEXT NOT NULL,
  description        TEXT NOT NULL,
  fields_json        TEXT NOT NULL CHECK (json_valid(fields_json)),
  channel            TEXT NOT NULL,
  segment            TEXT NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('new', 'assigned', 'in_progress', 'forwarded',
                                                    'awaiting_customer', 'resolved', 'closed')),
  assignee_user      INTEGER,
  department         TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  first_response_at  INTEGER,
  resolved_at        INTEGER,
  closed_at          INTEGER,
  merged_into        INTEGER,
  paused_since       INTEGER,
  fr_warn_at         INTEGER,
  fr_due_at          INTEGER,
  fr_warned          INTEGER NOT NULL DEFAULT 0,
  fr_breached        INTEGER NOT NULL DEFAULT 0,
  res_warn_at        INTEGER,
  res_due_at         INTEGER,
  res_warned         INTEGER NOT NULL DEFAULT 0,
  res_breached       INTEGER NOT NULL DEFAULT 0,
  next_sla_at        INTEGER,  -- earliest pending warning/breach; NULL when none or paused
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions(tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_user) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, merged_into) REFERENCES cases(tenant_id, id)
);
CREATE INDEX cases_by_customer ON cases(tenant_id, customer_id, created_at) WHERE customer_id IS NOT NULL;
CREATE INDEX cases_by_state ON cases(tenant_id, state, id);
CREATE INDEX cases_by_department ON cases(tenant_id, department, id) WHERE state = 'forwarded';
CREATE INDEX cases_sla ON cases(tenant_id, next_sla_at) WHERE next_sla_at IS NOT NULL;

-- The audit trail; customer_id is copied so the timeline reads one index.
CREATE TABLE case_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id    INTEGER NOT NULL,
  case_id      INTEGER NOT NULL,
  customer_id  INTEGER,
  at           INTEGER NOT NULL,
  actor_user   INTEGER NOT NULL,  -- 0: the system (SLA timers, escalation)
  kind         TEXT NOT NULL CHECK (kind <> ''),
  from_state   TEXT NOT NULL,
  to_state     TEXT NOT NULL,
  note         TEXT NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
);
CREATE INDEX case_events_by_case ON case_events(tenant_id, case_id, id);
CREATE INDEX case_events_by_customer ON case_events(tenant_id, customer_id, at, id)
  WHERE customer_id IS NOT NULL;

CREATE TABLE case_forwards (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id    INTEGER NOT NULL,
  case_id      INTEGER NOT NULL,
  department   TEXT NOT NULL CHECK (department <> ''),
  task         TEXT NOT NULL,
  forwarded_by INTEGER NOT NULL,
  forwarded_at INTEGER NOT NULL,
  due_at       INTEGER NOT NULL,
  answered_at  INTEGER,
  answered_by  INTEGER,
  answer       TEXT NOT NULL DEFAULT '',
  escalated_at INTEGER,
  escalated_to INTEGER,
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
);
CREATE INDEX case_forwards_by_case ON case_forwards(tenant_id, case_id, id);
CREATE INDEX case_forwards_open ON case_forwards(tenant_id, due_at) WHERE answered_at IS NULL;
CREATE INDEX case_forwards_by_department ON case_forwards(tenant_id, department, id)
  WHERE answered_at IS NULL;

CREATE TABLE case_links (
  tenant_id     INTEGER NOT NULL,
  case_id       INTEGER NOT NULL,
  other_case_id INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('duplicate', 'related')),
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, case_id, other_case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, other_case_id) REFERENCES cases(tenant_id, id)
) WITHOUT ROWID;

CREATE TABLE case_redress (
  tenant_id    INTEGER NOT NULL,
  case_id      INTEGER NOT NULL,
  remedy       TEXT NOT NULL CHECK (remedy IN ('apology', 'repair', 'replacement', 'refund',
                                               'compensation', 'voucher')),
  amount       INTEGER NOT NULL DEFAULT 0,
  accepted     INTEGER CHECK (accepted IN (0, 1)),
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  notes        TEXT NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
) WITHOUT ROWID;

-- Messages to customers waiting for an email/SMS adapter.
CREATE TABLE outbound_notifications (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id   INTEGER NOT NULL,
  customer_id INTEGER,
  case_id     INTEGER,
  channel     TEXT NOT NULL,
  address     TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
);
CREATE INDEX outbound_pending ON outbound_notifications(tenant_id, id) WHERE state = 'pending';

-- Voice-of-the-customer preventive actions and the cases behind them.
CREATE TABLE voc_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id  INTEGER NOT NULL,
  title      TEXT NOT NULL CHECK (title <> ''),
  category   TEXT NOT NULL,
  product    TEXT NOT NULL,
  owner_user INTEGER NOT NULL,
  due_at     INTEGER,
  status     TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  notes      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (tenant_id, id)
);
CREATE TABLE voc_action_cases (
  tenant_id INTEGER NOT NULL,
  action_id INTEGER NOT NULL,
  case_id   INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, action_id, case_id),
  FOREIGN KEY (tenant_id, action_id) REFERENCES voc_actions(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
) WITHOUT ROWID;

CREATE TABLE kb_articles (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id       INTEGER NOT NULL,
  lang            TEXT NOT NULL CHECK (lang IN ('fa', 'en')),
  category        TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('agents', 'public')),
  title           TEXT NOT NULL CHECK (title <> ''),
  body            TEXT NOT NULL,
  tags_json       TEXT NOT NULL CHECK (json_valid(tags_json)),
  types_json      TEXT NOT NULL CHECK (json_valid(types_json)),
  version         INTEGER NOT NULL,
  review_at       INTEGER,
  updated_at      INTEGER NOT NULL,
  updated_by      INTEGER NOT NULL,
  archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  UNIQUE (tenant_id, id)
);
CREATE INDEX kb_articles_by_category ON kb_articles(tenant_id, category, id);

CREATE TABLE kb_article_versions (
  tenant_id  INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  version    INTEGER NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  edited_by  INTEGER NOT NULL,
  edited_at  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, article_id, version),
  FOREIGN KEY (tenant_id, article_id) REFERENCES kb_articles(tenant_id, id)
) WITHOUT ROWID;

-- Full-text index over normalised tokens (core/text.h search_tokens joined by
-- spaces), so ي/ی, ك/ک, ZWNJ and digit variants all meet. rowid = article id.
-- The 'ascii' tokenizer splits only on ASCII separators: tokens are already
-- clean, and non-ASCII letters and marks stay inside their token.
-- visibility and archived are copied here so a search filters and ranks
-- inside FTS5 (ORDER BY rank LIMIT n) before joining the articles.
CREATE VIRTUAL TABLE kb_fts USING fts5(tenant_id UNINDEXED, visibility UNINDEXED,
                                       archived UNINDEXED, title, body, tags,
                                       tokenize = 'ascii');
-- rank = bm25 with weights title 10, body 1, tags 5 (the UNINDEXED columns 0).
INSERT INTO kb_fts (kb_fts, rank) VALUES ('rank', 'bm25(0.0, 0.0, 0.0, 10.0, 1.0, 5.0)');

CREATE TABLE kb_unanswered (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id    INTEGER NOT NULL,
  question     TEXT NOT NULL CHECK (question <> ''),
  type         TEXT NOT NULL,
  asked_by     INTEGER NOT NULL,
  asked_at     INTEGER NOT NULL,
  resolved_at  INTEGER,
  resolved_by  INTEGER,
  article_id   INTEGER,
  FOREIGN KEY (tenant_id, article_id) REFERENCES kb_articles(tenant_id, id)
);
CREATE INDEX kb_unanswered_open ON kb_unanswered(tenant_id, id) WHERE resolved_at IS NULL;
