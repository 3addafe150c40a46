-- Workforce management (docs/wfm.md): the agents' state history the server
-- records from the engine (for adherence), and schedules published per day.
CREATE TABLE agent_states (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id INTEGER NOT NULL REFERENCES tenants(tenant_id),
  agent     TEXT NOT NULL,      -- the engine's agent id (the username)
  state     TEXT NOT NULL CHECK (state IN ('logged_out', 'ready', 'not_ready', 'reserved',
                                           'busy', 'wrap_up')),
  reason    TEXT NOT NULL DEFAULT '',
  at        INTEGER NOT NULL    -- Unix milliseconds, UTC
);
CREATE INDEX agent_states_by_time ON agent_states (tenant_id, at);
CREATE INDEX agent_states_by_agent ON agent_states (tenant_id, agent, at);

CREATE TABLE wfm_schedules (
  tenant_id     INTEGER NOT NULL REFERENCES tenants(tenant_id),
  day           TEXT NOT NULL,  -- local date YYYY-MM-DD
  schedule_json TEXT NOT NULL CHECK (json_valid(schedule_json)),
  updated_at    INTEGER NOT NULL,
  updated_by    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, day)
) WITHOUT ROWID;

CREATE INDEX interactions_by_arrival ON interactions (tenant_id, arrived_at);
