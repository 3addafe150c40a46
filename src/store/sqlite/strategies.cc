#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_STRATEGY_SELECT                                                     \
  "SELECT id, tenant_id, version, yaml, compiled_json, uploaded_by, created_at, " \
  "active FROM strategy_versions "

StrategyVersion read(const Query& q) {
  return StrategyVersion{q.i64(0),  q.i64(1),  q.text(2),    q.text(3),
                         q.text(4), q.text(5), q.instant(6), q.boolean(7)};
}

}  // namespace

Result<RowId> Strategies::add(const StrategyVersion& v) {
  Result<Query> q = db_.query(
      "INSERT INTO strategy_versions (tenant_id, version, yaml, compiled_json, uploaded_by, "
      "created_at, active) VALUES (?, ?, ?, ?, ?, ?, 0)");
  if (!q.ok()) return q.error();
  q->bind(v.tenant).bind(v.version).bind(v.yaml).bind(v.compiled_json).bind(v.uploaded_by);
  if (Status s = q->bind(v.created_at).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<StrategyVersion> Strategies::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_STRATEGY_SELECT "WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return first<StrategyVersion>(q->bind(tenant).bind(id), read,
                                "no strategy version " + std::to_string(id));
}

Result<std::vector<StrategyVersion>> Strategies::history(TenantId tenant) {
  Result<Query> q = db_.query(TAMAS_STRATEGY_SELECT "WHERE tenant_id = ? ORDER BY id DESC");
  if (!q.ok()) return q.error();
  return collect<StrategyVersion>(q->bind(tenant), read);
}

Result<StrategyVersion> Strategies::active(TenantId tenant) {
  Result<Query> q = db_.query(TAMAS_STRATEGY_SELECT "WHERE tenant_id = ? AND active = 1");
  if (!q.ok()) return q.error();
  return first<StrategyVersion>(q->bind(tenant), read, "no active strategy");
}

Status Strategies::activate(TenantId tenant, RowId id) {
  return with_savepoint(db_, [&]() -> Status {
    Result<Query> off =
        db_.query("UPDATE strategy_versions SET active = 0 WHERE tenant_id = ? AND active = 1");
    if (!off.ok()) return off.error();
    if (Status s = off->bind(tenant).run(); !s.ok()) return s;
    Result<Query> on =
        db_.query("UPDATE strategy_versions SET active = 1 WHERE tenant_id = ? AND id = ?");
    if (!on.ok()) return on.error();
    return update_one(db_, on->bind(tenant).bind(id), "no strategy version " + std::to_string(id));
  });
}

}  // namespace tamas::store::sqlite
