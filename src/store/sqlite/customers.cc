#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_CUSTOMER_COLS                                                       \
  "c.id, c.tenant_id, c.first_name, c.last_name, c.province, c.city, c.segment, " \
  "c.attributes_json, c.created_at, c.merged_into "

Customer read(const Query& q) {
  Customer c;
  c.id = q.i64(0);
  c.tenant = q.i64(1);
  c.first_name = q.text(2);
  c.last_name = q.text(3);
  c.province = q.text(4);
  c.city = q.text(5);
  c.segment = q.text(6);
  c.attributes_json = q.text(7);
  c.created_at = q.instant(8);
  c.merged_into = q.opt_i64(9);
  return c;
}

}  // namespace

Status Customers::write_contacts(const Customer& c) {
  Result<Query> del =
      db_.query("DELETE FROM customer_contacts WHERE tenant_id = ? AND customer_id = ?");
  if (!del.ok()) return del.error();
  if (Status s = del->bind(c.tenant).bind(c.id).run(); !s.ok()) return s;
  auto insert = [&](const char* kind, const std::vector<std::string>& values) -> Status {
    for (std::size_t i = 0; i < values.size(); ++i) {
      Result<Query> q = db_.query(
          "INSERT INTO customer_contacts (tenant_id, customer_id, kind, value, position) "
          "VALUES (?, ?, ?, ?, ?)");
      if (!q.ok()) return q.error();
      q->bind(c.tenant).bind(c.id).bind(kind).bind(values[i]);
      if (Status s = q->bind(static_cast<std::int64_t>(i)).run(); !s.ok()) return s;
    }
    return {};
  };
  if (Status s = insert("phone", c.phones); !s.ok()) return s;
  return insert("email", c.emails);
}

Status Customers::load_contacts(Customer& c) {
  Result<Query> q = db_.query(
      "SELECT kind, value FROM customer_contacts WHERE tenant_id = ? AND customer_id = ? "
      "ORDER BY kind, position");
  if (!q.ok()) return q.error();
  q->bind(c.tenant).bind(c.id);
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error();
    if (!*row) return {};
    (q->text(0) == "phone" ? c.phones : c.emails).push_back(q->text(1));
  }
}

Result<RowId> Customers::add(const Customer& c) {
  Customer stored = c;
  Status s = with_savepoint(db_, [&]() -> Status {
    Result<Query> q = db_.query(
        "INSERT INTO customers (tenant_id, first_name, last_name, province, city, segment, "
        "attributes_json, created_at, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)");
    if (!q.ok()) return q.error();
    q->bind(c.tenant).bind(c.first_name).bind(c.last_name).bind(c.province).bind(c.city);
    if (Status s = q->bind(c.segment).bind(c.attributes_json).bind(c.created_at).run(); !s.ok())
      return s;
    stored.id = db_.last_insert_rowid();
    return write_contacts(stored);
  });
  if (!s.ok()) return s.error();
  return stored.id;
}

Result<Customer> Customers::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query("SELECT " TAMAS_CUSTOMER_COLS
                              "FROM customers c WHERE c.tenant_id = ? AND c.id = ?");
  if (!q.ok()) return q.error();
  Result<Customer> c =
      first<Customer>(q->bind(tenant).bind(id), read, "no customer " + std::to_string(id));
  if (!c.ok()) return c;
  if (Status s = load_contacts(*c); !s.ok()) return s.error();
  return c;
}

Status Customers::update(const Customer& c) {
  return with_savepoint(db_, [&]() -> Status {
    Result<Query> q = db_.query(
        "UPDATE customers SET first_name = ?, last_name = ?, province = ?, city = ?, "
        "segment = ?, attributes_json = ? WHERE tenant_id = ? AND id = ?");
    if (!q.ok()) return q.error();
    q->bind(c.first_name).bind(c.last_name).bind(c.province).bind(c.city).bind(c.segment);
    q->bind(c.attributes_json).bind(c.tenant).bind(c.id);
    if (Status s = update_one(db_, *q, "no customer " + std::to_string(c.id)); !s.ok()) return s;
    return write_contacts(c);
  });
}

Result<std::vector<Customer>> Customers::find_by_contact(TenantId tenant, const char* kind,
                                                         const std::string& value) {
  Result<Query> q =
      db_.query("SELECT DISTINCT " TAMAS_CUSTOMER_COLS
                "FROM customer_contacts k JOIN customers c ON c.tenant_id = k.tenant_id AND "
                "c.id = k.customer_id WHERE k.tenant_id = ? AND k.kind = ? AND k.value = ? AND "
                "c.merged_into IS NULL ORDER BY c.id");
  if (!q.ok()) return q.error();
  Result<std::vector<Customer>> found =
      collect<Customer>(q->bind(tenant).bind(kind).bind(value), read);
  if (!found.ok()) return found;
  for (Customer& c : *found)
    if (Status s = load_contacts(c); !s.ok()) return s.error();
  return found;
}

Result<std::vector<Customer>> Customers::find_by_phone(TenantId tenant, const std::string& phone) {
  return find_by_contact(tenant, "phone", phone);
}

Result<std::vector<Customer>> Customers::find_by_email(TenantId tenant, const std::string& email) {
  return find_by_contact(tenant, "email", email);
}

Status Customers::merge(TenantId tenant, RowId from, RowId into) {
  if (from == into) return Error::invalid("cannot merge a customer into itself");
  return with_savepoint(db_, [&]() -> Status {
    if (Result<Customer> target = get(tenant, into); !target.ok()) return target.error();
    Result<Query> q =
        db_.query("UPDATE customers SET merged_into = ? WHERE tenant_id = ? AND id = ?");
    if (!q.ok()) return q.error();
    return update_one(db_, q->bind(into).bind(tenant).bind(from),
                      "no customer " + std::to_string(from));
  });
}

}  // namespace tamas::store::sqlite
