// What the agent desk learns from GET /api/v1/me (capacity per channel and
// departments), and the public endpoints answering an allowed origin of
// `tamas serve --cors-origin`, against the real binary.
#include "auth_fixture.h"

namespace tamas::test {
namespace {

class MeDesk : public AuthServer {
 protected:
  void SetUp() override {
    add_user("admin", "admin");
    add_user("sara", "agent");
    start({"--cors-origin", "https://shop.example", "--cors-origin", "http://localhost:5173"});
  }
};

TEST_F(MeDesk, MeGivesTheAgentsCapacityPerChannelAndTheirDepartments) {
  auto sara = login("sara");
  auto before = json(as(sara.token, "GET", "/api/v1/me")).as_object();
  EXPECT_EQ(before.at("capacity").at("chat").as_int64(), 3) << "the standard profile";
  EXPECT_EQ(before.at("capacity").at("voice").as_int64(), 1);
  EXPECT_TRUE(before.at("departments").as_array().empty());
  const auto id = std::to_string(before.at("user").at("id").as_int64());
  auto admin = login("admin");
  auto put = as(admin.token, "PUT", "/api/v1/users/" + id + "/agent",
                R"({"skills":{"sales":3},"capacities":{"chat":5,"email":2}})");
  ASSERT_EQ(put.status, 200) << put.body;
  auto member = as(admin.token, "POST", "/api/v1/departments/quality/members",
                   R"({"user":)" + id + R"(,"head":true})");
  ASSERT_EQ(member.status, 201) << member.body;
  auto after = json(as(sara.token, "GET", "/api/v1/me")).as_object();
  EXPECT_EQ(after.at("capacity").at("chat").as_int64(), 5);
  EXPECT_EQ(after.at("capacity").at("email").as_int64(), 2);
  EXPECT_EQ(after.at("capacity").at("voice").as_int64(), 1) << "channels not set keep the standard";
  ASSERT_EQ(after.at("departments").as_array().size(), 1u);
  EXPECT_EQ(after.at("departments").at(0).at("id").as_string(), "quality");
  EXPECT_TRUE(after.at("departments").at(0).at("head").as_bool());
}

TEST_F(MeDesk, PublicEndpointsAnswerTheAllowedOriginAndPrivateOnesNever) {
  auto pre = call("OPTIONS", "/api/v1/forms/voc_form", "",
                  {{"origin", "https://shop.example"}, {"access-control-request-method", "POST"}});
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.headers["access-control-allow-origin"], "https://shop.example");
  auto form =
      call("GET", "/api/v1/public/forms/web_chat", "", {{"origin", "http://localhost:5173"}});
  EXPECT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(form.headers["access-control-allow-origin"], "http://localhost:5173");
  auto status =
      call("POST", "/api/v1/public/cases/status", R"({"number":"C-1","phone":"09120000000"})",
           {{"origin", "https://evil.example"}});
  EXPECT_EQ(status.headers.count("access-control-allow-origin"), 0u);
  auto sara = login("sara");
  auto me = call("GET", "/api/v1/me", "",
                 {{"origin", "https://shop.example"}, {"authorization", "Bearer " + sara.token}});
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.headers.count("access-control-allow-origin"), 0u) << "private: same origin only";
  EXPECT_EQ(call("OPTIONS", "/api/v1/me", "", {{"origin", "https://shop.example"}}).status, 405);
}

}  // namespace
}  // namespace tamas::test
