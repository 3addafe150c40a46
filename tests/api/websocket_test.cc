// WebSocket endpoints: accept, refuse with an HTTP status, push from any thread.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "api/server.h"
#include "ws_client.h"

namespace tamas::api {
namespace {

class WebSocketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    router->ws("/ws/echo/{name}", [this](const Request& req, std::shared_ptr<WsConnection> conn,
                                         WsCallbacks& cb) -> std::optional<Response> {
      if (req.query.count("token") == 0 || req.query.at("token") != "good")
        return Response::error(401, "unauthenticated", "token required");
      const std::string name = req.params.at("name");
      std::weak_ptr<WsConnection> weak = conn;
      cb.on_message = [weak, name](const std::string& text) {
        if (auto c = weak.lock()) c->send(name + ":" + text);
      };
      cb.on_close = [this] { ++closed_; };
      // Push from another thread right away.
      std::thread([conn] { conn->send("welcome"); }).detach();
      return std::nullopt;
    });
    ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<HttpServer>(options, router);
    port_ = *server_->start();
  }

  std::unique_ptr<HttpServer> server_;
  std::uint16_t port_ = 0;
  std::atomic<int> closed_{0};
};

TEST_F(WebSocketTest, AcceptedConnectionGetsPushesAndEchoes) {
  test::WsClient client;
  ASSERT_TRUE(client.connect(port_, "/ws/echo/ali?token=good"));
  EXPECT_EQ(client.receive(), "welcome");
  client.send("سلام");
  EXPECT_EQ(client.receive(), "ali:سلام");
  client.send("two");
  EXPECT_EQ(client.receive(), "ali:two");
}

TEST_F(WebSocketTest, RefusedUpgradeGetsTheHttpStatus) {
  test::WsClient client;
  EXPECT_FALSE(client.connect(port_, "/ws/echo/ali?token=bad"));
  EXPECT_EQ(client.http_status(), 401);
}

TEST_F(WebSocketTest, UnknownWebSocketPathIs404) {
  test::WsClient client;
  EXPECT_FALSE(client.connect(port_, "/ws/nothing"));
  EXPECT_EQ(client.http_status(), 404);
}

TEST_F(WebSocketTest, ClientCloseIsReportedOnce) {
  {
    test::WsClient client;
    ASSERT_TRUE(client.connect(port_, "/ws/echo/x?token=good"));
    EXPECT_EQ(client.receive(), "welcome");
    client.close();
  }
  for (int i = 0; i < 200 && closed_ == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(closed_, 1);
}

}  // namespace
}  // namespace tamas::api
