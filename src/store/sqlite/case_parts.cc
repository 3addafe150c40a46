// What hangs off a case: audit events, forwards, links, redress,
// notifications and VOC actions.
#include "store/sqlite/crm_repos.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_FORWARD_SELECT                                                              \
  "SELECT id, tenant_id, case_id, department, task, forwarded_by, forwarded_at, due_at, " \
  "answered_at, answered_by, answer, escalated_at, escalated_to FROM case_forwards "

CaseForward read_forward(const Query& q) {
  return CaseForward{q.i64(0),   q.i64(1),          q.i64(2),     q.text(3),        q.text(4),
                     q.i64(5),   q.instant(6),      q.instant(7), q.opt_instant(8), q.opt_i64(9),
                     q.text(10), q.opt_instant(11), q.opt_i64(12)};
}

}  // namespace

Result<RowId> Cases::add_event(const CaseEvent& e) {
  Result<Query> q = db_.query(
      "INSERT INTO case_events (tenant_id, case_id, customer_id, at, actor_user, kind, "
      "from_state, to_state, note, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  q->bind(e.tenant).bind(e.case_id).bind(e.customer).bind(e.at).bind(e.actor).bind(e.kind);
  TAMAS_TRY(q->bind(e.from_state).bind(e.to_state).bind(e.note).bind(e.payload_json).run());
  return db_.last_insert_rowid();
}

Result<std::vector<CaseEvent>> Cases::events(TenantId tenant, RowId case_id) {
  Result<Query> q = db_.query(
      "SELECT id, customer_id, at, actor_user, kind, from_state, to_state, note, payload_json "
      "FROM case_events WHERE tenant_id = ? AND case_id = ? ORDER BY id");
  TAMAS_TRY(q);
  return collect<CaseEvent>(q->bind(tenant).bind(case_id), [&](const Query& r) {
    return CaseEvent{r.i64(0),  tenant,    case_id,   r.opt_i64(1), r.instant(2), r.i64(3),
                     r.text(4), r.text(5), r.text(6), r.text(7),    r.text(8)};
  });
}

Result<RowId> Cases::add_forward(const CaseForward& f) {
  Result<Query> q = db_.query(
      "INSERT INTO case_forwards (tenant_id, case_id, department, task, forwarded_by, "
      "forwarded_at, due_at, answered_at, answered_by, answer, escalated_at, escalated_to) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  q->bind(f.tenant).bind(f.case_id).bind(f.department).bind(f.task).bind(f.forwarded_by);
  q->bind(f.forwarded_at).bind(f.due_at).bind(f.answered_at).bind(f.answered_by).bind(f.answer);
  TAMAS_TRY(q->bind(f.escalated_at).bind(f.escalated_to).run());
  return db_.last_insert_rowid();
}

Result<CaseForward> Cases::get_forward(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_FORWARD_SELECT "WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  return first<CaseForward>(q->bind(tenant).bind(id), read_forward,
                            "no forward " + std::to_string(id));
}

Status Cases::update_forward(const CaseForward& f) {
  Result<Query> q = db_.query(
      "UPDATE case_forwards SET due_at = ?, answered_at = ?, answered_by = ?, answer = ?, "
      "escalated_at = ?, escalated_to = ? WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  q->bind(f.due_at).bind(f.answered_at).bind(f.answered_by).bind(f.answer).bind(f.escalated_at);
  return update_one(db_, q->bind(f.escalated_to).bind(f.tenant).bind(f.id),
                    "no forward " + std::to_string(f.id));
}

Result<std::vector<CaseForward>> Cases::forwards(TenantId tenant, RowId case_id) {
  Result<Query> q =
      db_.query(TAMAS_FORWARD_SELECT "WHERE tenant_id = ? AND case_id = ? ORDER BY id");
  TAMAS_TRY(q);
  return collect<CaseForward>(q->bind(tenant).bind(case_id), read_forward);
}

Result<std::vector<CaseForward>> Cases::overdue_forwards(TenantId tenant, Instant now) {
  Result<Query> q = db_.query(TAMAS_FORWARD_SELECT
                              "WHERE tenant_id = ? AND answered_at IS NULL AND due_at <= ? "
                              "ORDER BY due_at, id");
  TAMAS_TRY(q);
  return collect<CaseForward>(q->bind(tenant).bind(now), read_forward);
}

Status Cases::link(const CaseLink& l) {
  if (l.case_id == l.other) return Error::invalid("a case cannot be linked to itself");
  return with_savepoint(db_, [&]() -> Status {
    for (auto [a, b] : {std::pair{l.case_id, l.other}, std::pair{l.other, l.case_id}}) {
      Result<Query> q = db_.query(
          "INSERT OR REPLACE INTO case_links (tenant_id, case_id, other_case_id, kind, "
          "created_at) VALUES (?, ?, ?, ?, ?)");
      TAMAS_TRY(q);
      TAMAS_TRY(q->bind(l.tenant).bind(a).bind(b).bind(l.kind).bind(l.created_at).run());
    }
    return {};
  });
}

Result<std::vector<CaseLink>> Cases::links(TenantId tenant, RowId case_id) {
  Result<Query> q = db_.query(
      "SELECT other_case_id, kind, created_at FROM case_links WHERE tenant_id = ? AND "
      "case_id = ? ORDER BY other_case_id");
  TAMAS_TRY(q);
  return collect<CaseLink>(q->bind(tenant).bind(case_id), [&](const Query& r) {
    return CaseLink{tenant, case_id, r.i64(0), r.text(1), r.instant(2)};
  });
}

Status Cases::set_redress(const Redress& r) {
  Result<Query> q = db_.query(
      "INSERT OR REPLACE INTO case_redress (tenant_id, case_id, remedy, amount, accepted, "
      "satisfaction, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  std::optional<std::int64_t> accepted, satisfaction;
  if (r.accepted) accepted = *r.accepted ? 1 : 0;
  if (r.satisfaction) satisfaction = *r.satisfaction;
  q->bind(r.tenant).bind(r.case_id).bind(r.remedy).bind(r.amount).bind(accepted);
  return q->bind(satisfaction).bind(r.notes).bind(r.updated_at).run();
}

Result<Redress> Cases::redress(TenantId tenant, RowId case_id) {
  Result<Query> q = db_.query(
      "SELECT remedy, amount, accepted, satisfaction, notes, updated_at FROM case_redress "
      "WHERE tenant_id = ? AND case_id = ?");
  TAMAS_TRY(q);
  return first<Redress>(
      q->bind(tenant).bind(case_id),
      [&](const Query& r) {
        Redress d{tenant,       case_id,      r.text(0), r.i64(1),
                  std::nullopt, std::nullopt, r.text(4), r.instant(5)};
        if (auto a = r.opt_i64(2)) d.accepted = *a != 0;
        if (auto s = r.opt_i64(3)) d.satisfaction = static_cast<int>(*s);
        return d;
      },
      "no redress for case " + std::to_string(case_id));
}

Result<RowId> Cases::add_notification(const OutboundNotification& n) {
  Result<Query> q = db_.query(
      "INSERT INTO outbound_notifications (tenant_id, customer_id, case_id, channel, address, "
      "body, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  q->bind(n.tenant).bind(n.customer).bind(n.case_id).bind(n.channel).bind(n.address);
  TAMAS_TRY(q->bind(n.body).bind(n.created_at).bind(n.state).run());
  return db_.last_insert_rowid();
}

Result<std::vector<OutboundNotification>> Cases::pending_notifications(TenantId tenant, int limit) {
  Result<Query> q = db_.query(
      "SELECT id, customer_id, case_id, channel, address, body, created_at, state FROM "
      "outbound_notifications WHERE tenant_id = ? AND state = 'pending' ORDER BY id LIMIT ?");
  TAMAS_TRY(q);
  return collect<OutboundNotification>(q->bind(tenant).bind(limit), [&](const Query& r) {
    return OutboundNotification{r.i64(0),  tenant,    r.opt_i64(1), r.opt_i64(2), r.text(3),
                                r.text(4), r.text(5), r.instant(6), r.text(7)};
  });
}

}  // namespace tamas::store::sqlite
