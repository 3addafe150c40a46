#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_AGENT_SELECT                                                              \
  "SELECT id, tenant_id, user_id, skills_json, groups_json, capacities_json, sip_uri, " \
  "sip_ha1, sip_realm, sip_contact, sip_contact_until FROM agents "

Agent read(const Query& q) {
  return Agent{q.i64(0),  q.i64(1),  q.i64(2),  q.text(3), from_json_list(q.text(4)), q.text(5),
               q.text(6), q.text(7), q.text(8), q.text(9), q.opt_instant(10)};
}

}  // namespace

Result<RowId> Agents::add(const Agent& a) {
  Result<Query> q = db_.query(
      "INSERT INTO agents (tenant_id, user_id, skills_json, groups_json, capacities_json, "
      "sip_uri, sip_ha1, sip_realm, sip_contact, sip_contact_until) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.error();
  q->bind(a.tenant).bind(a.user).bind(a.skills_json).bind(to_json_list(a.groups));
  q->bind(a.capacities_json).bind(a.sip_uri).bind(a.sip_ha1).bind(a.sip_realm);
  if (Status s = q->bind(a.sip_contact).bind(a.sip_contact_until).run(); !s.ok()) return s.error();
  return db_.last_insert_rowid();
}

Result<Agent> Agents::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_AGENT_SELECT "WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  return first<Agent>(q->bind(tenant).bind(id), read, "no agent " + std::to_string(id));
}

Result<Agent> Agents::find_by_user(TenantId tenant, RowId user) {
  Result<Query> q = db_.query(TAMAS_AGENT_SELECT "WHERE tenant_id = ? AND user_id = ?");
  if (!q.ok()) return q.error();
  return first<Agent>(q->bind(tenant).bind(user), read,
                      "no agent for user " + std::to_string(user));
}

Result<std::vector<Agent>> Agents::list(TenantId tenant) {
  Result<Query> q = db_.query(TAMAS_AGENT_SELECT "WHERE tenant_id = ? ORDER BY id");
  if (!q.ok()) return q.error();
  return collect<Agent>(q->bind(tenant), read);
}

Status Agents::update(const Agent& a) {
  Result<Query> q = db_.query(
      "UPDATE agents SET user_id = ?, skills_json = ?, groups_json = ?, capacities_json = ?, "
      "sip_uri = ?, sip_ha1 = ?, sip_realm = ?, sip_contact = ?, sip_contact_until = ? "
      "WHERE tenant_id = ? AND id = ?");
  if (!q.ok()) return q.error();
  q->bind(a.user).bind(a.skills_json).bind(to_json_list(a.groups)).bind(a.capacities_json);
  q->bind(a.sip_uri).bind(a.sip_ha1).bind(a.sip_realm).bind(a.sip_contact);
  return update_one(db_, q->bind(a.sip_contact_until).bind(a.tenant).bind(a.id),
                    "no agent " + std::to_string(a.id));
}

}  // namespace tamas::store::sqlite
