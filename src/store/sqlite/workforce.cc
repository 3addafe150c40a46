#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

AgentStateChange read_state(const Query& q) {
  return AgentStateChange{q.i64(0), q.text(1), q.text(2), q.text(3), q.instant(4)};
}

PublishedSchedule read_schedule(const Query& q) {
  return PublishedSchedule{q.i64(0), q.text(1), q.text(2), q.instant(3), q.text(4)};
}

}  // namespace

Status Workforce::record_state(const AgentStateChange& c) {
  if (c.agent.empty()) return Error::invalid("agent state change without an agent");
  Result<Query> q = db_.query(
      "INSERT INTO agent_states (tenant_id, agent, state, reason, at) VALUES (?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  return q->bind(c.tenant).bind(c.agent).bind(c.state).bind(c.reason).bind(c.at).run();
}

Result<std::vector<AgentStateChange>> Workforce::state_history(TenantId tenant, Instant from,
                                                               Instant to) {
  // The last change before the window per agent (the row with the highest
  // id among those at the latest instant), then the window itself.
  Result<Query> q = db_.query(
      "SELECT tenant_id, agent, state, reason, at FROM agent_states WHERE id IN ("
      "  SELECT (SELECT id FROM agent_states b WHERE b.tenant_id = ?1 AND b.agent = a.agent"
      "          AND b.at < ?2 ORDER BY b.at DESC, b.id DESC LIMIT 1)"
      "  FROM (SELECT DISTINCT agent FROM agent_states WHERE tenant_id = ?1 AND at < ?2) a)"
      " OR (tenant_id = ?1 AND at >= ?2 AND at < ?3) ORDER BY at, id");
  if (!q.ok()) return q.error();
  return collect<AgentStateChange>(q->bind(tenant).bind(from).bind(to), read_state);
}

Status Workforce::put_schedule(const PublishedSchedule& s) {
  if (s.day.empty()) return Error::invalid("schedule without a day");
  Result<Query> q = db_.query(
      "INSERT INTO wfm_schedules (tenant_id, day, schedule_json, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day) DO UPDATE SET "
      "schedule_json = excluded.schedule_json, updated_at = excluded.updated_at, "
      "updated_by = excluded.updated_by");
  if (!q.ok()) return q.error();
  return q->bind(s.tenant)
      .bind(s.day)
      .bind(s.schedule_json)
      .bind(s.updated_at)
      .bind(s.updated_by)
      .run();
}

Result<PublishedSchedule> Workforce::schedule(TenantId tenant, const std::string& day) {
  Result<Query> q = db_.query(
      "SELECT tenant_id, day, schedule_json, updated_at, updated_by FROM wfm_schedules "
      "WHERE tenant_id = ? AND day = ?");
  if (!q.ok()) return q.error();
  return first<PublishedSchedule>(q->bind(tenant).bind(day), read_schedule,
                                  "no schedule published for " + day);
}

}  // namespace tamas::store::sqlite
