#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_TOKEN_SELECT                                                               \
  "SELECT id, tenant_id, token_hash, owner_user, scopes_json, created_at, revoked, name " \
  "FROM api_tokens "

ApiToken read(const Query& q) {
  return ApiToken{q.i64(0),     q.i64(1),    q.text(2), q.i64(3), from_json_list(q.text(4)),
                  q.instant(5), q.boolean(6),  q.text(7)};
}

}  // namespace

Result<RowId> Tokens::add(const ApiToken& t) {
  Result<Query> q = db_.query(
      "INSERT INTO api_tokens (tenant_id, token_hash, owner_user, scopes_json, created_at, "
      "revoked, name) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(t.tenant).bind(t.token_hash).bind(t.owner_user).bind(to_json_list(t.scopes));
  if (Status s = q->bind(t.created_at).bind(t.revoked).bind(t.name).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<ApiToken> Tokens::find_by_hash(TenantId tenant, const std::string& token_hash) {
  Result<Query> q = db_.query(TAMAS_TOKEN_SELECT "WHERE tenant_id = ? AND token_hash = ?");
  if (!q.ok()) return q.error();
  return first<ApiToken>(q->bind(tenant).bind(token_hash), read, "no such token");
}

Result<std::vector<ApiToken>> Tokens::list(TenantId tenant) {
  Result<Query> q = db_.query(TAMAS_TOKEN_SELECT "WHERE tenant_id = ? ORDER BY id");
  if (!q.ok()) return q.error();
  return collect<ApiToken>(q->bind(tenant), read);
}

Status Tokens::revoke(TenantId tenant, RowId id) {
  Result<Query> q = db_.query("UPDATE api_tokens SET revoked = 1 WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return update_one(db_, q->bind(tenant).bind(id), "no token " + std::to_string(id));
}

}  // namespace tamas::store::sqlite
