#include "api/user_routes.h"

#include "api/credentials.h"
#include "api/json_body.h"
#include "api/route_helpers.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

json::object user_json(const store::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", store::to_string(u.role)},
          {"disabled", u.disabled},
          {"created_at", format_iso8601(u.created_at)}};
}

Response bad_id(const Request& req) {
  return Response::error(404, "not_found", "no user " + req.params.at("id"));
}

Response list_users(const AccountServices& s) {
  auto users = s.db.with([&](store::Store& db) { return db.users().list(s.guard.tenant()); });
  if (!users) return store_failure(users.error());
  json::array out;
  for (const auto& u : *users) out.push_back(user_json(u));
  return Response::json(200, to_text(json::object{{"users", std::move(out)}}));
}

std::optional<store::Role> read_role(JsonBody& body, bool required) {
  auto text = body.string("role", required, 20);
  if (!text) return std::nullopt;
  auto role = store::parse_role(*text);
  if (!role) {
    body.problem("role", "must be one of admin, supervisor, agent, backoffice");
    return std::nullopt;
  }
  return *role;
}

std::optional<std::string> read_password(JsonBody& body, bool required) {
  auto pw = body.string("password", required, 1000);
  if (!pw) return std::nullopt;
  if (auto st = check_password_policy(*pw); !st.ok()) {
    body.problem("password", st.error().message);
    return std::nullopt;
  }
  return pw;
}

Response create_user(const Request& req, const AccountServices& s, bool fast) {
  JsonBody body(req);
  auto username = body.string("username", true, 100);
  auto display = body.string("display_name", false, 200);
  auto role = read_role(body, true);
  auto password = read_password(body, true);
  if (username && (username->empty() || username->find_first_of(" \t\r\n") != std::string::npos))
    body.problem("username", "must be non-empty without spaces");
  if (auto e = body.error()) return std::move(*e);
  auto hash = hash_password(*password, fast);
  if (!hash) return Response::error(500, "internal", "cannot hash the password");
  store::User u{0,     s.guard.tenant(), *username, display ? *display : *username, *role, *hash,
                false, s.clock.now()};
  auto id = s.db.with([&](store::Store& db) { return db.users().add(u); });
  if (!id) {
    if (id.error().code == ErrorCode::already_exists)
      return Response::error(409, "conflict", "username '" + *username + "' is taken");
    return store_failure(id.error());
  }
  u.id = *id;
  return Response::json(201, to_text(user_json(u)));
}

Response get_user(const Request& req, const AccountServices& s) {
  auto id = id_param(req);
  if (!id) return bad_id(req);
  auto u = s.db.with([&](store::Store& db) { return db.users().get(s.guard.tenant(), *id); });
  if (!u) return store_failure(u.error());
  return Response::json(200, to_text(user_json(*u)));
}

Response patch_user(const Request& req, const Principal& me, const AccountServices& s, bool fast) {
  auto id = id_param(req);
  if (!id) return bad_id(req);
  JsonBody body(req);
  auto display = body.string("display_name", false, 200);
  auto role = read_role(body, false);
  auto disabled = body.boolean("disabled");
  auto password = read_password(body, false);
  if (*id == me.user && disabled && *disabled)
    body.problem("disabled", "you cannot disable your own account");
  if (*id == me.user && role && *role != me.role)
    body.problem("role", "you cannot change your own role");
  if (auto e = body.error()) return std::move(*e);
  std::optional<std::string> hash;
  if (password) {
    auto h = hash_password(*password, fast);
    if (!h) return Response::error(500, "internal", "cannot hash the password");
    hash = *h;
  }
  Result<store::User> updated = s.db.with([&](store::Store& db) -> Result<store::User> {
    auto u = db.users().get(s.guard.tenant(), *id);
    if (!u) return u.error();
    if (display) u->display_name = *display;
    if (role) u->role = *role;
    if (disabled) u->disabled = *disabled;
    if (hash) u->password_hash = *hash;
    Status st = db.atomically([&]() -> Status {
      if (auto w = db.users().update(*u); !w.ok()) return w;
      if ((disabled && *disabled) || hash) {
        if (auto r = db.sessions().revoke_user(s.guard.tenant(), *id); !r) return r.error();
      }
      return {};
    });
    if (!st.ok()) return st.error();
    return *u;
  });
  if (!updated) return store_failure(updated.error());
  s.guard.forget_user(*id);
  return Response::json(200, to_text(user_json(*updated)));
}

}  // namespace

void add_user_routes(Router& router, AccountServices services, AgentVocabulary vocabulary,
                     bool fast) {
  const Guard& g = services.guard;
  router.get("/api/v1/users",
             g.allow(Permission::manage_users,
                     [services](const Request&, const Principal&, Respond respond) {
                       respond(list_users(services));
                     }));
  router.post("/api/v1/users",
              g.allow(Permission::manage_users,
                      [services, fast](const Request& req, const Principal&, Respond respond) {
                        respond_slowly(services, std::move(respond), [req, services, fast] {
                          return create_user(req, services, fast);
                        });
                      }));
  router.get("/api/v1/users/{id}",
             g.allow(Permission::manage_users,
                     [services](const Request& req, const Principal&, Respond respond) {
                       respond(get_user(req, services));
                     }));
  router.patch("/api/v1/users/{id}",
               g.allow(Permission::manage_users,
                       [services, fast](const Request& req, const Principal& me, Respond respond) {
                         respond_slowly(services, std::move(respond), [req, me, services, fast] {
                           return patch_user(req, me, services, fast);
                         });
                       }));
  add_agent_profile_routes(router, services, std::move(vocabulary));
}

}  // namespace tamas::api
