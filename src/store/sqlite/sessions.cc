#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_SESSION_SELECT                                                       \
  "SELECT id, tenant_id, token_hash, user_id, csrf_hash, created_at, expires_at, " \
  "last_seen_at, revoked FROM sessions "

Session read(const Query& q) {
  return Session{q.i64(0),     q.i64(1),     q.text(2),    q.i64(3),    q.text(4),
                 q.instant(5), q.instant(6), q.instant(7), q.boolean(8)};
}

}  // namespace

Result<RowId> Sessions::add(const Session& s) {
  Result<Query> q = db_.query(
      "INSERT INTO sessions (tenant_id, token_hash, user_id, csrf_hash, created_at, expires_at, "
      "last_seen_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(s.tenant).bind(s.token_hash).bind(s.user).bind(s.csrf_hash).bind(s.created_at);
  if (Status st = q->bind(s.expires_at).bind(s.last_seen_at).bind(s.revoked).run(); !st.ok())
    return st.error();
  return db_.last_insert_rowid();
}

Result<Session> Sessions::find_by_hash(TenantId tenant, const std::string& token_hash) {
  Result<Query> q = db_.query(TAMAS_SESSION_SELECT "WHERE tenant_id = ? AND token_hash = ?");
  if (!q.ok()) return q.error();
  return first<Session>(q->bind(tenant).bind(token_hash), read, "no such session");
}

Status Sessions::touch(TenantId tenant, RowId id, Instant last_seen_at) {
  Result<Query> q =
      db_.query("UPDATE sessions SET last_seen_at = ? WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return update_one(db_, q->bind(last_seen_at).bind(tenant).bind(id),
                    "no session " + std::to_string(id));
}

Status Sessions::revoke(TenantId tenant, RowId id) {
  Result<Query> q = db_.query("UPDATE sessions SET revoked = 1 WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return update_one(db_, q->bind(tenant).bind(id), "no session " + std::to_string(id));
}

Result<int> Sessions::revoke_user(TenantId tenant, RowId user) {
  Result<Query> q = db_.query(
      "UPDATE sessions SET revoked = 1 WHERE tenant_id = ? AND user_id = ? AND revoked = 0");
  if (!q.ok()) return q.error();
  if (Status s = q->bind(tenant).bind(user).run(); !s.ok()) return s.error();
  return db_.changes();
}

Result<int> Sessions::purge(TenantId tenant, Instant before) {
  Result<Query> q = db_.query(
      "DELETE FROM sessions WHERE tenant_id = ? AND (expires_at < ? OR (revoked = 1 AND "
      "last_seen_at < ?))");
  if (!q.ok()) return q.error();
  if (Status s = q->bind(tenant).bind(before).bind(before).run(); !s.ok()) return s.error();
  return db_.changes();
}

}  // namespace tamas::store::sqlite
