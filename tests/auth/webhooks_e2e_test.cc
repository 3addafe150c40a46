// An admin registers a webhook on the running server, pings it, and reads
// the delivery log; the receiver checks the signature with the secret it
// was given once.
#include <mutex>
#include <thread>

#include "api/server.h"
#include "auth_fixture.h"
#include "services/webhooks/signature.h"

namespace tamas::test {
namespace {

class Webhooks : public AuthServer {
 protected:
  void SetUp() override {
    add_user("admin", "admin");
    add_user("sup", "supervisor");
    start();
    auto router = std::make_shared<api::Router>();
    router->post("/in", api::sync([this](const api::Request& r) {
                   std::lock_guard lock(mutex_);
                   got_.push_back(r);
                   return api::Response::json(200, "{}");
                 }));
    api::ServerOptions o;
    o.port = 0;
    receiver_ = std::make_unique<api::HttpServer>(o, router);
    receiver_port_ = *receiver_->start();
  }
  std::vector<api::Request> got() {
    std::lock_guard lock(mutex_);
    return got_;
  }
  std::mutex mutex_;
  std::vector<api::Request> got_;
  std::unique_ptr<api::HttpServer> receiver_;
  std::uint16_t receiver_port_ = 0;
};

TEST_F(Webhooks, APingIsDeliveredSignedAndLogged) {
  auto admin = login("admin");
  const std::string url = "http://127.0.0.1:" + std::to_string(receiver_port_) + "/in";
  auto created =
      as(admin.token, "POST", "/api/v1/webhooks", R"({"url":")" + url + R"(","events":["offer"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto v = json(created).as_object();
  const std::string secret(v.at("secret").as_string());
  const std::string id = std::to_string(v.at("id").as_int64());
  EXPECT_EQ(as(admin.token, "GET", "/api/v1/webhooks").body.find(secret), std::string::npos)
      << "the secret is shown only once";
  ASSERT_EQ(as(admin.token, "POST", "/api/v1/webhooks/" + id + "/ping").status, 202);
  HttpReply log;
  for (int i = 0; i < 100; ++i) {
    log = as(admin.token, "GET", "/api/v1/webhooks/" + id + "/deliveries");
    if (log.body.find("\"ok\":true") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(log.status, 200);
  EXPECT_NE(log.body.find(R"("event_type":"ping")"), std::string::npos) << log.body;
  EXPECT_NE(log.body.find(R"("ok":true)"), std::string::npos) << log.body;
  auto requests = got();
  ASSERT_EQ(requests.size(), 1u);
  const auto& r = requests[0];
  EXPECT_EQ(std::string(r.header("x-tamas-signature")),
            services::webhook_signature(secret, r.header("x-tamas-timestamp"), r.body));
}

// A customer's web form becomes a contact; the CRM that subscribed to
// contact events hears it queued, with the queue the strategy chose.
TEST_F(Webhooks, AContactQueuedByTheEngineReachesTheSubscriber) {
  auto admin = login("admin");
  const std::string url = "http://127.0.0.1:" + std::to_string(receiver_port_) + "/in";
  auto created = as(admin.token, "POST", "/api/v1/webhooks",
                    R"({"url":")" + url + R"(","events":["contact.queued"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto form = test::http_post(port(), "/api/v1/forms/voc_form",
                              R"({"fields":{"vehicle_model":"kavir_suv","vin":"nlaa1234567890123",)"
                              R"("mobile":"09123456789","province":"tehran",)"
                              R"("description":"The engine stalls at idle."}})");
  ASSERT_EQ(form.status, 201) << form.body;
  std::vector<api::Request> requests;
  for (int i = 0; i < 100 && requests.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    requests = got();
  }
  ASSERT_EQ(requests.size(), 1u) << "only the subscribed type is delivered";
  EXPECT_EQ(requests[0].header("x-tamas-event"), "contact.queued");
  EXPECT_NE(requests[0].body.find(R"("topic":"contacts/)"), std::string::npos) << requests[0].body;
  EXPECT_NE(requests[0].body.find(R"("queue":")"), std::string::npos) << requests[0].body;
}

TEST_F(Webhooks, HttpAndHttpsUrlsAreAcceptedAndSupervisorsCannotManageWebhooks) {
  auto admin = login("admin");
  auto https = as(admin.token, "POST", "/api/v1/webhooks",
                  R"({"url":"https://x.example/in","events":["*"]})");
  EXPECT_EQ(https.status, 201) << https.body;
  auto ftp =
      as(admin.token, "POST", "/api/v1/webhooks", R"({"url":"ftp://x.example/in","events":["*"]})");
  EXPECT_EQ(ftp.status, 422);
  EXPECT_NE(ftp.body.find("https://"), std::string::npos) << ftp.body;
  auto sup = login("sup");
  EXPECT_EQ(as(sup.token, "GET", "/api/v1/webhooks").status, 403);
}

}  // namespace
}  // namespace tamas::test
