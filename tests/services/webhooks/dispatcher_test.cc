// Webhook deliveries to a real receiver on 127.0.0.1 (a free port): signed,
// retried with backoff after failures, every attempt logged; only
// subscribed event types are sent.
#include "services/webhooks/dispatcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "api/server.h"
#include "services/webhooks/http_post.h"
#include "services/webhooks/signature.h"
#include "store/memory_store.h"
#include "store/sqlite_store.h"

namespace tamas::services {
namespace {

using namespace std::chrono_literals;

class RealClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
};

struct Received {
  std::string body, signature, timestamp, event;
};

// Answers 500 to the first `failures` POSTs, then 204; keeps what it got.
class Receiver {
 public:
  explicit Receiver(int failures) : failures_(failures) {
    auto router = std::make_shared<api::Router>();
    router->post("/hook", api::sync([this](const api::Request& r) {
                   std::lock_guard lock(mutex_);
                   got_.push_back(Received{r.body, std::string(r.header("x-tamas-signature")),
                                           std::string(r.header("x-tamas-timestamp")),
                                           std::string(r.header("x-tamas-event"))});
                   return api::Response::json(
                       static_cast<int>(got_.size()) <= failures_ ? 500 : 204, "");
                 }));
    api::ServerOptions o;
    o.port = 0;
    server_ = std::make_unique<api::HttpServer>(o, router);
    port_ = *server_->start();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::vector<Received> got() {
    std::lock_guard lock(mutex_);
    return got_;
  }

 private:
  int failures_;
  std::mutex mutex_;
  std::vector<Received> got_;
  std::unique_ptr<api::HttpServer> server_;
  std::uint16_t port_ = 0;
};

class Dispatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "/webhooks_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    std::remove(path_.c_str());
    db_ = store::open_sqlite_store(path_).value();
    tenant_ = *db_->tenants().add(store::Tenant{0, "t", "T", clock_.now()});
  }
  void TearDown() override { std::remove(path_.c_str()); }

  store::RowId add_hook(const std::string& url, std::vector<std::string> events,
                        std::string secret) {
    return *db_->webhooks().add(
        store::Webhook{0, tenant_, url, std::move(events), std::move(secret), clock_.now(), true});
  }
  std::unique_ptr<WebhookDispatcher> dispatcher(int max_attempts) {
    WebhookOptions o;
    o.max_attempts = max_attempts;
    o.first_retry = 50ms;
    o.backoff_factor = 2;
    o.timeout = 2s;
    auto d = std::make_unique<WebhookDispatcher>(store::open_sqlite_store(path_).value(), tenant_,
                                                 clock_, bus_, o);
    d->start();
    return d;
  }
  BusEvent event(std::string type) {
    BusEvent e;
    e.tenant = tenant_;
    e.topic = "agent/7";
    e.type = std::move(type);
    e.at = clock_.now();
    e.json = R"({"agent":7})";
    return e;
  }
  // Waits (bounded) until `n` attempts are logged for `hook`.
  std::vector<store::WebhookDelivery> wait_for_log(store::RowId hook, std::size_t n) {
    for (int i = 0; i < 200; ++i) {
      auto log = db_->webhooks().deliveries(tenant_, hook, 100);
      if (log && log->size() >= n) return *log;
      std::this_thread::sleep_for(25ms);
    }
    return *db_->webhooks().deliveries(tenant_, hook, 100);
  }

  RealClock clock_;
  std::string path_;
  std::unique_ptr<store::Store> db_;
  store::TenantId tenant_ = 0;
  EventBus bus_;
};

