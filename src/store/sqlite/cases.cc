// The cases table: one row per case, with its SLA clocks inline.
#include "store/sqlite/crm_repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_CASE_SELECT                                                                        \
  "SELECT id, tenant_id, customer_id, interaction_id, kind, category, product, province, "       \
  "priority, subject, description, fields_json, channel, segment, state, assignee_user, "        \
  "department, created_at, updated_at, first_response_at, resolved_at, closed_at, merged_into, " \
  "paused_since, fr_warn_at, fr_due_at, fr_warned, fr_breached, res_warn_at, res_due_at, "       \
  "res_warned, res_breached, next_sla_at FROM cases "

SlaClock read_clock(const Query& q, int col) {
  return SlaClock{q.opt_instant(col), q.opt_instant(col + 1), q.boolean(col + 2),
                  q.boolean(col + 3)};
}

Case read(const Query& q) {
  Case c;
  c.id = q.i64(0);
  c.tenant = q.i64(1);
  c.customer = q.opt_i64(2);
  c.interaction = q.opt_i64(3);
  c.kind = q.text(4);
  c.category = q.text(5);
  c.product = q.text(6);
  c.province = q.text(7);
  c.priority = static_cast<int>(q.i64(8));
  c.subject = q.text(9);
  c.description = q.text(10);
  c.fields_json = q.text(11);
  c.channel = q.text(12);
  c.segment = q.text(13);
  Result<CaseState> state = parse_case_state(q.text(14));
  assert(state.ok() && "CHECK constraint keeps states valid");
  c.state = *state;
  c.assignee = q.opt_i64(15);
  c.department = q.text(16);
  c.created_at = q.instant(17);
  c.updated_at = q.instant(18);
  c.first_response_at = q.opt_instant(19);
  c.resolved_at = q.opt_instant(20);
  c.closed_at = q.opt_instant(21);
  c.merged_into = q.opt_i64(22);
  c.paused_since = q.opt_instant(23);
  c.first_response = read_clock(q, 24);
  c.resolution = read_clock(q, 28);
  c.next_sla_at = q.opt_instant(32);
  return c;
}

// Binds every mutable column in TAMAS_CASE_SET order.
void bind_mutable(Query& q, const Case& c) {
  q.bind(c.customer).bind(c.interaction).bind(c.kind).bind(c.category).bind(c.product);
  q.bind(c.province).bind(c.priority).bind(c.subject).bind(c.description).bind(c.fields_json);
  q.bind(c.channel).bind(c.segment).bind(to_string(c.state)).bind(c.assignee).bind(c.department);
  q.bind(c.updated_at).bind(c.first_response_at).bind(c.resolved_at).bind(c.closed_at);
  q.bind(c.merged_into).bind(c.paused_since);
  for (const SlaClock* k : {&c.first_response, &c.resolution})
    q.bind(k->warn_at).bind(k->due_at).bind(k->warned).bind(k->breached);
  q.bind(c.next_sla_at);
}

}  // namespace

Result<RowId> Cases::add(const Case& c) {
  Result<Query> q = db_.query(
      "INSERT INTO cases (customer_id, interaction_id, kind, category, product, province, "
      "priority, subject, description, fields_json, channel, segment, state, assignee_user, "
      "department, updated_at, first_response_at, resolved_at, closed_at, merged_into, "
      "paused_since, fr_warn_at, fr_due_at, fr_warned, fr_breached, res_warn_at, res_due_at, "
      "res_warned, res_breached, next_sla_at, tenant_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  bind_mutable(*q, c);
  TAMAS_TRY(q->bind(c.tenant).bind(c.created_at).run());
  return db_.last_insert_rowid();
}

Result<Case> Cases::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_CASE_SELECT "WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  return first<Case>(q->bind(tenant).bind(id), read, "no case " + std::to_string(id));
}

Status Cases::update(const Case& c) {
  Result<Query> q = db_.query(
      "UPDATE cases SET customer_id = ?, interaction_id = ?, kind = ?, category = ?, "
      "product = ?, province = ?, priority = ?, subject = ?, description = ?, fields_json = ?, "
      "channel = ?, segment = ?, state = ?, assignee_user = ?, department = ?, updated_at = ?, "
      "first_response_at = ?, resolved_at = ?, closed_at = ?, merged_into = ?, paused_since = ?, "
      "fr_warn_at = ?, fr_due_at = ?, fr_warned = ?, fr_breached = ?, res_warn_at = ?, "
      "res_due_at = ?, res_warned = ?, res_breached = ?, next_sla_at = ? "
      "WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  bind_mutable(*q, c);
  return update_one(db_, q->bind(c.tenant).bind(c.id), "no case " + std::to_string(c.id));
}

Result<std::vector<Case>> Cases::by_customer(TenantId tenant, RowId customer, bool open_only) {
  Result<Query> q = db_.query(TAMAS_CASE_SELECT
                              "WHERE tenant_id = ? AND customer_id = ? AND (? = 0 OR state NOT "
                              "IN ('resolved', 'closed')) ORDER BY created_at DESC, id DESC");
  TAMAS_TRY(q);
  return collect<Case>(q->bind(tenant).bind(customer).bind(open_only), read);
}

Result<std::vector<Case>> Cases::by_state(TenantId tenant, CaseState state, int limit) {
  Result<Query> q =
      db_.query(TAMAS_CASE_SELECT "WHERE tenant_id = ? AND state = ? ORDER BY id LIMIT ?");
  TAMAS_TRY(q);
  return collect<Case>(q->bind(tenant).bind(to_string(state)).bind(limit), read);
}

Result<std::vector<Case>> Cases::forwarded_to(TenantId tenant, const std::string& department) {
  Result<Query> q = db_.query(TAMAS_CASE_SELECT
                              "WHERE tenant_id = ? AND department = ? AND state = 'forwarded' "
                              "ORDER BY id");
  TAMAS_TRY(q);
  return collect<Case>(q->bind(tenant).bind(department), read);
}

Result<std::vector<Case>> Cases::sla_due(TenantId tenant, Instant now, int limit) {
  Result<Query> q = db_.query(TAMAS_CASE_SELECT
                              "WHERE tenant_id = ? AND next_sla_at IS NOT NULL AND "
                              "next_sla_at <= ? ORDER BY next_sla_at, id LIMIT ?");
  TAMAS_TRY(q);
  return collect<Case>(q->bind(tenant).bind(now).bind(limit), read);
}

}  // namespace tamas::store::sqlite
