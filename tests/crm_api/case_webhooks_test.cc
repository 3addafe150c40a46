// End to end through the real routes: an integrator registers a webhook for
// case events, an agent opens and works a case over the API, and the
// integrator's HTTP listener receives case.created and case.transitioned,
// signed like every webhook delivery. Unknown event types are refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <mutex>
#include <thread>

#include "api/case_routes.h"
#include "api/server.h"
#include "api/session_guard.h"
#include "api/webhook_routes.h"
#include "services/webhooks/dispatcher.h"
#include "services/webhooks/signature.h"
#include "store/sqlite_store.h"
#include "strategy/loader.h"
#include "temp_dir.h"
#include "test_clocks.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

class CaseWebhooksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = strategy::load_strategy(TAMAS_SOURCE_DIR "/examples/automotive/strategy.yaml");
    ASSERT_TRUE(loaded.ok());
    strat = std::move(*loaded.strategy);
    auto first = open();
    tenant = *first->tenants().add({0, "automotive", "Kavir", from_millis(0)});
    accounts = std::make_unique<AccountsDb>(std::move(first));
    guard = std::make_unique<SessionGuard>(*accounts, tenant, clock, SessionPolicy{});
    admin = bearer("admin", store::Role::admin);
    agent = bearer("agent", store::Role::agent);
    calendar = std::make_unique<BusinessCalendar>(
        *BusinessCalendar::create("Asia/Tehran", strat.holidays));
    backend = std::make_unique<CrmBackend>(open(), strat, tenant, *calendar, always, clock);
    publish_case_events(*backend, bus);
    hooks = std::make_unique<services::WebhookDispatcher>(open(), tenant, clock, bus);
    hooks->start();
    add_webhook_routes(router, AccountServices{*accounts, *guard, clock}, *hooks);
    add_case_routes(router, *guard, *backend);
    start_receiver();
  }
  void TearDown() override {
    if (hooks) hooks->stop();
    if (receiver) receiver->stop();
  }

  std::unique_ptr<store::Store> open() {
    return store::open_sqlite_store(dir.file("t.db")).value();
  }

  std::string bearer(const std::string& name, store::Role role) {
    store::User u{0, tenant, name, name, role, "$argon2id$x", false, from_millis(0)};
    u.id = accounts->with([&](store::Store& db) { return db.users().add(u); }).value();
    return guard->open_session(u).value().token;
  }

  void start_receiver() {
    auto r = std::make_shared<Router>();
    r->post("/in", sync([this](const Request& req) {
              std::lock_guard lock(mu);
              got.push_back(req);
              return Response::json(200, "{}");
            }));
    ServerOptions o;
    o.port = 0;
    receiver = std::make_unique<HttpServer>(o, r);
    port = receiver->start().value();
  }

  Response call(const std::string& token, const std::string& method, const std::string& target,
                const std::string& body) {
    Request req;
    req.method = method;
    req.target = req.path = target;
    req.headers.push_back({"authorization", "Bearer " + token});
    req.headers.push_back({"content-type", "application/json"});
    req.body = body;
    Response out;
    router.dispatch(req, [&](Response r) { out = std::move(r); });
    return out;
  }

  // The deliveries received so far, once at least `n` arrived (or 5 s passed).
  std::vector<Request> wait_for(std::size_t n) {
    for (int i = 0; i < 250; ++i) {
      {
        std::lock_guard lock(mu);
        if (got.size() >= n) return got;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::lock_guard lock(mu);
    return got;
  }

  store::testing::TempDir dir;
  strategy::Strategy strat;
  store::TenantId tenant = 0;
  testing::SharedClock clock{from_millis(1'780'000'000'000)};
  Schedule always{"always", true, {}, {}, false};
  std::unique_ptr<AccountsDb> accounts;
  std::unique_ptr<SessionGuard> guard;
  std::string admin, agent;
  std::unique_ptr<BusinessCalendar> calendar;
  std::unique_ptr<CrmBackend> backend;
  services::EventBus bus;
  std::unique_ptr<services::WebhookDispatcher> hooks;
  Router router;
  std::mutex mu;
  std::vector<Request> got;
  std::unique_ptr<HttpServer> receiver;
  std::uint16_t port = 0;
};

TEST_F(CaseWebhooksTest, ASubscriberHearsACaseCreatedAndTransitionedSigned) {
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/in";
  Response hook = call(admin, "POST", "/api/v1/webhooks",
                       R"({"url":")" + url + R"(","events":["case.created","case.transitioned"]})");
  ASSERT_EQ(hook.status, 201) << hook.body;
  const std::string secret(json::parse(hook.body).as_object()["secret"].as_string());

  Response opened = call(agent, "POST", "/api/v1/cases",
                         R"({"kind":"complaint","category":"complaint/warranty","subject":"x"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::int64_t id = json::parse(opened.body).as_object()["id"].as_int64();
  const std::string path = "/api/v1/cases/" + std::to_string(id);
  ASSERT_EQ(call(agent, "POST", path + "/assign", R"({"user":1})").status, 200)
      << "case.assigned is not subscribed and must not arrive";
  Response moved =
      call(agent, "POST", path + "/transition", R"({"to":"in_progress","note":"on it"})");
  ASSERT_EQ(moved.status, 200) << moved.body;

  auto requests = wait_for(2);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].header("x-tamas-event"), "case.created");
  EXPECT_EQ(requests[1].header("x-tamas-event"), "case.transitioned");
  for (const auto& r : requests)
    EXPECT_EQ(std::string(r.header("x-tamas-signature")),
              services::webhook_signature(secret, r.header("x-tamas-timestamp"), r.body));
  auto created = json::parse(requests[0].body).as_object();
  EXPECT_EQ(created["topic"].as_string(), "cases/" + std::to_string(id));
  auto data = created["data"].as_object();
  EXPECT_EQ(data["case"].as_int64(), id);
  EXPECT_EQ(data["kind"].as_string(), "complaint");
  EXPECT_EQ(data["tenant"].as_int64(), tenant);
  EXPECT_TRUE(data["customer"].is_null());
  auto transitioned = json::parse(requests[1].body).as_object()["data"].as_object();
  EXPECT_EQ(transitioned["from"].as_string(), "assigned");
  EXPECT_EQ(transitioned["to"].as_string(), "in_progress");
  EXPECT_EQ(transitioned["note"].as_string(), "on it");
}

