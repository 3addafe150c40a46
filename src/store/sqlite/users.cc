#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_USER_SELECT                                                                    \
  "SELECT id, tenant_id, username, display_name, role, password_hash, disabled, created_at " \
  "FROM users "

User read(const Query& q) {
  Result<Role> role = parse_role(q.text(4));
  assert(role.ok() && "CHECK constraint keeps roles valid");
  return User{q.i64(0), q.i64(1),  q.text(2),    q.text(3),
              *role,    q.text(5), q.boolean(6), q.instant(7)};
}

}  // namespace

Result<RowId> Users::add(const User& u) {
  Result<Query> q = db_.query(
      "INSERT INTO users (tenant_id, username, display_name, role, password_hash, disabled, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(u.tenant).bind(u.username).bind(u.display_name).bind(to_string(u.role));
  if (Status s = q->bind(u.password_hash).bind(u.disabled).bind(u.created_at).run(); !s.ok())
    return s.error();
  return db_.last_insert_rowid();
}

Result<User> Users::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_USER_SELECT "WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return first<User>(q->bind(tenant).bind(id), read, "no user " + std::to_string(id));
}

Result<User> Users::find_by_username(TenantId tenant, const std::string& username) {
  Result<Query> q = db_.query(TAMAS_USER_SELECT "WHERE tenant_id = ? AND username = ?");
  if (!q.ok()) return q.error();
  return first<User>(q->bind(tenant).bind(username), read, "no user '" + username + "'");
}

Result<std::vector<User>> Users::list(TenantId tenant) {
  Result<Query> q = db_.query(TAMAS_USER_SELECT "WHERE tenant_id = ? ORDER BY username");
  if (!q.ok()) return q.error();
  return collect<User>(q->bind(tenant), read);
}

Status Users::update(const User& u) {
  Result<Query> q = db_.query(
      "UPDATE users SET username = ?, display_name = ?, role = ?, password_hash = ?, "
      "disabled = ? WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  q->bind(u.username).bind(u.display_name).bind(to_string(u.role)).bind(u.password_hash);
  return update_one(db_, q->bind(u.disabled).bind(u.tenant).bind(u.id),
                    "no user " + std::to_string(u.id));
}

}  // namespace tamas::store::sqlite
