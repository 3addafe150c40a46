// The desk's consult (attended transfer) routes: the body names exactly one
// target, the signed-in agent and the contact reach the voice channel, and
// its errors come back as JSON with their HTTP status.
#include <gtest/gtest.h>

#include "api/desk_routes.h"

namespace tamas::api {
namespace {

// "x-user: <name>" stands for a logged-in agent; none: 401.
class AgentGuard final : public Guard {
 public:
  std::variant<Principal, Response> authenticate(const Request& req) const override {
    const std::string who(req.header("x-user"));
    if (who.empty()) return Response::error(401, "unauthorized", "log in");
    Principal p;
    p.tenant = 1;
    p.username = who;
    p.role = store::Role::agent;
    return p;
  }
};

class ConsultRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    ConsultActions actions;
    actions.start = [this](const std::string& agent, const std::string& contact,
                           const ConsultTo& to, ConsultActions::Done done) {
      calls_.push_back("start " + agent + " " + contact + " " + to.agent + "|" + to.queue + "|" +
                       to.number);
      done(next_);
    };
    actions.complete = [this](const std::string& agent, const std::string& contact,
                              ConsultActions::Done done) {
      calls_.push_back("complete " + agent + " " + contact);
      done(next_);
    };
    actions.cancel = [this](const std::string& agent, const std::string& contact,
                            ConsultActions::Done done) {
      calls_.push_back("cancel " + agent + " " + contact);
      done(next_);
    };
    add_consult_routes(router_, guard_, actions);
  }

  Response post(const std::string& path, const std::string& body,
                const std::string& who = "alice") {
    Request req;
    req.method = "POST";
    req.path = req.target = "/api/v1/agent/contacts/I-000001/consult" + path;
    req.body = body;
    if (!body.empty()) req.headers.emplace_back("content-type", "application/json");
    if (!who.empty()) req.headers.emplace_back("x-user", who);
    Response out;
    router_.dispatch(req, [&](Response r) { out = std::move(r); });
    return out;
  }

  AgentGuard guard_;
  Router router_;
  Status next_;  // what the voice channel answers
  std::vector<std::string> calls_;
};

TEST_F(ConsultRoutes, AConsultNamesTheAgentTheContactAndOneTarget) {
  Response r = post("", R"({"agent":"bob"})");
  EXPECT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.body, R"({"ok":true,"consult":"ringing"})");
  EXPECT_EQ(post("", R"({"queue":"emergency"})").status, 202);
  EXPECT_EQ(post("", R"({"number":"09121234567"})").status, 202);
  EXPECT_EQ(calls_, (std::vector<std::string>{"start alice I-000001 bob||",
                                              "start alice I-000001 |emergency|",
                                              "start alice I-000001 ||09121234567"}));
}

TEST_F(ConsultRoutes, BothOrNoTargetsOrUnknownFieldsAre422AndReachNothing) {
  for (const char* body :
       {R"({"agent":"bob","queue":"emergency"})", R"({})", R"({"agent":"bob","number":"0912"})",
        R"({"agent":""})", R"({"agent":"bob","priority":1})", R"({"agent":7})"}) {
    SCOPED_TRACE(body);
    Response r = post("", body);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_NE(r.body.find("\"error\""), std::string::npos) << r.body;
  }
  EXPECT_EQ(post("", "").status, 415);  // no JSON body at all, as for /transfer
  EXPECT_TRUE(calls_.empty());
}

TEST_F(ConsultRoutes, CompleteAndCancelTakeNoBody) {
  EXPECT_EQ(post("/complete", "").status, 200);
  EXPECT_EQ(post("/cancel", "{}").status, 200);
  EXPECT_EQ(post("/cancel", R"({"agent":"bob"})").status, 422);
  EXPECT_EQ(calls_, (std::vector<std::string>{"complete alice I-000001", "cancel alice I-000001"}));
}

TEST_F(ConsultRoutes, TheVoiceChannelsRefusalsKeepTheirMeaning) {
  const std::vector<std::pair<Error, int>> cases = {
      {Error::not_found("'I-000001' is not a call of ours"), 404},
      {Error{ErrorCode::permission_denied, "not alice's call"}, 403},
      {Error::conflict("a consult already runs"), 409},
      {Error::invalid("agent 'carol' is not signed in"), 422},
      {Error::unavailable("no outbound gateway for numbers"), 503},
  };
  for (const auto& [error, status] : cases) {
    SCOPED_TRACE(error.message);
    next_ = error;
    for (const char* path : {"", "/complete", "/cancel"}) {
      Response r = post(path, *path ? "" : R"({"agent":"bob"})");
      EXPECT_EQ(r.status, status) << r.body;
      EXPECT_NE(r.body.find(error.message), std::string::npos) << r.body;
    }
  }
}

TEST_F(ConsultRoutes, OnlySignedInUsersMayConsult) {
  EXPECT_EQ(post("", R"({"agent":"bob"})", "").status, 401);
  EXPECT_TRUE(calls_.empty());
}

}  // namespace
}  // namespace tamas::api
