#include "api/auth_routes.h"

#include "api/credentials.h"
#include "api/json_body.h"
#include "api/rate_limiter.h"
#include "api/route_helpers.h"
#include "core/log.h"
#include "engine/config.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

struct Throttle {
  explicit Throttle(const LoginLimits& l)
      : by_address(l.per_address_burst, l.per_address_per_minute),
        failures_by_user(l.failures_per_user_burst, l.failures_per_user_per_minute),
        // A hash to verify against when the user does not exist, so an
        // unknown user costs the same time as a wrong password.
        dummy_hash(hash_password(random_token(16)).value()) {}
  RateLimiter by_address;
  RateLimiter failures_by_user;
  std::string dummy_hash;
};

Response too_many(double seconds, std::string_view what) {
  return too_many_requests(seconds,
                           "too many login attempts " + std::string(what) + "; try again later");
}

Response invalid_credentials() {
  return Response::error(401, "invalid_credentials", "wrong username or password");
}

Response login(const Request& req, const AccountServices& s, Throttle& t) {
  const Instant now = s.clock.now();
  if (!t.by_address.allow("addr:" + req.remote, now))
    return too_many(t.by_address.retry_after_seconds("addr:" + req.remote, now),
                    "from this address");
  JsonBody body(req);
  auto username = body.string("username", true, 200);
  auto password = body.string("password", true, 1000);
  if (auto e = body.error()) return std::move(*e);
  const std::string user_key = "user:" + *username;
  if (double wait = t.failures_by_user.retry_after_seconds(user_key, now); wait > 0)
    return too_many(wait, "for this user");
  auto user = s.db.with(
      [&](store::Store& db) { return db.users().find_by_username(s.guard.tenant(), *username); });
  if (!user && user.error().code != ErrorCode::not_found)
    return Response::error(503, "unavailable", "cannot check credentials now; try again");
  const bool ok = verify_password(user ? user->password_hash : t.dummy_hash, *password) && user;
  if (!ok) {
    (void)t.failures_by_user.allow(user_key, now);
    log(LogLevel::info, "auth.login_failed", {{"username", *username}, {"remote", req.remote}});
    return invalid_credentials();
  }
  if (user->disabled) return Response::error(401, "user_disabled", "this account is disabled");
  auto session = s.guard.open_session(*user);
  if (!session) return Response::error(503, "unavailable", "cannot start a session now; try again");
  log(LogLevel::info, "auth.login", {{"username", *username}, {"remote", req.remote}});
  std::string out =
      "{\"token\":\"" + session->token + "\",\"csrf_token\":\"" + session->csrf_token +
      "\",\"expires_at\":\"" + format_iso8601(session->expires_at) +
      "\",\"user\":" + user_summary_json(user->id, user->username, user->display_name, user->role) +
      "}";
  auto r = Response::json(200, std::move(out));
  r.headers.emplace_back("Set-Cookie", s.guard.session_cookie(*session));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

std::string me_json(const Principal& p) {
  std::string perms;
  for (auto perm : all_permissions()) {
    if (!p.may(perm)) continue;
    if (!perms.empty()) perms += ",";
    perms += "\"" + std::string(to_string(perm)) + "\"";
  }
  std::string out = "{\"user\":" + user_summary_json(p.user, p.username, p.display_name, p.role) +
                    ",\"permissions\":[" + perms + "],\"via\":\"" +
                    (p.api_token        ? "api_token"
                     : p.cookie_session ? "cookie"
                                        : "bearer") +
                    "\"}";
  return out;
}

// What the agent desk needs about its user: contacts per channel they may
// hold at once (the engine's standard profile with their own capacities
// over it, as at login) and the departments they belong to.
std::string me_with_desk_json(const Principal& p, AccountsDb& accounts) {
  json::object capacity;
  json::array departments;
  auto profile = engine::CapacityProfile::standard();
  auto found = accounts.with([&](store::Store& db) -> Status {
    if (auto a = db.agents().find_by_user(p.tenant, p.user); a) {
      json::error_code ec;
      auto caps = json::parse(a->capacities_json, ec);
      if (!ec && caps.is_object())
        for (const auto& [k, v] : caps.as_object()) {
          engine::Channel ch{};
          if (v.is_int64() && engine::parse_channel(std::string(k), ch))
            profile.capacity[static_cast<size_t>(ch)] =
                static_cast<std::uint8_t>(std::clamp<std::int64_t>(v.as_int64(), 0, 255));
        }
    } else if (a.error().code != ErrorCode::not_found) {
      return a.error();
    }
    auto deps = db.departments().of_user(p.tenant, p.user);
    if (!deps) return deps.error();
    for (const auto& d : *deps)
      departments.push_back(json::object{{"id", d.department}, {"head", d.head}});
    return {};
  });
  for (int c = 0; c < engine::kChannelCount; ++c)
    capacity[engine::to_string(static_cast<engine::Channel>(c))] = profile.capacity[c];
  std::string out = me_json(p);
  if (!found.ok()) return out;  // the basics still answer
  out.pop_back();
  return out + R"(,"capacity":)" + json::serialize(capacity) + R"(,"departments":)" +
         json::serialize(departments) + "}";
}

}  // namespace

std::string user_summary_json(store::RowId id, const std::string& username,
                              const std::string& display_name, store::Role role) {
  return "{\"id\":" + std::to_string(id) + ",\"username\":\"" + json_escape(username) +
         "\",\"display_name\":\"" + json_escape(display_name) + "\",\"role\":\"" +
         store::to_string(role) + "\"}";
}

void respond_slowly(const AccountServices& services, Respond respond,
                    std::function<Response()> work) {
  if (!services.slow) return respond(work());
  auto job = [respond, work = std::move(work)] { respond(work()); };
  if (!services.slow->post(std::move(job)))
    respond(Response::error(503, "busy", "too many sign-ins at once; try again in a moment"));
}

void add_auth_routes(Router& router, AccountServices services, LoginLimits limits) {
  auto throttle = std::make_shared<Throttle>(limits);
  router.post("/api/v1/auth/login", [services, throttle](const Request& req, Respond respond) {
    respond_slowly(services, std::move(respond),
                   [req, services, throttle] { return login(req, services, *throttle); });
  });
  router.post(
      "/api/v1/auth/logout",
      services.guard.allow(Permission::authenticated, [services](const Request&, const Principal& p,
                                                                 Respond respond) {
        if (p.session == 0)
          return respond(Response::error(400, "not_a_session",
                                         "an API token cannot log out; revoke it with DELETE "
                                         "/api/v1/tokens/{id}"));
        auto st = services.guard.close_session(p);
        if (!st.ok() && st.error().code != ErrorCode::not_found)
          return respond(Response::error(503, "unavailable", "cannot log out now; try again"));
        Response r = Response::json(200, "{\"logged_out\":true}");
        r.headers.emplace_back("Set-Cookie", services.guard.clearing_cookie());
        respond(std::move(r));
      }));
  router.get("/api/v1/me",
             services.guard.allow(Permission::authenticated,
                                  [services](const Request&, const Principal& p, Respond respond) {
                                    respond(Response::json(200, me_with_desk_json(p, services.db)));
                                  }));
}

}  // namespace tamas::api
