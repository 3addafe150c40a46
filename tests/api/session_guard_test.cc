// The session guard as route authors rely on it: Bearer and cookie
// sessions, CSRF on unsafe methods, idle and absolute timeouts, API tokens
// with scopes, revocation and disabling taking effect at once. Time is a
// ManualClock; the store is the in-memory one.
#include "api/session_guard.h"

#include <gtest/gtest.h>

#include "api/credentials.h"
#include "store/memory_store.h"

namespace tamas::api {
namespace {

using namespace std::chrono_literals;

class SessionGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::open_memory_store();
    ASSERT_TRUE(s.ok());
    tenant_ = *(*s)->tenants().add(store::Tenant{0, "t", "T", from_millis(0)});
    db_ = std::make_unique<AccountsDb>(std::move(*s));
    SessionPolicy policy;
    policy.idle_timeout = 30min;
    policy.absolute_timeout = 8h;
    policy.touch_interval = 1min;
    guard_ = std::make_unique<SessionGuard>(*db_, tenant_, clock_, policy);
    agent_ = add_user("sara", store::Role::agent);
    admin_ = add_user("boss", store::Role::admin);
  }

  store::User add_user(const std::string& name, store::Role role) {
    store::User u{0, tenant_, name, "Name " + name, role, "x", false, clock_.now()};
    u.id = *db_->with([&](store::Store& s) { return s.users().add(u); });
    return u;
  }

  NewSession login(const store::User& u) {
    auto s = guard_->open_session(u);
    EXPECT_TRUE(s.ok());
    return *s;
  }

  std::string add_token(const store::User& owner, std::vector<std::string> scopes,
                        store::RowId* id = nullptr) {
    std::string secret = kApiTokenPrefix + random_token();
    store::ApiToken t{
        0, tenant_, token_digest(secret), owner.id, std::move(scopes), clock_.now(), false, "t"};
    auto added = db_->with([&](store::Store& s) { return s.tokens().add(t); });
    if (id) *id = *added;
    return secret;
  }

  static Request bearer(const std::string& secret, std::string method = "GET") {
    Request r;
    r.method = std::move(method);
    r.path = "/api/v1/x";
    r.headers.emplace_back("authorization", "Bearer " + secret);
    return r;
  }

  static Request cookie(const std::string& token, std::string method = "GET",
                        std::string csrf = "") {
    Request r;
    r.method = std::move(method);
    r.path = "/api/v1/x";
    r.headers.emplace_back("cookie", "theme=dark; tamas_session=" + token + "; lang=fa");
    if (!csrf.empty()) r.headers.emplace_back("x-csrf-token", csrf);
    return r;
  }

  int status(const Request& r, Permission p = Permission::authenticated) {
    auto who = guard_->check(r, p);
    if (auto* refusal = std::get_if<Response>(&who)) return refusal->status;
    return 200;
  }

  std::string message(const Request& r) {
    auto who = guard_->authenticate(r);
    auto* refusal = std::get_if<Response>(&who);
    return refusal ? refusal->body : "";
  }

  ManualClock clock_{from_millis(1'700'000'000'000)};
  store::TenantId tenant_ = 0;
  std::unique_ptr<AccountsDb> db_;
  std::unique_ptr<SessionGuard> guard_;
  store::User agent_, admin_;
};

TEST_F(SessionGuardTest, ABearerSessionTokenIdentifiesItsUser) {
  auto s = login(agent_);
  auto who = guard_->authenticate(bearer(s.token));
  ASSERT_TRUE(std::holds_alternative<Principal>(who));
  const auto& p = std::get<Principal>(who);
  EXPECT_EQ(p.user, agent_.id);
  EXPECT_EQ(p.username, "sara");
  EXPECT_EQ(p.display_name, "Name sara");
  EXPECT_EQ(p.role, store::Role::agent);
  EXPECT_EQ(p.session, s.id);
  EXPECT_FALSE(p.cookie_session);
}

TEST_F(SessionGuardTest, NoMalformedOrUnknownCredentialsGet401) {
  Request none;
  none.method = "GET";
  EXPECT_EQ(status(none), 401);
  Request basic;
  basic.headers.emplace_back("authorization", "Basic dXNlcjpwYXNz");
  EXPECT_EQ(status(basic), 401);
  EXPECT_NE(message(basic).find("Bearer <token>"), std::string::npos);
  EXPECT_EQ(status(bearer("tms_not-a-real-session")), 401);
  EXPECT_EQ(status(bearer("something-else")), 401);
}

TEST_F(SessionGuardTest, AnAgentIsForbiddenWhatTheRoleLacks) {
  auto s = login(agent_);
  EXPECT_EQ(status(bearer(s.token), Permission::agent_desk), 200);
  EXPECT_EQ(status(bearer(s.token), Permission::manage_users), 403);
}

TEST_F(SessionGuardTest, ACookieSessionNeedsTheCsrfTokenForUnsafeMethods) {
  auto s = login(agent_);
  EXPECT_EQ(status(cookie(s.token, "GET")), 200) << "reads need no CSRF token";
  EXPECT_EQ(status(cookie(s.token, "POST")), 403);
  EXPECT_NE(message(cookie(s.token, "DELETE")).find("missing X-CSRF-Token"), std::string::npos);
  EXPECT_EQ(status(cookie(s.token, "PATCH", "wrong")), 403);
  EXPECT_EQ(status(cookie(s.token, "PUT", s.csrf_token)), 200);
  auto who = guard_->authenticate(cookie(s.token, "POST", s.csrf_token));
  ASSERT_TRUE(std::holds_alternative<Principal>(who));
  EXPECT_TRUE(std::get<Principal>(who).cookie_session);
  EXPECT_EQ(status(bearer(s.token, "POST")), 200) << "Bearer requests are not CSRF-checked";
}

