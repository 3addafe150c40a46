#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_INTERACTION_SELECT                                                            \
  "SELECT id, tenant_id, channel, type, entry_point, customer_id, queue, state, priority, " \
  "arrived_at, answered_at, ended_at, agent_id, disposition, notes, fields_json "           \
  "FROM interactions "

Interaction read(const Query& q) {
  Interaction i;
  i.id = q.i64(0);
  i.tenant = q.i64(1);
  i.channel = q.text(2);
  i.type = q.text(3);
  i.entry_point = q.text(4);
  i.customer = q.opt_i64(5);
  i.queue = q.text(6);
  Result<InteractionState> state = parse_interaction_state(q.text(7));
  assert(state.ok() && "CHECK constraint keeps states valid");
  i.state = *state;
  i.priority = static_cast<int>(q.i64(8));
  i.arrived_at = q.instant(9);
  i.answered_at = q.opt_instant(10);
  i.ended_at = q.opt_instant(11);
  i.agent = q.opt_i64(12);
  i.disposition = q.text(13);
  i.notes = q.text(14);
  i.fields_json = q.text(15);
  return i;
}

}  // namespace

Result<RowId> Interactions::add(const Interaction& i) {
  Result<Query> q = db_.query(
      "INSERT INTO interactions (tenant_id, channel, type, entry_point, customer_id, queue, "
      "state, priority, arrived_at, answered_at, ended_at, agent_id, disposition, notes, "
      "fields_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(i.tenant).bind(i.channel).bind(i.type).bind(i.entry_point).bind(i.customer);
  q->bind(i.queue).bind(to_string(i.state)).bind(i.priority).bind(i.arrived_at);
  q->bind(i.answered_at).bind(i.ended_at).bind(i.agent).bind(i.disposition).bind(i.notes);
  if (Status s = q->bind(i.fields_json).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<Interaction> Interactions::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_INTERACTION_SELECT "WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return first<Interaction>(q->bind(tenant).bind(id), read,
                            "no interaction " + format_interaction_id(id));
}

Status Interactions::update(const Interaction& i) {
  Result<Query> q = db_.query(
      "UPDATE interactions SET channel = ?, type = ?, entry_point = ?, customer_id = ?, "
      "queue = ?, state = ?, priority = ?, answered_at = ?, ended_at = ?, agent_id = ?, "
      "disposition = ?, notes = ?, fields_json = ? WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  q->bind(i.channel).bind(i.type).bind(i.entry_point).bind(i.customer).bind(i.queue);
  q->bind(to_string(i.state)).bind(i.priority).bind(i.answered_at).bind(i.ended_at);
  q->bind(i.agent).bind(i.disposition).bind(i.notes).bind(i.fields_json);
  return update_one(db_, q->bind(i.tenant).bind(i.id),
                    "no interaction " + format_interaction_id(i.id));
}

Result<std::vector<Interaction>> Interactions::list_open(TenantId tenant) {
  // The WHERE clause matches the partial index interactions_open.
  Result<Query> q = db_.query(TAMAS_INTERACTION_SELECT
                              "WHERE tenant_id = ? AND state NOT IN ('closed', 'abandoned') "
                              "ORDER BY arrived_at, id");
  if (!q.ok()) return q.error();
  return collect<Interaction>(q->bind(tenant), read);
}

Result<std::vector<Interaction>> Interactions::list_by_customer(TenantId tenant, RowId customer) {
  Result<Query> q = db_.query(TAMAS_INTERACTION_SELECT
                              "WHERE tenant_id = ? AND customer_id = ? ORDER BY arrived_at, id");
  if (!q.ok()) return q.error();
  return collect<Interaction>(q->bind(tenant).bind(customer), read);
}

Result<std::vector<Interaction>> Interactions::list_arrived(TenantId tenant, Instant from,
                                                           Instant to) {
  Result<Query> q = db_.query(TAMAS_INTERACTION_SELECT
                              "WHERE tenant_id = ? AND arrived_at >= ? AND arrived_at < ? "
                              "ORDER BY arrived_at, id");
  if (!q.ok()) return q.error();
  return collect<Interaction>(q->bind(tenant).bind(from).bind(to), read);
}

}  // namespace tamas::store::sqlite
