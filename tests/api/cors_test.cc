// Cross-origin access: only the public endpoints answer an allowed origin
// (preflight and Access-Control-Allow-Origin); private endpoints never do;
// the public chat WebSocket refuses foreign origins.
#include "api/cors.h"

#include <gtest/gtest.h>

#include "api/server.h"
#include "http_client.h"
#include "ws_client.h"

namespace tamas::api {
namespace {

constexpr const char* kShop = "https://shop.example";

class Cors : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    router->get("/api/v1/public/forms/{ep}",
                sync([](const Request&) { return Response::json(200, R"({"form":1})"); }));
    router->post("/api/v1/chat/survey",
                 sync([](const Request&) { return Response::json(200, R"({"saved":true})"); }));
    router->get("/api/v1/users",
                sync([](const Request&) { return Response::json(200, R"({"users":[]})"); }));
    router->ws("/api/v1/chat/ws",
               [](const Request&, std::shared_ptr<WsConnection>,
                  WsCallbacks& cb) -> std::optional<Response> {
                 cb.on_message = [](const std::string&) {};
                 return std::nullopt;
               });
    ServerOptions options;
    options.port = 0;
    options.cors_origins = {"https://Shop.Example/", "http://localhost:5173"};
    server_ = std::make_unique<HttpServer>(options, router);
    port_ = *server_->start();
  }
  test::HttpReply call(const std::string& method, const std::string& target,
                       std::map<std::string, std::string> headers) {
    return test::HttpConnection(port_).request(method, target, "", headers);
  }
  std::unique_ptr<HttpServer> server_;
  std::uint16_t port_ = 0;
};

TEST_F(Cors, AnAllowedOriginGetsAPreflightAndTheAllowHeaderOnPublicEndpoints) {
  auto pre = call("OPTIONS", "/api/v1/chat/survey",
                  {{"origin", kShop},
                   {"access-control-request-method", "POST"},
                   {"access-control-request-headers", "content-type"}});
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.headers["access-control-allow-origin"], kShop);
  EXPECT_NE(pre.headers["access-control-allow-methods"].find("POST"), std::string::npos);
  EXPECT_NE(pre.headers["access-control-allow-headers"].find("Content-Type"), std::string::npos);
  EXPECT_EQ(pre.headers.count("access-control-allow-credentials"), 0u) << "no cookies cross-origin";
  auto got = call("GET", "/api/v1/public/forms/web_chat", {{"origin", kShop}});
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.headers["access-control-allow-origin"], kShop);
  EXPECT_EQ(got.headers["vary"], "Origin");
}

TEST_F(Cors, AnOriginNotAllowedGetsNoAllowHeaderAndARefusedPreflight) {
  auto pre = call("OPTIONS", "/api/v1/public/forms/web_chat", {{"origin", "https://evil.example"}});
  EXPECT_EQ(pre.status, 403);
  EXPECT_EQ(pre.headers.count("access-control-allow-origin"), 0u);
  auto got = call("GET", "/api/v1/public/forms/web_chat", {{"origin", "https://evil.example"}});
  EXPECT_EQ(got.status, 200) << "the browser, not the server, withholds the answer";
  EXPECT_EQ(got.headers.count("access-control-allow-origin"), 0u);
  auto plain = call("GET", "/api/v1/public/forms/web_chat", {});
  EXPECT_EQ(plain.headers.count("access-control-allow-origin"), 0u) << "no Origin, no CORS";
}

TEST_F(Cors, PrivateEndpointsNeverTakePartEvenForAnAllowedOrigin) {
  auto pre = call("OPTIONS", "/api/v1/users", {{"origin", kShop}});
  EXPECT_EQ(pre.status, 405);
  EXPECT_EQ(pre.headers.count("access-control-allow-origin"), 0u);
  auto got = call("GET", "/api/v1/users", {{"origin", kShop}});
  EXPECT_EQ(got.headers.count("access-control-allow-origin"), 0u);
}

TEST_F(Cors, TheChatSocketOpensForItsOwnHostAndAllowedOriginsOnly) {
  test::WsClient allowed, same, foreign, none;
  EXPECT_TRUE(allowed.connect(port_, "/api/v1/chat/ws", {{"Origin", "http://localhost:5173"}}));
  EXPECT_TRUE(same.connect(port_, "/api/v1/chat/ws", {{"Origin", "http://127.0.0.1"}}))
      << "the page tamas serves itself";
  EXPECT_TRUE(none.connect(port_, "/api/v1/chat/ws")) << "not a browser";
  EXPECT_FALSE(foreign.connect(port_, "/api/v1/chat/ws", {{"Origin", "https://evil.example"}}));
  EXPECT_EQ(foreign.http_status(), 403);
}

TEST(CorsPolicy, OriginsAreComparedInCanonicalFormAndStarAllowsAny) {
  CorsPolicy p({"HTTPS://Shop.Example/", "not an origin"});
  EXPECT_TRUE(p.allows("https://shop.example"));
  EXPECT_FALSE(p.allows("http://shop.example")) << "the scheme matters";
  EXPECT_FALSE(p.allows("https://shop.example.evil"));
  EXPECT_FALSE(CorsPolicy().allows(kShop)) << "nobody by default";
  EXPECT_TRUE(CorsPolicy({"*"}).allows("https://any.example"));
  EXPECT_FALSE(CorsPolicy({"*"}).allows("null"));
  EXPECT_TRUE(CorsPolicy::public_path("/api/v1/forms/complaint"));
  EXPECT_FALSE(CorsPolicy::public_path("/api/v1/agent/ws"));
}

}  // namespace
}  // namespace tamas::api
