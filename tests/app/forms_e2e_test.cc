// A customer submits the voice-of-the-customer form of the automotive example
// to the real server (R12, R29): validated, committed, routed; bad input gets
// a clear answer per field and loses nothing.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "http_client.h"
#include "server_process.h"
#include "store/sqlite_store.h"

namespace tamas {
namespace {

using test::ServerProcess;
using test::TempDir;

const char* kGoodForm = R"({"fields":{"vehicle_model":"kavir_suv","vin":"nlaa1234567890123",
  "mobile":"۰۹۱۲۳۴۵۶۷۸۹","province":"tehran","description":"صدای غیرعادی موتور"}})";

class FormsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "--strategy", std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml", "--db",
        db()});
    ASSERT_NE(server_->port(), 0) << server_->log();
  }
  std::string db() const { return dir_.file("t.db"); }
  test::HttpReply post(const std::string& form, const std::string& body) {
    return test::http_post(server_->port(), "/api/v1/forms/" + form, body);
  }
  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(FormsE2E, AComplaintIsCommittedAndRoutedByItsFields) {
  auto r = post("voc_form", kGoodForm);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_NE(r.body.find(R"("interaction":"I-000001")"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("type":"complaint")"), std::string::npos);
  EXPECT_NE(r.body.find(R"("segment":"tehran")"), std::string::npos);
  EXPECT_NE(r.body.find(R"("queue":"written")"), std::string::npos);
  EXPECT_EQ(post("voc_form", kGoodForm).status, 201);
  // SIGKILL: what was acknowledged must be in the database.
  server_->stop(SIGKILL);
  auto store = store::open_sqlite_store(db());
  ASSERT_TRUE(store.ok());
  auto tenant = (*store)->tenants().find_by_slug("kavir-motor");
  ASSERT_TRUE(tenant.ok());
  auto open = (*store)->interactions().list_open(tenant->id);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 2u);
  const auto& first = open->front();
  EXPECT_EQ(first.channel, "webform");
  EXPECT_EQ(first.entry_point, "voc_form");
  EXPECT_EQ(first.queue, "written");
  EXPECT_NE(first.fields_json.find(R"("vin":"NLAA1234567890123")"), std::string::npos)
      << first.fields_json;
  EXPECT_NE(first.fields_json.find(R"("mobile":"+989123456789")"), std::string::npos);
}

TEST_F(FormsE2E, AfterARestartOpenContactsAreBackInTheirQueues) {
  ASSERT_EQ(post("voc_form", kGoodForm).status, 201);
  ASSERT_EQ(post("voc_form", kGoodForm).status, 201);
  server_->stop(SIGKILL);
  ServerProcess again({"--strategy",
                       std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml", "--db",
                       db()});
  ASSERT_NE(again.port(), 0) << again.log();
  EXPECT_NE(again.log().find("event=recovery.requeued interactions=2"), std::string::npos)
      << again.log();
  // Numbering continues where it stopped.
  auto r = test::http_post(again.port(), "/api/v1/forms/voc_form", kGoodForm);
  EXPECT_NE(r.body.find(R"("interaction":"I-000003")"), std::string::npos) << r.body;
}

TEST_F(FormsE2E, EveryFieldProblemIsNamedWith422) {
  auto r = post("voc_form", R"({"fields":{"vin":"123","vehicle_model":"spaceship"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find(R"("vin":"must be a 17-character VIN")"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("vehicle_model":"must be one of the listed choices")"),
            std::string::npos);
  EXPECT_NE(r.body.find(R"("mobile":"is required")"), std::string::npos);
}

TEST_F(FormsE2E, MalformedRequestsGetTheRight4xx) {
  EXPECT_EQ(post("voc_form", "{not json").status, 400);
  EXPECT_EQ(
      test::http_post(server_->port(), "/api/v1/forms/voc_form", kGoodForm, "text/plain").status,
      415);
  EXPECT_EQ(post("voc_form", R"({"fields":{},"extra":1})").status, 422);
  EXPECT_EQ(post("voc_form", R"({"fields":"x"})").status, 422);
  EXPECT_EQ(post("no_such_form", R"({"fields":{}})").status, 404);
  EXPECT_EQ(post("web_chat", R"({"fields":{}})").status, 404) << "a chat entry point is not a form";
  EXPECT_EQ(test::http_get(server_->port(), "/api/v1/forms/voc_form").status, 405);
  EXPECT_EQ(test::http_get(server_->port(), "/health").status, 200) << "and the server lives on";
}

// Durability under load (issue 4): four customers keep submitting forms over
// keep-alive connections while the server is killed with SIGKILL; every
// submission that was answered 201 is in the database afterwards.
TEST_F(FormsE2E, EveryAcknowledgedFormSurvivesASigkillUnderLoad) {
  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> customers;
  for (int i = 0; i < 4; ++i)
    customers.emplace_back([&] {
      const std::regex id(R"re("interaction":"(I-[0-9]+)")re");
      try {
        test::HttpConnection c(server_->port());
        while (!stop) {
          auto r = c.request("POST", "/api/v1/forms/voc_form", kGoodForm);
          std::smatch m;
          if (r.status != 201 || !std::regex_search(r.body, m, id)) return;
          std::lock_guard lock(mutex);
          acknowledged.insert(m[1]);
        }
      } catch (const std::exception&) {
        // The server died mid-request: that submission was never acknowledged.
      }
    });
  for (int waited = 0; waited < 100; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 200) break;
  }
  server_->stop(SIGKILL);
  stop = true;
  for (auto& t : customers) t.join();
  ASSERT_GT(acknowledged.size(), 0u) << server_->log();

  auto store = store::open_sqlite_store(db());
  ASSERT_TRUE(store.ok());
  auto tenant = (*store)->tenants().find_by_slug("kavir-motor");
  ASSERT_TRUE(tenant.ok());
  for (const auto& text : acknowledged) {
    auto id = store::parse_interaction_id(text);
    ASSERT_TRUE(id.ok()) << text;
    auto row = (*store)->interactions().get(tenant->id, *id);
    EXPECT_TRUE(row.ok()) << text << " was acknowledged but is not in the database";
  }
}

}  // namespace
}  // namespace tamas
