#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

InteractionMessage read(const Query& q) {
  Result<SenderKind> kind = parse_sender_kind(q.text(3));
  assert(kind.ok() && "CHECK constraint keeps sender kinds valid");
  return InteractionMessage{q.i64(0),  q.i64(1),  q.i64(2),    *kind,
                            q.text(4), q.text(5), q.instant(6)};
}

}  // namespace

// One statement computes the next seq and inserts, so it is atomic on its own.
Result<std::int64_t> Messages::append(const InteractionMessage& m) {
  Result<Query> q = db_.query(
      "INSERT INTO interaction_messages (tenant_id, interaction_id, seq, sender_kind, "
      "sender_id, text, sent_at) SELECT ?1, ?2, COALESCE(MAX(seq), 0) + 1, ?3, ?4, ?5, ?6 "
      "FROM interaction_messages WHERE tenant_id = ?1 AND interaction_id = ?2 RETURNING seq");
  if (!q.ok()) return q.error();
  q->bind(m.tenant).bind(m.interaction).bind(to_string(m.sender_kind)).bind(m.sender_id);
  q->bind(m.text).bind(m.sent_at);
  Result<bool> row = q->step();
  if (!row.ok()) return row.error();
  assert(*row && "RETURNING yields the row");
  std::int64_t seq = q->i64(0);
  if (Status s = q->run(); !s.ok()) return s.error();
  return seq;
}

Result<std::vector<InteractionMessage>> Messages::transcript(TenantId tenant, RowId interaction) {
  Result<Query> q = db_.query(
      "SELECT tenant_id, interaction_id, seq, sender_kind, sender_id, text, sent_at FROM "
      "interaction_messages WHERE tenant_id = ? AND interaction_id = ? ORDER BY seq");
  if (!q.ok()) return q.error();
  return collect<InteractionMessage>(q->bind(tenant).bind(interaction), read);
}

}  // namespace tamas::store::sqlite
