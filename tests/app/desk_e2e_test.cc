// The live contact flow end to end: the real server, agents and a supervisor
// logged in over the API with their WebSockets, customers on the public chat
// WebSocket. The test strategy's queue re-offers after 2 s (RONA).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http_client.h"
#include "server_process.h"
#include "ws_client.h"

namespace tamas {
namespace {

using namespace std::chrono_literals;
using test::ServerProcess;
using test::TempDir;
using test::WsClient;

std::string strategy_file() {
  return std::string(TAMAS_SOURCE_DIR) + "/tests/app/data/desk_strategy.yaml";
}

// The value of "key":"..." in a JSON text ("" if absent).
std::string field(const std::string& text, const std::string& key) {
  const auto k = text.find("\"" + key + "\":\"");
  if (k == std::string::npos) return "";
  const auto b = k + key.size() + 4;
  return text.substr(b, text.find('"', b) - b);
}

// Reads frames until one contains every needle; "" after `timeout`.
std::string await(WsClient& ws, std::initializer_list<std::string> needles,
                  std::chrono::milliseconds timeout = 8s) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    auto f = ws.receive(std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now()));
    if (!f) return "";
    bool all = true;
    for (const auto& n : needles) all = all && f->find(n) != std::string::npos;
    if (all) return *f;
  }
  return "";
}