TEST_F(SessionGuardTest, ASessionExpiresAfterIdleTimeButActivityKeepsItAlive) {
  auto s = login(agent_);
  for (int i = 0; i < 10; ++i) {
    clock_.advance(20min);
    ASSERT_EQ(status(bearer(s.token)), 200) << "request " << i;
  }
  clock_.advance(31min);
  EXPECT_EQ(status(bearer(s.token)), 401);
  EXPECT_NE(message(bearer(s.token)).find("session"), std::string::npos);
}

TEST_F(SessionGuardTest, ASessionExpiresAtItsAbsoluteTimeoutEvenWhenActive) {
  auto s = login(agent_);
  for (int i = 0; i < 23; ++i) {
    clock_.advance(20min);
    ASSERT_EQ(status(bearer(s.token)), 200);
  }
  clock_.advance(21min);  // 8 h 1 min after login
  EXPECT_EQ(status(bearer(s.token)), 401);
}

TEST_F(SessionGuardTest, LastSeenIsWrittenBackSoARestartKeepsIdleTime) {
  auto s = login(agent_);
  clock_.advance(25min);
  ASSERT_EQ(status(bearer(s.token)), 200);
  // A new guard (as after a restart) reads last_seen from the store.
  SessionGuard fresh(*db_, tenant_, clock_, guard_->policy());
  clock_.advance(25min);
  auto who = fresh.authenticate(bearer(s.token));
  EXPECT_TRUE(std::holds_alternative<Principal>(who));
}

TEST_F(SessionGuardTest, ALoggedOutSessionIsRefusedAtOnce) {
  auto s = login(agent_);
  auto who = guard_->authenticate(bearer(s.token));
  ASSERT_TRUE(guard_->close_session(std::get<Principal>(who)).ok());
  EXPECT_EQ(status(bearer(s.token)), 401);
  EXPECT_NE(message(bearer(s.token)).find("logged out"), std::string::npos);
}

TEST_F(SessionGuardTest, ARevokedTokenIsRefusedAtOnce) {
  store::RowId id = 0;
  auto secret = add_token(admin_, {}, &id);
  ASSERT_EQ(status(bearer(secret), Permission::manage_users), 200);  // now cached
  ASSERT_TRUE(db_->with([&](store::Store& s) { return s.tokens().revoke(tenant_, id); }).ok());
  guard_->forget_token(id);
  EXPECT_EQ(status(bearer(secret)), 401);
  EXPECT_NE(message(bearer(secret)).find("revoked"), std::string::npos);
}

TEST_F(SessionGuardTest, ATokenMayUseOnlyItsScopes) {
  auto secret = add_token(admin_, {"supervise"});
  EXPECT_EQ(status(bearer(secret), Permission::supervise), 200);
  EXPECT_EQ(status(bearer(secret), Permission::manage_users), 403);
  auto who = guard_->check(bearer(secret), Permission::manage_users);
  EXPECT_NE(std::get<Response>(who).body.find("scopes"), std::string::npos);
}

TEST_F(SessionGuardTest, AnApiTokenInTheCookieIsRefused) {
  auto secret = add_token(admin_, {});
  EXPECT_EQ(status(cookie(secret)), 401);
}

TEST_F(SessionGuardTest, ADisabledUserIsRefusedOnceForgotten) {
  auto s = login(agent_);
  auto token = add_token(agent_, {});
  ASSERT_EQ(status(bearer(s.token)), 200);
  ASSERT_EQ(status(bearer(token)), 200);
  agent_.disabled = true;
  ASSERT_TRUE(db_->with([&](store::Store& st) { return st.users().update(agent_); }).ok());
  guard_->forget_user(agent_.id);
  EXPECT_EQ(status(bearer(s.token)), 401);
  EXPECT_EQ(status(bearer(token)), 401);
}

TEST_F(SessionGuardTest, ARoleChangeAppliesToTheNextRequest) {
  auto s = login(agent_);
  ASSERT_EQ(status(bearer(s.token), Permission::supervise), 403);
  agent_.role = store::Role::supervisor;
  ASSERT_TRUE(db_->with([&](store::Store& st) { return st.users().update(agent_); }).ok());
  guard_->forget_user(agent_.id);
  EXPECT_EQ(status(bearer(s.token), Permission::supervise), 200);
}

TEST_F(SessionGuardTest, AccessTokenInTheQueryIsAcceptedOnlyForWebSocketUpgrades) {
  auto s = login(agent_);
  Request plain;
  plain.method = "GET";
  plain.query["access_token"] = s.token;
  EXPECT_EQ(status(plain), 401);
  Request upgrade = plain;
  upgrade.headers.emplace_back("upgrade", "websocket");
  EXPECT_EQ(status(upgrade), 200);
}

TEST_F(SessionGuardTest, TheSessionCookieIsHttpOnlyAndSameSiteStrict) {
  auto s = login(agent_);
  auto c = guard_->session_cookie(s);
  EXPECT_EQ(c.rfind("tamas_session=" + s.token, 0), 0u);
  EXPECT_NE(c.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(c.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(c.find("; Path=/"), std::string::npos);
  EXPECT_NE(guard_->clearing_cookie().find("Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace tamas::api
