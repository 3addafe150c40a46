// The HTTP server as a client sees it: routing, errors as JSON, limits,
// keep-alive, handlers answering later from another thread.
#include "api/server.h"

#include <gtest/gtest.h>

#include <thread>

#include "http_client.h"

namespace tamas::api {
namespace {

using test::HttpConnection;
using test::http_get;
using test::http_post;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    router->get("/hello", sync([](const Request&) { return Response::json(200, "{\"hi\":1}"); }));
    router->get("/items/{id}", sync([](const Request& r) {
      return Response::json(200, "{\"id\":\"" + json_escape(r.params.at("id")) + "\",\"q\":\"" +
                                     json_escape(r.query.count("q") ? r.query.at("q") : "") + "\"}");
    }));
    router->post("/echo", sync([](const Request& r) { return Response::text(200, r.body); }));
    router->get("/later", [](const Request&, Respond respond) {
      std::thread([respond] { respond(Response::json(202, "{\"later\":true}")); }).detach();
    });
    ServerOptions options;
    options.port = 0;
    options.body_limit = 1024;
    options.read_timeout = std::chrono::milliseconds(300);
    server_ = std::make_unique<HttpServer>(options, router);
    auto port = server_->start();
    ASSERT_TRUE(port.ok());
    port_ = *port;
  }

  std::unique_ptr<HttpServer> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, AnswersARoute) {
  auto r = http_get(port_, "/hello");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"hi\":1}");
  EXPECT_EQ(r.headers["content-type"], "application/json");
}

TEST_F(ServerTest, FillsPathParametersAndDecodesTheQuery) {
  auto r = http_get(port_, "/items/%D8%B3?q=a+b%26c");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"id\":\"\xD8\xB3\",\"q\":\"a b&c\"}");
}

TEST_F(ServerTest, UnknownPathIs404WithAJsonError) {
  auto r = http_get(port_, "/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("\"code\":\"not_found\""), std::string::npos);
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  auto r = http_post(port_, "/hello", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["allow"], "GET");
}

TEST_F(ServerTest, OversizedBodyIs413) {
  auto r = http_post(port_, "/echo", std::string(4096, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("payload_too_large"), std::string::npos);
}

TEST_F(ServerTest, MalformedRequestIs400AndTheServerLivesOn) {
  HttpConnection c(port_);
  std::string reply = c.raw("GARBAGE\r\n\r\n");
  EXPECT_NE(reply.find("400"), std::string::npos);
  EXPECT_EQ(http_get(port_, "/hello").status, 200);
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  HttpConnection c(port_);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(c.request("GET", "/hello").status, 200);
  EXPECT_EQ(c.request("POST", "/echo", "payload").body, "payload");
}

TEST_F(ServerTest, HandlerMayAnswerLaterFromAnotherThread) {
  auto r = http_get(port_, "/later");
  EXPECT_EQ(r.status, 202);
}

TEST_F(ServerTest, HalfSentRequestIsDroppedAfterTheReadTimeout) {
  HttpConnection c(port_);
  // Never finishes the headers; the server must close rather than wait forever.
  std::string reply = c.raw("GET /hello HTTP/1.1\r\nHost: x\r\n");
  EXPECT_EQ(reply, "");
  EXPECT_EQ(http_get(port_, "/hello").status, 200);
}

TEST_F(ServerTest, StopsCleanlyWithOpenConnections) {
  HttpConnection c(port_);
  EXPECT_EQ(c.request("GET", "/hello").status, 200);
  server_->stop();
  SUCCEED();
}

}  // namespace
}  // namespace tamas::api
