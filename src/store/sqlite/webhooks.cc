#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_WEBHOOK_SELECT \
  "SELECT id, tenant_id, url, events_json, secret, created_at, active FROM webhooks "

Webhook read(const Query& q) {
  return Webhook{q.i64(0),  q.i64(1),     q.text(2),   from_json_list(q.text(3)),
                 q.text(4), q.instant(5), q.boolean(6)};
}

WebhookDelivery read_delivery(const Query& q) {
  return WebhookDelivery{q.i64(0),     q.i64(1),
                         q.i64(2),     q.i64(3),
                         q.text(4),    static_cast<int>(q.i64(5)),
                         q.instant(6), static_cast<int>(q.i64(7)),
                         q.boolean(8), q.text(9)};
}

}  // namespace

Result<RowId> Webhooks::add(const Webhook& w) {
  Result<Query> q = db_.query(
      "INSERT INTO webhooks (tenant_id, url, events_json, secret, created_at, active) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(w.tenant).bind(w.url).bind(to_json_list(w.events)).bind(w.secret);
  if (Status s = q->bind(w.created_at).bind(w.active).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<Webhook> Webhooks::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_WEBHOOK_SELECT "WHERE tenant_id = ? AND id = ? AND active = 1");
  if (!q.ok()) return q.error();
  return first<Webhook>(q->bind(tenant).bind(id), read, "no webhook " + std::to_string(id));
}

Result<std::vector<Webhook>> Webhooks::list(TenantId tenant) {
  Result<Query> q =
      db_.query(TAMAS_WEBHOOK_SELECT "WHERE tenant_id = ? AND active = 1 ORDER BY id");
  if (!q.ok()) return q.error();
  return collect<Webhook>(q->bind(tenant), read);
}

Status Webhooks::remove(TenantId tenant, RowId id) {
  Result<Query> q =
      db_.query("UPDATE webhooks SET active = 0 WHERE tenant_id = ? AND id = ? AND active = 1");
  if (!q.ok()) return q.error();
  return update_one(db_, q->bind(tenant).bind(id), "no webhook " + std::to_string(id));
}

Result<RowId> Webhooks::add_delivery(const WebhookDelivery& d) {
  Result<Query> q = db_.query(
      "INSERT INTO webhook_deliveries (tenant_id, webhook_id, event_seq, event_type, attempt, at, "
      "status_code, ok, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(d.tenant).bind(d.webhook).bind(d.event_seq).bind(d.event_type).bind(d.attempt);
  if (Status s = q->bind(d.at).bind(d.status_code).bind(d.ok).bind(d.error).run(); !s.ok())
    return s.error();
  return db_.last_insert_rowid();
}

Result<std::vector<WebhookDelivery>> Webhooks::deliveries(TenantId tenant, RowId webhook,
                                                          int limit) {
  Result<Query> q = db_.query(
      "SELECT id, tenant_id, webhook_id, event_seq, event_type, attempt, at, status_code, ok, "
      "error FROM webhook_deliveries WHERE tenant_id = ? AND webhook_id = ? ORDER BY id DESC "
      "LIMIT ?");
  if (!q.ok()) return q.error();
  return collect<WebhookDelivery>(q->bind(tenant).bind(webhook).bind(limit), read_delivery);
}

}  // namespace tamas::store::sqlite
