#include <algorithm>
#include <limits>

#include "store/sqlite/crm_repos.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

std::vector<RowId> read_ids(Query& q, Status& status) {
  std::vector<RowId> ids;
  Result<std::vector<RowId>> r = collect<RowId>(q, [](const Query& row) { return row.i64(0); });
  if (!r.ok())
    status = r.error();
  else
    ids = std::move(*r);
  return ids;
}

CustomerAsset read_asset(const Query& q) {
  CustomerAsset a;
  a.id = q.i64(0);
  a.tenant = q.i64(1);
  a.customer = q.i64(2);
  a.kind = q.text(3);
  a.model = q.text(4);
  a.serial = q.text(5);
  a.purchased_at = q.opt_instant(6);
  a.amount = q.i64(7);
  a.attributes_json = q.text(8);
  return a;
}

}  // namespace

Status Profiles::add_identity(const CustomerIdentity& i) {
  Result<Query> q = db_.query(
      "INSERT OR IGNORE INTO customer_identities (tenant_id, kind, value, customer_id, "
      "created_at) VALUES (?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  return q->bind(i.tenant)
      .bind(to_string(i.kind))
      .bind(i.value)
      .bind(i.customer)
      .bind(i.created_at)
      .run();
}

Result<std::vector<CustomerIdentity>> Profiles::identities(TenantId tenant, RowId customer) {
  Result<Query> q = db_.query(
      "SELECT kind, value, created_at FROM customer_identities WHERE tenant_id = ? AND "
      "customer_id = ? ORDER BY kind, value");
  TAMAS_TRY(q);
  return collect<CustomerIdentity>(q->bind(tenant).bind(customer), [&](const Query& r) {
    CustomerIdentity i{tenant, customer, IdentityKind::handle, r.text(1), r.instant(2)};
    if (auto k = parse_identity_kind(r.text(0)); k.ok()) i.kind = *k;
    return i;
  });
}

Result<std::vector<RowId>> Profiles::find_by_identity(TenantId tenant, IdentityKind kind,
                                                      const std::string& value) {
  Result<Query> q = db_.query(
      "SELECT i.customer_id FROM customer_identities i JOIN customers c ON c.tenant_id = "
      "i.tenant_id AND c.id = i.customer_id WHERE i.tenant_id = ? AND i.kind = ? AND i.value = ? "
      "AND c.merged_into IS NULL ORDER BY i.customer_id");
  TAMAS_TRY(q);
  Status s;
  auto ids = read_ids(q->bind(tenant).bind(to_string(kind)).bind(value), s);
  if (!s.ok()) return s.error();
  return ids;
}

Result<RowId> Profiles::add_asset(const CustomerAsset& a) {
  Result<Query> q = db_.query(
      "INSERT INTO customer_assets (tenant_id, customer_id, kind, model, serial, purchased_at, "
      "amount, attributes_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  q->bind(a.tenant).bind(a.customer).bind(a.kind).bind(a.model).bind(a.serial);
  TAMAS_TRY(q->bind(a.purchased_at).bind(a.amount).bind(a.attributes_json).run());
  return db_.last_insert_rowid();
}

Result<std::vector<CustomerAsset>> Profiles::assets(TenantId tenant, RowId customer) {
  Result<Query> q = db_.query(
      "SELECT id, tenant_id, customer_id, kind, model, serial, purchased_at, amount, "
      "attributes_json FROM customer_assets WHERE tenant_id = ? AND customer_id = ? ORDER BY id");
  TAMAS_TRY(q);
  return collect<CustomerAsset>(q->bind(tenant).bind(customer), read_asset);
}

Result<std::vector<RowId>> Profiles::find_by_serial(TenantId tenant, const std::string& serial) {
  if (serial.empty()) return std::vector<RowId>{};
  Result<Query> q = db_.query(
      "SELECT DISTINCT a.customer_id FROM customer_assets a JOIN customers c ON c.tenant_id = "
      "a.tenant_id AND c.id = a.customer_id WHERE a.tenant_id = ? AND a.serial = ? AND "
      "a.serial <> '' AND c.merged_into IS NULL ORDER BY a.customer_id");
  TAMAS_TRY(q);
  Status s;
  auto ids = read_ids(q->bind(tenant).bind(serial), s);
  if (!s.ok()) return s.error();
  return ids;
}

Status Profiles::set_consent(const Consent& c) {
  Result<Query> q = db_.query(
      "INSERT OR REPLACE INTO customer_consents (tenant_id, customer_id, topic, granted, "
      "updated_at) VALUES (?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  return q->bind(c.tenant).bind(c.customer).bind(c.topic).bind(c.granted).bind(c.updated_at).run();
}

Result<std::vector<Consent>> Profiles::consents(TenantId tenant, RowId customer) {
  Result<Query> q = db_.query(
      "SELECT topic, granted, updated_at FROM customer_consents WHERE tenant_id = ? AND "
      "customer_id = ? ORDER BY topic");
  TAMAS_TRY(q);
  return collect<Consent>(q->bind(tenant).bind(customer), [&](const Query& r) {
    return Consent{tenant, customer, r.text(0), r.boolean(1), r.instant(2)};
  });
}

Result<ProfileRepository::ContactStats> Profiles::contact_stats(TenantId tenant, RowId customer) {
  ContactStats stats;
  Result<Query> q = db_.query(
      "SELECT count(*), max(arrived_at) FROM interactions WHERE tenant_id = ? AND "
      "customer_id = ?");
  TAMAS_TRY(q);
  Result<bool> row = q->bind(tenant).bind(customer).step();
  TAMAS_TRY(row);
  stats.interactions = q->i64(0);
  stats.last_contact = q->opt_instant(1);
  Result<Query> c = db_.query(
      "SELECT count(*) FROM cases WHERE tenant_id = ? AND customer_id = ? AND kind = "
      "'complaint'");
  TAMAS_TRY(c);
  row = c->bind(tenant).bind(customer).step();
  TAMAS_TRY(row);
  stats.complaints = c->i64(0);
  return stats;
}

}  // namespace tamas::store::sqlite
