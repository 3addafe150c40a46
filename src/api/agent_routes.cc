// GET/PUT /api/v1/users/{id}/agent: a user's agent profile (skills with
// levels 1-5, agent groups, capacities per channel, SIP URI), validated
// against the strategy.
#include "api/json_body.h"
#include "api/route_helpers.h"
#include "api/user_routes.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

Response profile_response(int status, const store::Agent& a) {
  json::array groups;
  for (const auto& g : a.groups) groups.push_back(json::value(g));
  json::object o{
      {"user", a.user},
      {"skills", json::parse(a.skills_json)},
      {"groups", std::move(groups)},
      {"capacities", json::parse(a.capacities_json)},
      {"sip_uri", a.sip_uri},
      {"sip",
       {{"password_set", !a.sip_ha1.empty()}, {"realm", a.sip_realm}, {"contact", a.sip_contact}}}};
  return Response::json(status, to_text(o));
}

// {name: integer in [lo, hi]} with names from `allowed`; problems recorded on `field`.
std::optional<json::object> levels(JsonBody& body, const std::string& field, bool required,
                                   const std::set<std::string>& allowed, int lo, int hi,
                                   const char* what) {
  const json::value* v = body.raw(field);
  if (!v) {
    if (required) body.problem(field, "is required");
    return std::nullopt;
  }
  if (!v->is_object()) {
    body.problem(field, "must be an object");
    return std::nullopt;
  }
  json::object out;
  for (const auto& [k, level] : v->as_object()) {
    const std::string key(k);
    if (!allowed.count(key)) {
      body.problem(field + "." + key, std::string("is not a ") + what + " of the strategy");
    } else if (!level.is_int64() || level.as_int64() < lo || level.as_int64() > hi) {
      body.problem(field + "." + key,
                   "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    } else {
      out[key] = level.as_int64();
    }
  }
  return out;
}

std::vector<std::string> group_list(JsonBody& body, const std::set<std::string>& allowed) {
  std::vector<std::string> out;
  const json::value* v = body.raw("groups");
  if (!v) return out;
  if (!v->is_array()) {
    body.problem("groups", "must be an array of agent group ids");
    return out;
  }
  for (const auto& g : v->as_array()) {
    if (!g.is_string() || !allowed.count(std::string(g.as_string()))) {
      body.problem("groups", "unknown agent group " +
                                 (g.is_string() ? std::string(g.as_string()) : to_text(g)));
      continue;
    }
    out.emplace_back(g.as_string());
  }
  return out;
}

Response get_profile(const Request& req, const AccountServices& s) {
  auto id = id_param(req);
  if (!id) return Response::error(404, "not_found", "no user " + req.params.at("id"));
  auto agent = s.db.with([&](store::Store& db) -> Result<store::Agent> {
    if (auto u = db.users().get(s.guard.tenant(), *id); !u) return u.error();
    auto a = db.agents().find_by_user(s.guard.tenant(), *id);
    if (!a && a.error().code == ErrorCode::not_found)
      return Error::not_found("user " + std::to_string(*id) + " has no agent profile");
    return a;
  });
  if (!agent) return store_failure(agent.error());
  return profile_response(200, *agent);
}

Response put_profile(const Request& req, const AccountServices& s, const AgentVocabulary& v) {
  auto id = id_param(req);
  if (!id) return Response::error(404, "not_found", "no user " + req.params.at("id"));
  JsonBody body(req);
  auto skills = levels(body, "skills", true, v.skills, 1, 5, "skill");
  auto groups = group_list(body, v.groups);
  auto capacities = levels(body, "capacities", false, v.channels, 0, 50, "channel");
  auto sip = body.string("sip_uri", false, 500);
  if (sip && !sip->empty() && sip->rfind("sip:", 0) != 0)
    body.problem("sip_uri", "must start with sip:");
  if (auto e = body.error()) return std::move(*e);
  store::Agent a;
  a.tenant = s.guard.tenant();
  a.user = *id;
  a.skills_json = to_text(*skills);
  a.groups = std::move(groups);
  a.capacities_json = to_text(capacities ? *capacities : json::object{});
  a.sip_uri = sip ? *sip : "";
  auto saved = s.db.with([&](store::Store& db) -> Result<store::Agent> {
    if (auto u = db.users().get(s.guard.tenant(), *id); !u) return u.error();
    auto existing = db.agents().find_by_user(s.guard.tenant(), *id);
    if (existing) {
      a.id = existing->id;
      // The phone's credential and registration are not part of this body
      // (`tamas user sip-password`, REGISTER): kept as they are.
      a.sip_ha1 = existing->sip_ha1;
      a.sip_realm = existing->sip_realm;
      a.sip_contact = existing->sip_contact;
      a.sip_contact_until = existing->sip_contact_until;
      if (auto st = db.agents().update(a); !st.ok()) return st.error();
      return a;
    }
    auto added = db.agents().add(a);
    if (!added) return added.error();
    a.id = *added;
    return a;
  });
  if (!saved) return store_failure(saved.error());
  return profile_response(200, *saved);
}

}  // namespace

void add_agent_profile_routes(Router& router, AccountServices services,
                              AgentVocabulary vocabulary) {
  auto vocab = std::make_shared<const AgentVocabulary>(std::move(vocabulary));
  router.get(
      "/api/v1/users/{id}/agent",
      services.guard.allow(Permission::manage_users,
                           [services](const Request& req, const Principal&, Respond respond) {
                             respond(get_profile(req, services));
                           }));
  router.put("/api/v1/users/{id}/agent",
             services.guard.allow(
                 Permission::manage_users,
                 [services, vocab](const Request& req, const Principal&, Respond respond) {
                   respond(put_profile(req, services, *vocab));
                 }));
}

}  // namespace tamas::api
