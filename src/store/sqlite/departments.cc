#include "store/sqlite/crm_repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {

Status Departments::add(const UserDepartment& d) {
  Result<Query> q = db_.query(
      "INSERT OR REPLACE INTO user_departments (tenant_id, user_id, department, head) "
      "VALUES (?, ?, ?, ?)");
  TAMAS_TRY(q);
  return q->bind(d.tenant).bind(d.user).bind(d.department).bind(d.head).run();
}

Result<std::vector<UserDepartment>> Departments::of_user(TenantId tenant, RowId user) {
  Result<Query> q = db_.query(
      "SELECT department, head FROM user_departments WHERE tenant_id = ? AND user_id = ? "
      "ORDER BY department");
  TAMAS_TRY(q);
  return collect<UserDepartment>(q->bind(tenant).bind(user), [&](const Query& r) {
    return UserDepartment{tenant, user, r.text(0), r.boolean(1)};
  });
}

Result<std::vector<UserDepartment>> Departments::members(TenantId tenant,
                                                         const std::string& department) {
  Result<Query> q = db_.query(
      "SELECT user_id, head FROM user_departments WHERE tenant_id = ? AND department = ? "
      "ORDER BY head DESC, user_id");
  TAMAS_TRY(q);
  return collect<UserDepartment>(q->bind(tenant).bind(department), [&](const Query& r) {
    return UserDepartment{tenant, r.i64(0), department, r.boolean(1)};
  });
}

}  // namespace tamas::store::sqlite
