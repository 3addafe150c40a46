#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

Event read(const Query& q) {
  return Event{q.i64(0), q.i64(1), q.text(2), q.instant(3), q.text(4)};
}

}  // namespace

// One statement computes the next seq and inserts. Writes are serialised by
// SQLite's write lock, so seqs are gap-free and increase in commit order.
Result<std::int64_t> Events::append(const Event& e) {
  Result<Query> q = db_.query(
      "INSERT INTO events (tenant_id, seq, type, at, payload_json) "
      "SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4 FROM events WHERE tenant_id = ?1 "
      "RETURNING seq");
  if (!q.ok()) return q.error();
  q->bind(e.tenant).bind(e.type).bind(e.at).bind(e.payload_json);
  Result<bool> row = q->step();
  if (!row.ok()) return row.error();
  assert(*row && "RETURNING yields the row");
  std::int64_t seq = q->i64(0);
  if (Status s = q->run(); !s.ok()) return s.error();
  return seq;
}

Result<std::vector<Event>> Events::read_after(TenantId tenant, std::int64_t after_seq, int limit) {
  Result<Query> q = db_.query(
      "SELECT tenant_id, seq, type, at, payload_json FROM events WHERE tenant_id = ? AND "
      "seq > ? ORDER BY seq LIMIT ?");
  if (!q.ok()) return q.error();
  return collect<Event>(q->bind(tenant).bind(after_seq).bind(limit), read);
}

Result<std::int64_t> Events::last_seq(TenantId tenant) {
  Result<Query> q = db_.query("SELECT COALESCE(MAX(seq), 0) FROM events WHERE tenant_id = ?");
  if (!q.ok()) return q.error();
  return first<std::int64_t>(
      q->bind(tenant), [](const Query& r) { return r.i64(0); }, "");
}

}  // namespace tamas::store::sqlite
