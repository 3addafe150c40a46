#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {

Result<RowId> Chats::add(const Chat& c) {
  Result<Query> q = db_.query(
      "INSERT INTO chats (tenant_id, interaction_id, token_hash, name, phone, email, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(c.tenant).bind(c.interaction).bind(c.token_hash).bind(c.name).bind(c.phone);
  if (Status s = q->bind(c.email).bind(c.created_at).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<Chat> Chats::find_by_token_hash(TenantId tenant, const std::string& token_hash) {
  Result<Query> q = db_.query(
      "SELECT id, tenant_id, interaction_id, token_hash, name, phone, email, created_at FROM chats "
      "WHERE tenant_id = ? AND token_hash = ?");
  if (!q.ok()) return q.error();
  return first<Chat>(
      q->bind(tenant).bind(token_hash),
      [](const Query& r) {
        return Chat{r.i64(0),  r.i64(1),  r.i64(2),  r.text(3),
                    r.text(4), r.text(5), r.text(6), r.instant(7)};
      },
      "no such chat");
}

}  // namespace tamas::store::sqlite
