// Accounts over HTTP against the real server: logging in and out, cookie
// sessions with CSRF, login throttling, an admin managing users, agent
// profiles and API tokens.
#include "auth_fixture.h"

namespace tamas::test {
namespace {

class Accounts : public AuthServer {
 protected:
  void SetUp() override {
    add_user("admin", "admin");
    add_user("sara", "agent");
    start();
  }
};

TEST_F(Accounts, LoginSetsAnHttpOnlyStrictCookieAndMeNamesTheUser) {
  auto s = login("sara");
  EXPECT_EQ(s.set_cookie.rfind("tamas_session=" + s.token + ";", 0), 0u) << s.set_cookie;
  EXPECT_NE(s.set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(s.set_cookie.find("SameSite=Strict"), std::string::npos);
  auto me = as(s.token, "GET", "/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  auto v = json(me).as_object();
  EXPECT_EQ(v.at("user").at("username").as_string(), "sara");
  EXPECT_EQ(v.at("user").at("role").as_string(), "agent");
  EXPECT_EQ(call("GET", "/api/v1/me").status, 401);
}

TEST_F(Accounts, AWrongPasswordAndAnUnknownUserGetTheSameAnswer) {
  auto wrong =
      call("POST", "/api/v1/auth/login", R"({"username":"sara","password":"not it at all"})");
  auto unknown =
      call("POST", "/api/v1/auth/login", R"({"username":"nobody","password":"not it at all"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.status, unknown.status);
  EXPECT_EQ(wrong.body, unknown.body);
  auto extra =
      call("POST", "/api/v1/auth/login", R"({"username":"sara","password":"x","remember":true})");
  EXPECT_EQ(extra.status, 422) << "unknown fields are refused";
}

TEST_F(Accounts, RepeatedFailuresForOneUserAreThrottledWithRetryAfter) {
  int status = 0;
  HttpReply last;
  for (int i = 0; i < 8 && status != 429; ++i) {
    last = call("POST", "/api/v1/auth/login", R"({"username":"sara","password":"guess number x"})");
    status = last.status;
  }
  ASSERT_EQ(status, 429) << last.body;
  EXPECT_FALSE(last.headers["retry-after"].empty());
  EXPECT_EQ(call("POST", "/api/v1/auth/login",
                 R"({"username":"sara","password":"correct horse battery"})")
                .status,
            429)
      << "even the right password waits";
  login("admin");  // other users are not affected
}

TEST_F(Accounts, ACookieSessionMustSendItsCsrfTokenToChangeAnything) {
  auto s = login("admin");
  const std::string cookie = "tamas_session=" + s.token;
  const std::string body = R"({"display_name":"The Boss"})";
  auto without = call("PATCH", "/api/v1/users/1", body, {{"cookie", cookie}});
  EXPECT_EQ(without.status, 403);
  EXPECT_NE(without.body.find("X-CSRF-Token"), std::string::npos) << without.body;
  EXPECT_EQ(call("GET", "/api/v1/users", "", {{"cookie", cookie}}).status, 200);
  auto with =
      call("PATCH", "/api/v1/users/1", body, {{"cookie", cookie}, {"x-csrf-token", s.csrf}});
  EXPECT_EQ(with.status, 200) << with.body;
}

TEST_F(Accounts, LogoutEndsTheSessionAtOnce) {
  auto s = login("sara");
  auto out = call("POST", "/api/v1/auth/logout", "",
                  {{"cookie", "tamas_session=" + s.token}, {"x-csrf-token", s.csrf}});
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_NE(out.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(as(s.token, "GET", "/api/v1/me").status, 401);
}

TEST_F(Accounts, AnAgentCannotListUsers) {
  auto s = login("sara");
  auto r = as(s.token, "GET", "/api/v1/users");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("manage_users"), std::string::npos) << r.body;
}

TEST_F(Accounts, AnAdminCreatesAUserWhoCanThenLogIn) {
  auto admin = login("admin");
  auto created = as(
      admin.token, "POST", "/api/v1/users",
      R"({"username":"omid","display_name":"Omid","role":"supervisor","password":"omid's long password"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json(created).at("role").as_string(), "supervisor");
  EXPECT_EQ(as(admin.token, "POST", "/api/v1/users",
               R"({"username":"omid","role":"agent","password":"another password"})")
                .status,
            409);
  auto weak = as(admin.token, "POST", "/api/v1/users",
                 R"({"username":"x","role":"chief","password":"short"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(weak.body.find("\"role\""), std::string::npos);
  EXPECT_NE(weak.body.find("\"password\""), std::string::npos);
  auto omid = login("omid", "omid's long password");
  EXPECT_EQ(as(omid.token, "GET", "/api/v1/me").status, 200);
}

TEST_F(Accounts, DisablingAUserEndsTheirSessionsAndRefusesLogin) {
  auto admin = login("admin");
  auto sara = login("sara");
  ASSERT_EQ(as(sara.token, "GET", "/api/v1/me").status, 200);
  auto r = as(admin.token, "PATCH", "/api/v1/users/2", R"({"disabled":true})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(as(sara.token, "GET", "/api/v1/me").status, 401);
  EXPECT_EQ(call("POST", "/api/v1/auth/login",
                 R"({"username":"sara","password":"correct horse battery"})")
                .status,
            401);
  auto self = as(admin.token, "PATCH", "/api/v1/users/1", R"({"disabled":true})");
  EXPECT_EQ(self.status, 422) << "an admin cannot lock themselves out";
}

TEST_F(Accounts, AnAgentProfileIsValidatedAgainstTheStrategy) {
  auto admin = login("admin");
  EXPECT_EQ(as(admin.token, "GET", "/api/v1/users/2/agent").status, 404);
  auto bad =
      as(admin.token, "PUT", "/api/v1/users/2/agent",
         R"({"skills":{"sales":7,"cooking":2},"groups":["nowhere"],"capacities":{"fax":1}})");
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("skills.sales"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("skills.cooking"), std::string::npos);
  EXPECT_NE(bad.body.find("groups"), std::string::npos);
  EXPECT_NE(bad.body.find("capacities.fax"), std::string::npos);
  auto good = as(
      admin.token, "PUT", "/api/v1/users/2/agent",
      R"({"skills":{"sales":3,"warranty":2},"groups":["frontline"],"capacities":{"chat":3},"sip_uri":"sip:1001@pbx"})");
  ASSERT_EQ(good.status, 200) << good.body;
  auto read = json(as(admin.token, "GET", "/api/v1/users/2/agent"));
  EXPECT_EQ(read.at("skills").at("sales").as_int64(), 3);
  EXPECT_EQ(read.at("groups").as_array().at(0).as_string(), "frontline");
  EXPECT_EQ(read.at("sip_uri").as_string(), "sip:1001@pbx");
}

TEST_F(Accounts, AnApiTokenIsShownOnceWorksWithinItsScopesAndARevokedTokenIsRefusedAtOnce) {
  auto admin = login("admin");
  auto created = as(admin.token, "POST", "/api/v1/tokens",
                    R"({"name":"wallboard","scopes":["view_strategy"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto v = json(created).as_object();
  const std::string secret(v.at("token").as_string());
  const auto id = v.at("id").as_int64();
  auto listed = as(admin.token, "GET", "/api/v1/tokens");
  EXPECT_EQ(listed.body.find(secret), std::string::npos) << "the secret is never listed";
  EXPECT_EQ(as(secret, "GET", "/api/v1/strategy").status, 200);
  EXPECT_EQ(as(secret, "GET", "/api/v1/users").status, 403) << "outside its scopes";
  auto unknown_scope =
      as(admin.token, "POST", "/api/v1/tokens", R"({"name":"x","scopes":["root"]})");
  EXPECT_EQ(unknown_scope.status, 422);
  ASSERT_EQ(as(admin.token, "DELETE", "/api/v1/tokens/" + std::to_string(id)).status, 200);
  EXPECT_EQ(as(secret, "GET", "/api/v1/strategy").status, 401);
}

TEST_F(Accounts, TheStrategyIsForLoggedInUsersAndTheApiDocumentIsPublic) {
  EXPECT_EQ(call("GET", "/api/v1/strategy").status, 401);
  auto s = login("sara");
  EXPECT_EQ(as(s.token, "GET", "/api/v1/strategy").status, 200);
  auto doc = call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(json(doc).at("openapi").as_string(), "3.1.0");
  EXPECT_EQ(call("GET", "/health").status, 200);
}

}  // namespace
}  // namespace tamas::test
