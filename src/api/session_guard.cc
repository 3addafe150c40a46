#include "api/session_guard.h"

#include <mutex>

#include "api/credentials.h"
#include "core/log.h"

namespace tamas::api {

struct SessionGuard::Entry {
  Principal principal;
  bool is_session = false;
  std::string csrf_hash;  // sessions only
  Instant expires_at = Instant::max();
  std::atomic<std::int64_t> last_seen_ms{0};
  std::atomic<std::int64_t> persisted_ms{0};
};

namespace {

Response unauthorized(std::string_view message) {
  auto r = Response::error(401, "unauthorized", message);
  r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool unsafe_method(const std::string& m) {
  return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
}

std::string_view cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto end = header.find(';');
    auto part = header.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=')
      return part.substr(name.size() + 1);
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

struct Credential {
  std::string secret;
  bool cookie = false;
};

// The credential a request carries, or the 401 explaining what is wrong.
std::variant<Credential, Response> credential_of(const Request& req) {
  if (auto auth = req.header("authorization"); !auth.empty()) {
    if (auth.size() < 8 || !iequals(auth.substr(0, 7), "Bearer "))
      return unauthorized("malformed Authorization header: expected 'Bearer <token>'");
    auto secret = auth.substr(7);
    while (!secret.empty() && secret.front() == ' ') secret.remove_prefix(1);
    if (secret.empty()) return unauthorized("empty Bearer token");
    return Credential{std::string(secret), false};
  }
  if (auto c = cookie_value(req.header("cookie"), kSessionCookie); !c.empty())
    return Credential{std::string(c), true};
  if (iequals(req.header("upgrade"), "websocket")) {
    if (auto it = req.query.find("access_token"); it != req.query.end() && !it->second.empty())
      return Credential{it->second, false};
  }
  return unauthorized(
      "authentication required: log in (POST /api/v1/auth/login) or send "
      "'Authorization: Bearer <token>'");
}

std::int64_t ms(Instant t) {
  return to_millis(t);
}

}  // namespace

SessionGuard::SessionGuard(AccountsDb& db, store::TenantId tenant, const Clock& clock,
                           SessionPolicy policy)
    : db_(db), tenant_(tenant), clock_(clock), policy_(policy) {}

SessionGuard::~SessionGuard() = default;

std::variant<Principal, Response> SessionGuard::authenticate(const Request& req) const {
  auto cred = credential_of(req);
  if (auto* refusal = std::get_if<Response>(&cred)) return std::move(*refusal);
  const auto& c = std::get<Credential>(cred);
  auto found = lookup(c.secret, clock_.now());
  if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
  const Entry& e = *std::get<EntryPtr>(found);
  if (c.cookie && !e.is_session)
    return unauthorized("the tamas_session cookie must hold a session token, not an API token");
  if (c.cookie && unsafe_method(req.method)) {
    auto csrf = req.header("x-csrf-token");
    if (csrf.empty())
      return Response::error(403, "csrf_failed",
                             "missing X-CSRF-Token header: a cookie session must send the "
                             "csrf_token it got at login with every POST, PUT, PATCH and DELETE");
    if (!equal_constant_time(token_digest(csrf), e.csrf_hash))
      return Response::error(403, "csrf_failed", "X-CSRF-Token does not match this session");
  }
  Principal p = e.principal;
  p.cookie_session = c.cookie;
  return p;
}

std::variant<SessionGuard::EntryPtr, Response> SessionGuard::lookup(const std::string& secret,
                                                                    Instant now) const {
  const bool session = secret.rfind(kSessionPrefix, 0) == 0;
  if (!session && secret.rfind(kApiTokenPrefix, 0) != 0)
    return unauthorized("invalid token: not a tamas session or API token");
  const std::string digest = token_digest(secret);
  EntryPtr e;
  {
    std::shared_lock lock(mutex_);
    if (auto it = cache_.find(digest); it != cache_.end()) e = it->second;
  }
  if (!e) {
    auto loaded = session ? load_session(digest, now) : load_token(digest);
    if (auto* refusal = std::get_if<Response>(&loaded)) return std::move(*refusal);
    e = std::get<EntryPtr>(loaded);
    remember(digest, e);
  }
  if (auto refusal = still_valid(*e, digest, now)) return std::move(*refusal);
  return e;
}

std::optional<Response> SessionGuard::still_valid(Entry& e, const std::string& digest,
                                                  Instant now) const {
  if (!e.is_session) return std::nullopt;
  const auto now_ms = ms(now);
  std::optional<Response> refusal;
  if (now >= e.expires_at) {
    refusal = unauthorized("session expired; log in again");
  } else if (now_ms - e.last_seen_ms.load(std::memory_order_relaxed) >
             std::chrono::duration_cast<std::chrono::milliseconds>(policy_.idle_timeout).count()) {
    refusal = unauthorized("session expired after inactivity; log in again");
  }
  if (refusal) {
    std::unique_lock lock(mutex_);
    cache_.erase(digest);
    return refusal;
  }
  e.last_seen_ms.store(now_ms, std::memory_order_relaxed);
  auto persisted = e.persisted_ms.load(std::memory_order_relaxed);
  const auto interval =
      std::chrono::duration_cast<std::chrono::milliseconds>(policy_.touch_interval).count();
  if (now_ms - persisted >= interval && e.persisted_ms.compare_exchange_strong(persisted, now_ms)) {
    auto st = db_.with(
        [&](store::Store& s) { return s.sessions().touch(tenant_, e.principal.session, now); });
    if (!st.ok()) log(LogLevel::warn, "auth.touch_failed", {{"error", st.error().message}});
  }
  return std::nullopt;
}

std::variant<SessionGuard::EntryPtr, Response> SessionGuard::load_session(const std::string& digest,
                                                                          Instant now) const {
  std::optional<store::Session> session;
  std::optional<store::User> user;
  Status st = db_.with([&](store::Store& s) -> Status {
    auto found = s.sessions().find_by_hash(tenant_, digest);
    if (!found) return found.error();
    session = *found;
    auto u = s.users().get(tenant_, found->user);
    if (!u) return u.error();
    user = std::move(*u);
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::not_found) return unauthorized("unknown session token");
    return Response::error(503, "unavailable", "cannot check credentials now; try again");
  }
  if (session->revoked) return unauthorized("session ended (logged out or revoked)");
  if (user->disabled) return unauthorized("user " + user->username + " is disabled");
  auto e = std::make_shared<Entry>();
  e->principal = Principal{tenant_,    user->id,     user->username, user->display_name,
                           user->role, std::nullopt, false,          session->id,
                           0};
  e->is_session = true;
  e->csrf_hash = session->csrf_hash;
  e->expires_at = session->expires_at;
  e->last_seen_ms = ms(session->last_seen_at);
  e->persisted_ms = ms(session->last_seen_at);
  (void)now;
  return e;
}

std::variant<SessionGuard::EntryPtr, Response> SessionGuard::load_token(
    const std::string& digest) const {
  std::optional<store::ApiToken> token;
  std::optional<store::User> user;
  Status st = db_.with([&](store::Store& s) -> Status {
    auto found = s.tokens().find_by_hash(tenant_, digest);
    if (!found) return found.error();
    token = *found;
    auto u = s.users().get(tenant_, found->owner_user);
    if (!u) return u.error();
    user = std::move(*u);
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::not_found) return unauthorized("unknown API token");
    return Response::error(503, "unavailable", "cannot check credentials now; try again");
  }
  if (token->revoked) return unauthorized("API token revoked");
  if (user->disabled) return unauthorized("the owner of this API token is disabled");
  std::optional<std::vector<Permission>> scopes;
  if (!token->scopes.empty()) {
    scopes.emplace();
    for (const auto& name : token->scopes)
      if (auto p = parse_permission(name)) scopes->push_back(*p);
  }
  auto e = std::make_shared<Entry>();
  e->principal = Principal{tenant_,    user->id,          user->username, user->display_name,
                           user->role, std::move(scopes), false,          0,
                           token->id};
  return e;
}

void SessionGuard::remember(const std::string& digest, EntryPtr e) const {
  std::unique_lock lock(mutex_);
  if (cache_.size() >= policy_.max_cached) cache_.clear();
  cache_[digest] = std::move(e);
}

void SessionGuard::forget_if(const std::function<bool(const Entry&)>& pred) const {
  std::unique_lock lock(mutex_);
  std::erase_if(cache_, [&](const auto& kv) { return pred(*kv.second); });
}

void SessionGuard::forget_user(store::RowId user) const {
  forget_if([user](const Entry& e) { return e.principal.user == user; });
}

void SessionGuard::forget_token(store::RowId token) const {
  forget_if([token](const Entry& e) { return e.principal.api_token == token; });
}

Result<NewSession> SessionGuard::open_session(const store::User& user) const {
  const Instant now = clock_.now();
  NewSession out;
  out.token = kSessionPrefix + random_token(32);
  out.csrf_token = random_token(24);
  out.expires_at = now + policy_.absolute_timeout;
  store::Session s{0,
                   tenant_,
                   token_digest(out.token),
                   user.id,
                   token_digest(out.csrf_token),
                   now,
                   out.expires_at,
                   now,
                   false};
  auto id = db_.with([&](store::Store& db) { return db.sessions().add(s); });
  if (!id) return id.error();
  out.id = *id;
  return out;
}

Status SessionGuard::close_session(const Principal& principal) const {
  if (principal.session == 0) return Error::invalid("not authenticated by a session");
  forget_if([id = principal.session](const Entry& e) { return e.principal.session == id; });
  return db_.with([&](store::Store& s) { return s.sessions().revoke(tenant_, principal.session); });
}

std::string SessionGuard::session_cookie(const NewSession& s) const {
  const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(policy_.absolute_timeout);
  std::string c = std::string(kSessionCookie) + "=" + s.token +
                  "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age.count());
  if (policy_.secure_cookie) c += "; Secure";
  return c;
}

std::string SessionGuard::clearing_cookie() const {
  std::string c = std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
  if (policy_.secure_cookie) c += "; Secure";
  return c;
}

}  // namespace tamas::api
