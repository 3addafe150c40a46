#include "api/token_routes.h"

#include "api/credentials.h"
#include "api/json_body.h"
#include "api/route_helpers.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

json::object token_json(const store::ApiToken& t, const std::string& owner) {
  json::array scopes;
  for (const auto& s : t.scopes) scopes.push_back(json::value(s));
  return {{"id", t.id},
          {"name", t.name},
          {"owner", json::object{{"id", t.owner_user}, {"username", owner}}},
          {"scopes", std::move(scopes)},
          {"created_at", format_iso8601(t.created_at)},
          {"revoked", t.revoked}};
}

Response list_tokens(const AccountServices& s) {
  std::map<store::RowId, std::string> owners;
  auto tokens = s.db.with([&](store::Store& db) -> Result<std::vector<store::ApiToken>> {
    auto all = db.tokens().list(s.guard.tenant());
    if (!all) return all;
    if (auto users = db.users().list(s.guard.tenant()))
      for (const auto& u : *users) owners[u.id] = u.username;
    return all;
  });
  if (!tokens) return store_failure(tokens.error());
  json::array out;
  for (const auto& t : *tokens) out.push_back(token_json(t, owners[t.owner_user]));
  return Response::json(200, to_text(json::object{{"tokens", std::move(out)}}));
}

std::vector<std::string> read_scopes(JsonBody& body, const Principal& me) {
  std::vector<std::string> out;
  const json::value* v = body.raw("scopes");
  if (!v) {
    body.problem("scopes", "is required");
    return out;
  }
  if (!v->is_array() || v->as_array().empty()) {
    body.problem("scopes", "must be a non-empty array of permission names");
    return out;
  }
  for (const auto& s : v->as_array()) {
    auto p = s.is_string() ? parse_permission(std::string(s.as_string())) : std::nullopt;
    if (!p) {
      body.problem("scopes", "unknown permission " + to_text(s));
    } else if (!me.may(*p)) {
      body.problem("scopes", std::string("you do not have permission ") + to_string(*p));
    } else {
      out.emplace_back(to_string(*p));
    }
  }
  return out;
}

Response create_token(const Request& req, const Principal& me, const AccountServices& s) {
  JsonBody body(req);
  auto name = body.string("name", true, 200);
  auto scopes = read_scopes(body, me);
  if (auto e = body.error()) return std::move(*e);
  const std::string secret = kApiTokenPrefix + random_token(32);
  store::ApiToken t{
      0, s.guard.tenant(), token_digest(secret), me.user, scopes, s.clock.now(), false, *name};
  auto id = s.db.with([&](store::Store& db) { return db.tokens().add(t); });
  if (!id) return store_failure(id.error());
  t.id = *id;
  auto o = token_json(t, me.username);
  o["token"] = secret;
  auto r = Response::json(201, to_text(o));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response revoke_token(const Request& req, const AccountServices& s) {
  auto id = id_param(req);
  if (!id) return Response::error(404, "not_found", "no token " + req.params.at("id"));
  auto st = s.db.with([&](store::Store& db) { return db.tokens().revoke(s.guard.tenant(), *id); });
  s.guard.forget_token(*id);
  if (!st.ok()) return store_failure(st.error());
  return Response::json(200, "{\"id\":" + std::to_string(*id) + ",\"revoked\":true}");
}

}  // namespace

void add_token_routes(Router& router, AccountServices services) {
  const Guard& g = services.guard;
  router.get("/api/v1/tokens",
             g.allow(Permission::manage_tokens,
                     [services](const Request&, const Principal&, Respond respond) {
                       respond(list_tokens(services));
                     }));
  router.post("/api/v1/tokens",
              g.allow(Permission::manage_tokens,
                      [services](const Request& req, const Principal& me, Respond respond) {
                        respond(create_token(req, me, services));
                      }));
  router.del("/api/v1/tokens/{id}",
             g.allow(Permission::manage_tokens,
                     [services](const Request& req, const Principal&, Respond respond) {
                       respond(revoke_token(req, services));
                     }));
}

}  // namespace tamas::api