TEST_F(CaseWebhooksTest, AWebhookForAnUnknownEventTypeIsRefusedNamingTheKnownOnes) {
  Response r = call(admin, "POST", "/api/v1/webhooks",
                    R"({"url":"http://127.0.0.1:9/in","events":["case.create"]})");
  ASSERT_EQ(r.status, 422) << r.body;
  auto fields = json::parse(r.body).as_object()["error"].as_object()["fields"].as_object();
  const std::string why(fields["events"].as_string());
  EXPECT_NE(why.find("unknown event type \"case.create\""), std::string::npos) << why;
  EXPECT_NE(why.find("case.created"), std::string::npos) << why;
  EXPECT_EQ(call(admin, "POST", "/api/v1/webhooks",
                 R"({"url":"http://127.0.0.1:9/in","events":["case.sla_breached","*"]})")
                .status,
            201);
}

TEST_F(CaseWebhooksTest, ACategoryOfAnotherKindAnswers422NamingFieldAndKind) {
  Response r =
      call(agent, "POST", "/api/v1/cases", R"({"kind":"request","category":"complaint/warranty"})");
  ASSERT_EQ(r.status, 422) << r.body;
  auto fields = json::parse(r.body).as_object()["error"].as_object()["fields"].as_object();
  ASSERT_TRUE(fields.contains("category")) << r.body;
  EXPECT_NE(std::string(fields["category"].as_string()).find("kind 'complaint'"), std::string::npos)
      << r.body;
  Response ok = call(agent, "POST", "/api/v1/cases",
                     R"({"kind":"complaint","category":"complaint/warranty"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  const std::string path =
      "/api/v1/cases/" + std::to_string(json::parse(ok.body).as_object()["id"].as_int64());
  Response bad = call(agent, "PATCH", path, R"({"category":"request/recall"})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("kind 'request'"), std::string::npos) << bad.body;
  Response good = call(agent, "PATCH", path, R"({"category":"complaint/parts","priority":2})");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(json::parse(good.body).as_object()["category"].as_string(), "complaint/parts");
}

}  // namespace
}  // namespace tamas::api