TEST_F(Dispatcher, AFailingReceiverIsRetriedUntilItAcceptsAndEveryAttemptIsLogged) {
  Receiver receiver(/*failures=*/2);
  auto hook = add_hook(receiver.url(), {"offer"}, "s3cret");
  auto d = dispatcher(5);
  bus_.publish(event("offer"));
  auto log = wait_for_log(hook, 3);
  d->stop();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[2].attempt, 1);  // newest first
  EXPECT_FALSE(log[2].ok);
  EXPECT_EQ(log[2].status_code, 500);
  EXPECT_EQ(log[2].error, "HTTP 500");
  EXPECT_EQ(log[1].attempt, 2);
  EXPECT_FALSE(log[1].ok);
  EXPECT_EQ(log[0].attempt, 3);
  EXPECT_TRUE(log[0].ok);
  EXPECT_EQ(log[0].status_code, 204);
  EXPECT_EQ(log[0].event_type, "offer");
  EXPECT_GE(log[1].at - log[2].at, 50ms) << "backoff before the retry";
  EXPECT_GE(log[0].at - log[1].at, 100ms) << "exponential";

  auto got = receiver.got();
  ASSERT_EQ(got.size(), 3u);
  for (const auto& r : got) {
    EXPECT_EQ(r.signature, webhook_signature("s3cret", r.timestamp, r.body)) << "signed";
    EXPECT_EQ(r.event, "offer");
  }
  EXPECT_NE(got[0].body.find(R"("type":"offer")"), std::string::npos) << got[0].body;
  EXPECT_NE(got[0].body.find(R"("data":{"agent":7})"), std::string::npos);
  EXPECT_NE(webhook_signature("other", got[0].timestamp, got[0].body), got[0].signature);
}

TEST_F(Dispatcher, GivesUpAfterMaxAttempts) {
  Receiver receiver(/*failures=*/100);
  auto hook = add_hook(receiver.url(), {"*"}, "");
  auto d = dispatcher(3);
  bus_.publish(event("message"));
  auto log = wait_for_log(hook, 3);
  std::this_thread::sleep_for(400ms);  // a fourth attempt would be due by now
  d->stop();
  EXPECT_EQ(db_->webhooks().deliveries(tenant_, hook, 100)->size(), 3u);
  for (const auto& r : receiver.got())
    EXPECT_TRUE(r.signature.empty()) << "no secret, no signature";
}

TEST_F(Dispatcher, OnlySubscribedEventTypesAreDelivered) {
  Receiver receiver(0);
  auto offers = add_hook(receiver.url(), {"offer"}, "k");
  auto d = dispatcher(1);
  bus_.publish(event("agent_state"));
  bus_.publish(event("offer"));
  auto log = wait_for_log(offers, 1);
  d->stop();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].event_type, "offer");
  EXPECT_EQ(receiver.got().size(), 1u);
}

TEST_F(Dispatcher, AnUnreachableReceiverIsLoggedWithTheReason) {
  auto hook = add_hook("http://127.0.0.1:1/nothing-listens", {"*"}, "");
  auto d = dispatcher(1);
  d->ping(hook);
  auto log = wait_for_log(hook, 1);
  d->stop();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].event_type, "ping");
  EXPECT_EQ(log[0].status_code, 0);
  EXPECT_NE(log[0].error.find("connect"), std::string::npos) << log[0].error;
}

TEST(WebhookUrl, OnlyHttpAndHttpsUrlsWithAHostAreAccepted) {
  auto ok = parse_http_url("http://hooks.example:8080/in?x=1");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->host, "hooks.example");
  EXPECT_EQ(ok->port, 8080);
  EXPECT_EQ(ok->target, "/in?x=1");
  EXPECT_EQ(parse_http_url("http://h")->target, "/");
  auto tls = parse_http_url("https://h/in");
  ASSERT_TRUE(tls.ok());
  EXPECT_TRUE(tls->tls);
  EXPECT_EQ(tls->port, 443) << "https defaults to 443";
  EXPECT_FALSE(ok->tls);
  EXPECT_FALSE(parse_http_url("ftp://h/").ok());
  EXPECT_FALSE(parse_http_url("http:///x").ok());
  EXPECT_FALSE(parse_http_url("http://h:99999/").ok());
  EXPECT_FALSE(parse_http_url("http://user@h/").ok());
}

TEST(WebhookSignature, IsHmacSha256OfTimestampDotBody) {
  // Python: hmac.new(b"key", b"The quick brown fox.jumps over the lazy dog", sha256)
  EXPECT_EQ(webhook_signature("key", "The quick brown fox", "jumps over the lazy dog"),
            "sha256=7298ee2f6d3ff5ba40ec8e176b8062195f823018ad39fe74a8727a101007702a");
}

}  // namespace
}  // namespace tamas::services
