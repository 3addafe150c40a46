#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_TENANT_SELECT "SELECT tenant_id, slug, name, created_at FROM tenants "

Tenant read(const Query& q) {
  return Tenant{q.i64(0), q.text(1), q.text(2), q.instant(3)};
}

}  // namespace

Result<TenantId> Tenants::add(const Tenant& t) {
  Result<Query> q = db_.query("INSERT INTO tenants (slug, name, created_at) VALUES (?, ?, ?)");
  if (!q.ok()) return q.error();
  if (Status s = q->bind(t.slug).bind(t.name).bind(t.created_at).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<Tenant> Tenants::get(TenantId id) {
  Result<Query> q = db_.query(TAMAS_TENANT_SELECT "WHERE tenant_id = ?");
  if (!q.ok()) return q.error();
  return first<Tenant>(q->bind(id), read, "no tenant " + std::to_string(id));
}

Result<Tenant> Tenants::find_by_slug(const std::string& slug) {
  Result<Query> q = db_.query(TAMAS_TENANT_SELECT "WHERE slug = ?");
  if (!q.ok()) return q.error();
  return first<Tenant>(q->bind(slug), read, "no tenant '" + slug + "'");
}

Result<std::vector<Tenant>> Tenants::list() {
  Result<Query> q = db_.query(TAMAS_TENANT_SELECT "ORDER BY tenant_id");
  if (!q.ok()) return q.error();
  return collect<Tenant>(*q, read);
}

}  // namespace tamas::store::sqlite
