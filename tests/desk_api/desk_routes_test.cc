// The agent desk's HTTP routes and live WebSocket on a real HttpServer, with
// a fake Guard ("Authorization: Test <user>:<role>") in place of sessions.
#include "api/desk_routes.h"

#include "../services/desk/live_fixture.h"
#include "api/agent_ws.h"
#include "api/server.h"
#include "http_client.h"
#include "ws_client.h"

namespace tamas::services::test {
namespace {

class FakeGuard final : public api::Guard {
 public:
  explicit FakeGuard(std::map<std::string, store::RowId> users, store::TenantId tenant)
      : users_(std::move(users)), tenant_(tenant) {}
  std::variant<api::Principal, api::Response> authenticate(const api::Request& req) const override {
    const auto h = std::string(req.header("authorization"));
    const auto colon = h.find(':');
    if (h.rfind("Test ", 0) != 0 || colon == std::string::npos)
      return api::Response::error(401, "unauthenticated", "no test credentials");
    api::Principal p;
    p.tenant = tenant_;
    p.username = h.substr(5, colon - 5);
    p.user = users_.count(p.username) ? users_.at(p.username) : 0;
    p.role = *store::parse_role(h.substr(colon + 1));
    return p;
  }

 private:
  std::map<std::string, store::RowId> users_;
  store::TenantId tenant_;
};

class DeskRoutesTest : public LiveFixture {
 protected:
  void SetUp() override {
    LiveFixture::SetUp();
    guard_ = std::make_unique<FakeGuard>(users_, tenant_);
    auto router = std::make_shared<api::Router>();
    api::add_desk_routes(*router, *guard_, *desk_, *feed_);
    api::add_live_ws(*router, *guard_, *desk_, *feed_, bus_);
    api::ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<api::HttpServer>(options, router);
    port_ = *server_->start();
  }
  void TearDown() override {
    server_->stop();
    LiveFixture::TearDown();
  }
  tamas::test::HttpReply call(const std::string& who, const std::string& method, const std::string& target,
                              const std::string& body = "") {
    tamas::test::HttpConnection c(port_);
    std::map<std::string, std::string> headers{{"Authorization", "Test " + who}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return c.request(method, target, body, headers);
  }

  std::unique_ptr<FakeGuard> guard_;
  std::unique_ptr<api::HttpServer> server_;
  std::uint16_t port_ = 0;
};

TEST_F(DeskRoutesTest, AnAgentSessionOverHttpWithClearErrors) {
  const std::string alice = "alice:agent";
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/state", R"({"state":"ready"})").status, 409)
      << "not logged in to the contact center yet";
  auto login = call(alice, "POST", "/api/v1/agent/login");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_NE(login.body.find(R"("state":"not_ready")"), std::string::npos) << login.body;
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/login").status, 409);
  auto bad = call(alice, "POST", "/api/v1/agent/state", R"({"state":"sleepy","x":1})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(R"("x":"unknown field")"), std::string::npos) << bad.body;
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/state", "{oops").status, 400);
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/state", R"({"state":"ready"})").status, 200);
  const auto contact = arrive();
  ASSERT_NE(wait_for("agent/alice", "offer", contact), "");
  auto me = call(alice, "GET", "/api/v1/agent");
  EXPECT_NE(me.body.find(R"("offers":[{"contact":")" + contact), std::string::npos) << me.body;
  EXPECT_NE(me.body.find("offer_expires_at"), std::string::npos);
  auto unknown = call(alice, "POST", "/api/v1/agent/offers/I-424242/accept");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find(R"("code":"not_found")"), std::string::npos);
  EXPECT_EQ(call("bob:agent", "POST", "/api/v1/agent/offers/" + contact + "/accept").status, 409)
      << "bob is not logged in";
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/offers/" + contact + "/accept").status, 200);
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/contacts/" + contact + "/messages", R"({"text":""})").status, 422);
  auto sent = call(alice, "POST", "/api/v1/agent/contacts/" + contact + "/messages", R"({"text":"hi"})");
  EXPECT_EQ(sent.status, 201);
  EXPECT_EQ(sent.body, R"({"seq":1})");
  auto details = call(alice, "GET", "/api/v1/agent/contacts/" + contact);
  EXPECT_NE(details.body.find(R"("text":"hi")"), std::string::npos) << details.body;
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/contacts/" + contact + "/hold").status, 200);
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/contacts/" + contact + "/hold").status, 409);
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/contacts/" + contact + "/transfer", R"({})").status, 422);
  EXPECT_EQ(call(alice, "POST", "/api/v1/agent/logout").status, 409) << "still holding a contact";
}

TEST_F(DeskRoutesTest, SupervisorRoutesNeedTheSupervisePermission) {
  EXPECT_EQ(call("alice:agent", "GET", "/api/v1/queues").status, 403);
  EXPECT_EQ(call("", "GET", "/api/v1/agents").status, 401);
  auto queues = call("sam:supervisor", "GET", "/api/v1/queues");
  EXPECT_EQ(queues.status, 200);
  EXPECT_NE(queues.body.find(R"("queue":"support")"), std::string::npos);
  ASSERT_EQ(call("alice:agent", "POST", "/api/v1/agent/login").status, 200);
  EXPECT_EQ(call("sam:supervisor", "POST", "/api/v1/agents/alice/state", R"({"state":"ready"})").status, 200);
  auto agents = call("sam:supervisor", "GET", "/api/v1/agents");
  EXPECT_NE(agents.body.find(R"("state":"ready")"), std::string::npos) << agents.body;
  EXPECT_EQ(call("sam:supervisor", "POST", "/api/v1/agents/alice/state", R"({"state":"logged_out"})").status, 200);
}

TEST_F(DeskRoutesTest, TheAgentWebSocketPushesOffersAndReplaysWhatWasMissed) {
  ASSERT_EQ(call("alice:agent", "POST", "/api/v1/agent/login").status, 200);
  tamas::test::WsClient ws;
  ASSERT_TRUE(ws.connect(port_, "/api/v1/agent/ws", {{"Authorization", "Test alice:agent"}}));
  EXPECT_NE(ws.receive()->find(R"("type":"hello")"), std::string::npos);
  ASSERT_EQ(call("alice:agent", "POST", "/api/v1/agent/state", R"({"state":"ready"})").status, 200);
  const auto contact = arrive();
  std::string offer;
  for (int i = 0; i < 10 && offer.find(R"("type":"offer")") == std::string::npos; ++i) offer = ws.receive().value_or("");
  ASSERT_NE(offer.find(contact), std::string::npos) << offer;
  EXPECT_NE(offer.find(R"("screen_pop":null)"), std::string::npos)
      << "the offer carries the screen pop (nobody, for a contact without keys): " << offer;
  ws.close();
  tamas::test::WsClient again;
  ASSERT_TRUE(again.connect(port_, "/api/v1/agent/ws?since=0", {{"Authorization", "Test alice:agent"}}));
  bool replayed = false;
  for (int i = 0; i < 10 && !replayed; ++i) replayed = again.receive().value_or("").find(R"("type":"offer")") != std::string::npos;
  EXPECT_TRUE(replayed);
  tamas::test::WsClient refused;
  EXPECT_FALSE(refused.connect(port_, "/api/v1/supervisor/ws", {{"Authorization", "Test alice:agent"}}));
  EXPECT_EQ(refused.http_status(), 403);
}

}  // namespace
}  // namespace tamas::services::test