class DeskE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& [name, role] :
         {std::pair{"alice", "agent"}, {"bob", "agent"}, {"sam", "supervisor"}}) {
      std::string out;
      ASSERT_EQ(test::run_command({test::tamas_binary(), "user", "add", name, "--role", role,
                                   "--password", "pass-" + std::string(name), "--db",
                                   dir_.file("t.db"), "--strategy", strategy_file()},
                                  out),
                0)
          << out;
    }
    server_ = std::make_unique<ServerProcess>(
        std::vector<std::string>{"--strategy", strategy_file(), "--db", dir_.file("t.db")});
    ASSERT_NE(server_->port(), 0) << server_->log();
  }

  std::uint16_t port() const { return server_->port(); }

  std::string login(const std::string& name) {
    auto r = test::http_post(port(), "/api/v1/auth/login",
                             R"({"username":")" + name + R"(","password":"pass-)" + name + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    return field(r.body, "token");
  }
  test::HttpReply call(const std::string& token, const std::string& method,
                       const std::string& target, const std::string& body = "") {
    test::HttpConnection c(port());
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return c.request(method, target, body, headers);
  }
  // Logs an agent in to the contact center, ready, with its live WebSocket.
  std::string ready_agent(const std::string& name, WsClient& ws) {
    const auto token = login(name);
    EXPECT_EQ(call(token, "POST", "/api/v1/agent/login").status, 200);
    EXPECT_TRUE(ws.connect(port(), "/api/v1/agent/ws", {{"Authorization", "Bearer " + token}}));
    EXPECT_NE(await(ws, {R"("type":"hello")"}), "");
    EXPECT_EQ(call(token, "POST", "/api/v1/agent/state", R"({"state":"ready"})").status, 200);
    EXPECT_NE(await(ws, {R"("type":"agent_state")", R"("state":"ready")"}), "");
    return token;
  }
  // A customer starts a chat; returns the accepted frame.
  std::string start_chat(WsClient& customer) {
    EXPECT_TRUE(customer.connect(port(), "/api/v1/chat/ws"));
    customer.send(
        R"({"type":"start","entry_point":"web_chat","name":"Sara","email":"sara@example.test"})");
    return await(customer, {R"("type":"accepted")"});
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(DeskE2E, AChatFromStartToWrapUpWithTwoAgentsCompetingForIt) {
  WsClient alice_ws, bob_ws, customer;
  std::map<std::string, std::string> tokens{{"alice", ready_agent("alice", alice_ws)},
                                            {"bob", ready_agent("bob", bob_ws)}};
  const auto accepted = start_chat(customer);
  ASSERT_NE(accepted, "");
  const auto contact = field(accepted, "interaction");
  const auto token = field(accepted, "chat_token");
  ASSERT_EQ(contact, "I-000001");
  // Both try to accept; exactly one may.
  int ok = 0;
  std::string winner;
  for (const auto& [name, t] : tokens) {
    auto r = call(t, "POST", "/api/v1/agent/offers/" + contact + "/accept");
    if (r.status == 200) {
      ++ok;
      winner = name;
    } else {
      EXPECT_TRUE(r.status == 404 || r.status == 403 || r.status == 409) << r.status << r.body;
    }
  }
  // The offer may still be on its way to the engine's chosen agent: keep
  // trying (up to 5 s) until one accept succeeds.
  for (int i = 0; ok == 0 && i < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (const auto& [name, t] : tokens)
      if (call(t, "POST", "/api/v1/agent/offers/" + contact + "/accept").status == 200)
        ++ok, winner = name;
  }
  ASSERT_EQ(ok, 1);
  WsClient& ws = winner == "alice" ? alice_ws : bob_ws;
  const auto& t = tokens[winner];
  EXPECT_NE(await(ws, {R"("type":"contact_assigned")", contact}), "");
  EXPECT_NE(await(customer, {R"("type":"agent_joined")", winner}), "");

  customer.send(R"({"type":"message","text":"where is my order?","id":"m1"})");
  EXPECT_NE(await(customer, {R"("type":"ack")", R"("seq":1)"}), "");
  EXPECT_NE(await(ws, {R"("type":"message")", "where is my order?"}), "");
  auto sent = call(t, "POST", "/api/v1/agent/contacts/" + contact + "/messages",
                   R"({"text":"on its way"})");
  EXPECT_EQ(sent.status, 201) << sent.body;
  EXPECT_NE(await(customer, {R"("type":"message")", "on its way", R"("from":"agent")"}), "");
  auto details = call(t, "GET", "/api/v1/agent/contacts/" + contact);
  EXPECT_NE(details.body.find("where is my order?"), std::string::npos) << details.body;

  const auto& loser = tokens[winner == "alice" ? "bob" : "alice"];
  EXPECT_EQ(call(loser, "POST", "/api/v1/agent/contacts/" + contact + "/end").status, 403)
      << "another agent's contact";
  EXPECT_EQ(
      call(t, "POST", "/api/v1/agent/contacts/" + contact + "/wrapup", R"({"disposition":"x"})")
          .status,
      409)
      << "wrap-up only after the end";
  EXPECT_EQ(call(t, "POST", "/api/v1/agent/contacts/" + contact + "/end").status, 200);
  EXPECT_NE(await(customer, {R"("type":"ended")"}), "");
  EXPECT_EQ(call(t, "POST", "/api/v1/agent/contacts/" + contact + "/wrapup", R"({"disposition":7})")
                .status,
            422);
  EXPECT_EQ(call(t, "POST", "/api/v1/agent/contacts/" + contact + "/wrapup",
                 R"({"disposition":"resolved","notes":"order shipped"})")
                .status,
            200);
  EXPECT_NE(await(ws, {R"("type":"wrapup_done")"}), "");
  auto transcript = test::http_get(port(), "/api/v1/chat/transcript?token=" + token);
  EXPECT_EQ(transcript.status, 200);
  EXPECT_NE(transcript.body.find("on its way"), std::string::npos) << transcript.body;
  EXPECT_EQ(test::http_get(port(), "/api/v1/chat/transcript?token=forged").status, 404);
}

TEST_F(DeskE2E, AnIgnoredOfferGoesToTheOtherAgent) {
  WsClient alice_ws, bob_ws, customer;
  ready_agent("alice", alice_ws);
  ready_agent("bob", bob_ws);
  const auto contact = field(start_chat(customer), "interaction");
  ASSERT_FALSE(contact.empty());
  // Whoever gets the offer ignores it; after 2 s it is withdrawn (RONA) and
  // offered to the other.
  std::string a = await(alice_ws, {R"("type":"offer")", contact}, 3s);
  WsClient& first = a.empty() ? bob_ws : alice_ws;
  WsClient& second = a.empty() ? alice_ws : bob_ws;
  if (a.empty()) {
    ASSERT_NE(await(bob_ws, {R"("type":"offer")", contact}), "");
  }
  EXPECT_NE(await(first, {R"("type":"offer_withdrawn")", R"("reason":"rona")"}), "");
  EXPECT_NE(await(second, {R"("type":"offer")", contact}), "");
}

TEST_F(DeskE2E, ASupervisorWatchesQueueStatisticsChangeAndAnAbandonCounted) {
  const auto sam = login("sam");
  WsClient sup;
  ASSERT_TRUE(sup.connect(port(), "/api/v1/supervisor/ws", {{"Authorization", "Bearer " + sam}}));
  EXPECT_NE(await(sup, {R"("type":"snapshot")", R"("queue":"support")"}), "");
  WsClient customer;
  ASSERT_NE(start_chat(customer), "");
  EXPECT_NE(await(sup, {R"("type":"queue_stats")", R"("queue":"support")", R"("waiting":1)"}), "");
  EXPECT_NE(await(customer, {R"("type":"queue")", R"("position":1)"}), "");
  customer.send(R"({"type":"leave"})");
  EXPECT_NE(await(customer, {R"("type":"ended")", "abandoned"}), "");
  EXPECT_NE(await(sup, {R"("type":"queue_stats")", R"("waiting":0)", R"("abandoned":1)"}), "");
  auto queues = call(sam, "GET", "/api/v1/queues");
  EXPECT_EQ(queues.status, 200);
  EXPECT_NE(queues.body.find(R"("abandoned":1)"), std::string::npos) << queues.body;
  EXPECT_EQ(call(sam, "GET", "/api/v1/agents").status, 200);
  EXPECT_EQ(call(sam, "POST", "/api/v1/agent/login").status, 200)
      << "supervisors may take contacts too";
  WsClient refused;
  EXPECT_FALSE(refused.connect(port(), "/api/v1/supervisor/ws"));
  EXPECT_EQ(refused.http_status(), 401);
  const auto alice = login("alice");
  EXPECT_EQ(call(alice, "GET", "/api/v1/queues").status, 403);
}

TEST_F(DeskE2E, AChatResumesAfterAReconnect) {
  std::string token;
  {
    WsClient customer;
    const auto accepted = start_chat(customer);
    token = field(accepted, "chat_token");
    customer.send(R"({"type":"message","text":"hello?"})");
    ASSERT_NE(await(customer, {R"("type":"ack")"}), "");
    customer.send("this is not json");
    EXPECT_NE(await(customer, {R"("type":"error")"}), "") << "a bad frame is answered, not fatal";
  }  // the connection drops
  WsClient again;
  ASSERT_TRUE(again.connect(port(), "/api/v1/chat/ws"));
  again.send(R"({"type":"resume","chat_token":")" + token + R"("})");
  const auto resumed = await(again, {R"("type":"resumed")"});
  EXPECT_NE(resumed.find("hello?"), std::string::npos) << resumed;
  again.send(R"({"type":"message","text":"still here"})");
  EXPECT_NE(await(again, {R"("type":"ack")", R"("seq":2)"}), "");
}

}  // namespace
}  // namespace tamas
