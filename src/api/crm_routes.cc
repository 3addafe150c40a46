#include "api/crm_routes.h"

#include <charconv>

#include "api/crm_json.h"
#include "api/json_body.h"
#include "api/route_helpers.h"
#include "core/text.h"
#include "services/crm/identity.h"
#include "services/crm/merge.h"
#include "services/crm/profile.h"
#include "services/crm/screen_pop.h"
#include "services/crm/timeline.h"

namespace tamas::api {
namespace {

namespace json = boost::json;
using Parts = CrmBackend::Parts;

std::string digits_only(const std::string& s) {
  std::string out;
  for (char c : to_ascii_digits(s))
    if (c >= '0' && c <= '9') out += c;
  return out;
}

Response resolve(const Request& req, const Principal& p, Parts& b) {
  JsonBody body(req);
  services::crm::ContactKeys keys{
      body.string("phone").value_or(""), body.string("email").value_or(""),
      body.string("handle").value_or(""), body.string("vin").value_or("")};
  const bool create = body.boolean("create").value_or(true);
  if (auto e = body.error()) return std::move(*e);
  auto r = create ? services::crm::resolve_customer(b.crm, keys, b.now)
                  : services::crm::find_customer(b.crm, keys);
  if (!r.ok()) return error_response(r.error());
  auto c = b.store.customers().get(b.crm.tenant, r->customer);
  if (!c.ok()) return error_response(c.error());
  json::array candidates;
  for (auto id : r->candidates) candidates.emplace_back(id);
  json::object out{{"matched_by", services::crm::to_string(r->matched_by)},
                   {"provisional", r->provisional},
                   {"candidates", candidates},
                   {"customer", customer_json(*c, b.strategy, p.may(Permission::view_sensitive))}};
  return json_response(r->provisional ? 201 : 200, out);
}

Response get_customer(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  const bool sensitive = p.may(Permission::view_sensitive);
  auto c = b.store.customers().get(b.crm.tenant, *id);
  if (!c.ok()) return error_response(c.error());
  auto ids = b.store.profiles().identities(b.crm.tenant, *id);
  auto assets = b.store.profiles().assets(b.crm.tenant, *id);
  auto consents = b.store.profiles().consents(b.crm.tenant, *id);
  auto merges = b.store.profiles().merges_into(b.crm.tenant, *id);
  if (!ids.ok() || !assets.ok() || !consents.ok() || !merges.ok())
    return Response::error(503, "unavailable", "could not read the customer");
  json::array ja, aa, ca, ma;
  for (const auto& i : *ids) ja.emplace_back(identity_json(i, sensitive));
  for (const auto& a : *assets) aa.emplace_back(asset_json(a));
  for (const auto& k : *consents)
    ca.emplace_back(json::object{
        {"topic", k.topic}, {"granted", k.granted}, {"updated_at", format_iso8601(k.updated_at)}});
  for (const auto& m : *merges)
    ma.emplace_back(json::object{
        {"from", m.from}, {"by", m.by_user}, {"at", format_iso8601(m.at)}, {"note", m.note}});
  json::object out = customer_json(*c, b.strategy, sensitive);
  out["identities"] = ja;
  out["assets"] = aa;
  out["consents"] = ca;
  out["merges"] = ma;
  return json_response(200, out);
}

Response set_attributes(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  const json::value* attrs = body.raw("attributes");
  if (!attrs || !attrs->is_object()) body.problem("attributes", "must be an object");
  if (auto e = body.error()) return std::move(*e);
  auto c = services::crm::set_attributes(b.crm, *id, json::serialize(*attrs), b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(200, customer_json(*c, b.strategy, p.may(Permission::view_sensitive)));
}

Response add_identity(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto kind = body.string("kind", true);
  auto value = body.string("value", true, 200);
  if (auto e = body.error()) return std::move(*e);
  auto k = store::parse_identity_kind(*kind);
  if (!k.ok()) return error_response(k.error());
  std::string v = *k == store::IdentityKind::handle
                      ? services::crm::canonical_keys({"", "", *value, ""})->handle
                      : digits_only(*value);
  if (v.empty()) return Response::error(400, "invalid_argument", "the value is empty");
  if (auto c = b.store.customers().get(b.crm.tenant, *id); !c.ok())
    return error_response(c.error());
  store::CustomerIdentity ident{b.crm.tenant, *id, *k, v, b.now};
  if (Status s = b.store.profiles().add_identity(ident); !s.ok()) return error_response(s.error());
  return json_response(201, identity_json(ident, p.may(Permission::view_sensitive)));
}

Response add_asset(const Request& req, const Principal&, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  store::CustomerAsset a;
  a.tenant = b.crm.tenant;
  a.customer = *id;
  a.kind = body.string("kind").value_or("vehicle");
  a.model = body.string("model", true, 200).value_or("");
  const std::string vin = body.string("serial", false, 64).value_or("");
  a.amount = body.integer("amount").value_or(0);
  if (auto e = body.error()) return std::move(*e);
  auto keys = services::crm::canonical_keys({"", "", "", vin});
  if (!keys.ok()) return error_response(keys.error());
  a.serial = keys->vin;
  if (auto c = b.store.customers().get(b.crm.tenant, *id); !c.ok())
    return error_response(c.error());
  auto aid = b.store.profiles().add_asset(a);
  if (!aid.ok()) return error_response(aid.error());
  a.id = *aid;
  if (auto r = services::crm::refresh_segment(b.crm, *id, b.now); !r.ok())
    return error_response(r.error());
  return json_response(201, asset_json(a));
}

Response merge(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto into = body.integer("into", true);
  auto note = body.string("note", false, 2000);
  if (auto e = body.error()) return std::move(*e);
  auto c = services::crm::merge_customers(b.crm, {*id, *into, p.user, note.value_or("")}, b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(200, customer_json(*c, b.strategy, p.may(Permission::view_sensitive)));
}

Response timeline(const Request& req, const Principal&, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  int limit = 20;
  if (auto it = req.query.find("limit"); it != req.query.end()) {
    auto [end, ec] =
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), limit);
    if (ec != std::errc{} || end != it->second.data() + it->second.size())
      return Response::error(400, "invalid_argument", "limit must be a number");
  }
  auto cursor = req.query.count("cursor") ? req.query.at("cursor") : std::string();
  auto page = services::crm::timeline_page(b.crm, *id, cursor, limit);
  if (!page.ok()) return error_response(page.error());
  json::array entries;
  for (const auto& e : page->entries) entries.emplace_back(timeline_entry_json(e));
  json::object out{{"entries", entries}};
  out["next"] = page->next.empty() ? json::value(nullptr) : json::value(page->next);
  return json_response(200, out);
}

Response screen_pop(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  auto pop = services::crm::screen_pop(b.crm, *id, b.now);
  if (!pop.ok()) return error_response(pop.error());
  json::array cases, contacts;
  for (const auto& c : pop->open_cases) cases.emplace_back(case_json(c));
  for (const auto& e : pop->last_contacts) contacts.emplace_back(timeline_entry_json(e));
  json::object out{
      {"customer", customer_json(pop->customer, b.strategy, p.may(Permission::view_sensitive))},
      {"segment", pop->segment},
      {"value", json::object{{"score", pop->value.score}, {"tier", pop->value.tier}}},
      {"open_cases", cases},
      {"last_contacts", contacts}};
  return json_response(200, out);
}

}  // namespace

void add_crm_routes(Router& router, const Guard& guard, CrmBackend& backend) {
  auto route = [&](const char* method, const char* path,
                   Response (*fn)(const Request&, const Principal&, Parts&)) {
    router.add(method, path, guard.allow(Permission::handle_cases, on_backend(backend, fn)));
  };
  route("POST", "/api/v1/customers/resolve", resolve);
  route("GET", "/api/v1/customers/{id}", get_customer);
  route("POST", "/api/v1/customers/{id}/attributes", set_attributes);
  route("POST", "/api/v1/customers/{id}/identities", add_identity);
  route("POST", "/api/v1/customers/{id}/assets", add_asset);
  route("POST", "/api/v1/customers/{id}/merge", merge);
  route("GET", "/api/v1/customers/{id}/timeline", timeline);
  route("GET", "/api/v1/customers/{id}/screen-pop", screen_pop);
}

}  // namespace tamas::api
