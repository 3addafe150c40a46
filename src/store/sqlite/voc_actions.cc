// Voice-of-the-customer preventive actions and their motivating cases.
#include "store/sqlite/crm_repos.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

VocAction read(const Query& q) {
  VocAction a;
  a.id = q.i64(0);
  a.tenant = q.i64(1);
  a.title = q.text(2);
  a.category = q.text(3);
  a.product = q.text(4);
  a.owner = q.i64(5);
  a.due_at = q.opt_instant(6);
  a.status = q.text(7);
  a.notes = q.text(8);
  a.created_at = q.instant(9);
  return a;
}

#define TAMAS_VOC_SELECT                                                                \
  "SELECT id, tenant_id, title, category, product, owner_user, due_at, status, notes, " \
  "created_at FROM voc_actions "

}  // namespace

Status Cases::load_voc_cases(VocAction& a) {
  Result<Query> q = db_.query(
      "SELECT case_id FROM voc_action_cases WHERE tenant_id = ? AND action_id = ? ORDER BY "
      "case_id");
  TAMAS_TRY(q);
  auto ids = collect<RowId>(q->bind(a.tenant).bind(a.id), [](const Query& r) { return r.i64(0); });
  TAMAS_TRY(ids);
  a.cases = std::move(*ids);
  return {};
}

Result<RowId> Cases::add_voc(const VocAction& a) {
  RowId id = 0;
  Status s = with_savepoint(db_, [&]() -> Status {
    Result<Query> q = db_.query(
        "INSERT INTO voc_actions (tenant_id, title, category, product, owner_user, due_at, "
        "status, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    TAMAS_TRY(q);
    q->bind(a.tenant).bind(a.title).bind(a.category).bind(a.product).bind(a.owner);
    TAMAS_TRY(q->bind(a.due_at).bind(a.status).bind(a.notes).bind(a.created_at).run());
    id = db_.last_insert_rowid();
    for (RowId c : a.cases) {
      Result<Query> l = db_.query(
          "INSERT OR IGNORE INTO voc_action_cases (tenant_id, action_id, case_id) VALUES (?, ?, "
          "?)");
      TAMAS_TRY(l);
      TAMAS_TRY(l->bind(a.tenant).bind(id).bind(c).run());
    }
    return {};
  });
  if (!s.ok()) return s.error();
  return id;
}

Result<VocAction> Cases::get_voc(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_VOC_SELECT "WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  Result<VocAction> a =
      first<VocAction>(q->bind(tenant).bind(id), read, "no action " + std::to_string(id));
  TAMAS_TRY(a);
  TAMAS_TRY(load_voc_cases(*a));
  return a;
}

Status Cases::update_voc(const VocAction& a) {
  Result<Query> q = db_.query(
      "UPDATE voc_actions SET title = ?, category = ?, product = ?, owner_user = ?, due_at = ?, "
      "status = ?, notes = ? WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  q->bind(a.title).bind(a.category).bind(a.product).bind(a.owner).bind(a.due_at);
  return update_one(db_, q->bind(a.status).bind(a.notes).bind(a.tenant).bind(a.id),
                    "no action " + std::to_string(a.id));
}

Result<std::vector<VocAction>> Cases::list_voc(TenantId tenant) {
  Result<Query> q = db_.query(TAMAS_VOC_SELECT "WHERE tenant_id = ? ORDER BY id");
  TAMAS_TRY(q);
  auto all = collect<VocAction>(q->bind(tenant), read);
  TAMAS_TRY(all);
  for (VocAction& a : *all) TAMAS_TRY(load_voc_cases(a));
  return all;
}

}  // namespace tamas::store::sqlite
