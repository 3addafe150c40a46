// The public endpoints a customer's browser calls without a login: a form's
// definition and a case's status by number and phone.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "api/case_routes.h"
#include "api/crm_routes.h"
#include "api/public_case_routes.h"
#include "api/public_form_routes.h"
#include "store/memory_store.h"
#include "strategy/loader.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

class AgentGuard final : public Guard {
 public:
  Principal agent;
  std::variant<Principal, Response> authenticate(const Request& req) const override {
    if (req.header("authorization") == "Bearer agent") return agent;
    return Response::error(401, "unauthenticated", "no credentials");
  }
};

class PublicRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = strategy::load_strategy(TAMAS_SOURCE_DIR "/examples/automotive/strategy.yaml");
    ASSERT_TRUE(loaded.ok());
    strat = std::move(*loaded.strategy);
    auto db = store::open_memory_store();
    ASSERT_TRUE(db.ok());
    tenant = *(*db)->tenants().add({0, "automotive", "Kavir", from_millis(0)});
    auto id = (*db)->users().add(
        {0, tenant, "agent", "agent", store::Role::agent, "$argon2id$x", false, from_millis(0)});
    ASSERT_TRUE(id.ok());
    guard.agent =
        Principal{tenant, *id, "agent", "agent", store::Role::agent, std::nullopt, false, 0, 0};
    calendar = std::make_unique<BusinessCalendar>(
        *BusinessCalendar::create("Asia/Tehran", strat.holidays));
    backend = std::make_unique<CrmBackend>(std::move(*db), strat, tenant, *calendar, always, clock);
    add_crm_routes(router, guard, *backend);
    add_case_routes(router, guard, *backend);
    add_public_form_routes(router, strat);
    LoginLimits limits;
    limits.per_address_burst = 8;
    limits.failures_per_user_burst = 3;
    add_public_case_routes(router, *backend, clock, limits);
  }

  Response call(const std::string& method, const std::string& path, const std::string& body = "",
                const std::string& who = "", const std::string& remote = "10.0.0.1") {
    Request req;
    req.method = method;
    req.target = req.path = path;
    req.remote = remote;
    if (!who.empty()) req.headers.push_back({"authorization", "Bearer " + who});
    if (!body.empty()) req.headers.push_back({"content-type", "application/json"});
    req.body = body;
    Response out;
    router.dispatch(req, [&](Response r) { out = std::move(r); });
    return out;
  }
  static json::object obj(const Response& r) { return json::parse(r.body).as_object(); }

  // A complaint case of a customer whose mobile is 0912 345 6789.
  std::string open_case_for_customer() {
    Response c = call("POST", "/api/v1/customers/resolve", R"({"phone":"09123456789"})", "agent");
    EXPECT_EQ(c.status, 201) << c.body;
    const auto customer = obj(c)["customer"].as_object()["id"].as_int64();
    Response r = call(
        "POST", "/api/v1/cases",
        R"({"kind":"complaint","subject":"noise","customer":)" + std::to_string(customer) + "}",
        "agent");
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(obj(r)["id"].as_int64());
  }
  Response status(const std::string& number, const std::string& phone,
                  const std::string& remote = "10.0.0.1") {
    return call("POST", "/api/v1/public/cases/status",
                R"({"number":")" + number + R"(","phone":")" + phone + R"("})", "", remote);
  }

  strategy::Strategy strat;
  store::TenantId tenant = 0;
  AgentGuard guard;
  Schedule always{"always", true, {}, {}, false};
  ManualClock clock{from_millis(1'780'000'000'000)};
  std::unique_ptr<BusinessCalendar> calendar;
  std::unique_ptr<CrmBackend> backend;
  Router router;
};

TEST_F(PublicRoutesTest, AWebFormsDefinitionIsReadableWithoutALogin) {
  Response r = call("GET", "/api/v1/public/forms/voc_form");
  ASSERT_EQ(r.status, 200) << r.body;
  auto form = obj(r);
  EXPECT_EQ(form["channel"].as_string(), "webform");
  EXPECT_EQ(form["name"].as_object()["fa"].as_string(), "صدای مشتری");
  const auto& fields = form["fields"].as_array();
  ASSERT_EQ(fields.size(), 6u);
  const auto& vin = fields[1].as_object();
  EXPECT_EQ(vin.at("id").as_string(), "vin");
  EXPECT_EQ(vin.at("type").as_string(), "vin");
  EXPECT_TRUE(vin.at("required").as_bool());
  EXPECT_EQ(vin.at("pattern").as_string(), "[A-HJ-NPR-Z0-9]{17}");
  EXPECT_EQ(vin.at("privacy").as_string(), "personal");
  EXPECT_FALSE(fields[5].as_object().at("required").as_bool()) << "dealer_code is optional";
  EXPECT_EQ(r.body.find("queue"), std::string::npos) << "no routing data";
  EXPECT_EQ(r.body.find("hours"), std::string::npos);
}

TEST_F(PublicRoutesTest, AChatEntryPointTellsTheWidgetWhenAWaitIsLong) {
  auto chat = obj(call("GET", "/api/v1/public/forms/web_chat"));
  EXPECT_EQ(chat["channel"].as_string(), "chat");
  EXPECT_EQ(chat["long_wait_s"].as_int64(), 60) << "the chat service level: 80% in 60s";
  EXPECT_FALSE(chat.contains("survey")) << "no survey of the example asks chats";
}

TEST_F(PublicRoutesTest, OtherEntryPointsAreNotPublicForms) {
  EXPECT_EQ(call("GET", "/api/v1/public/forms/hotline").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/public/forms/nope").status, 404);
}

TEST_F(PublicRoutesTest, TheCustomersPhoneOpensTheCaseStatus) {
  const std::string id = open_case_for_customer();
  Response r = status("C-" + std::string(6 - id.size(), '0') + id, "+98 912 345 6789");
  ASSERT_EQ(r.status, 200) << r.body;
  auto s = obj(r);
  EXPECT_EQ(s["state"].as_string(), "new");
  EXPECT_EQ(s["kind"].as_string(), "complaint");
  EXPECT_EQ(s["last_update"].as_object()["kind"].as_string(), "created");
  EXPECT_TRUE(s.contains("due_at")) << r.body;
  EXPECT_EQ(r.body.find("noise"), std::string::npos) << "the subject stays internal";
  EXPECT_EQ(status("۰" + std::string("") + id, "۰۹۱۲۳۴۵۶۷۸۹").status, 200)
      << "Persian digits in number and phone";
}

TEST_F(PublicRoutesTest, AWrongPhoneAndAWrongNumberLookTheSame) {
  const std::string id = open_case_for_customer();
  Response wrong_phone = status(id, "09350000000");
  Response wrong_number = status("999999", "09123456789");
  EXPECT_EQ(wrong_phone.status, 404);
  EXPECT_EQ(wrong_number.status, 404);
  EXPECT_EQ(wrong_phone.body, wrong_number.body);
  EXPECT_EQ(status("not a number", "also not").status, 404);
}

TEST_F(PublicRoutesTest, ACaseWithoutACustomerIsNeverShown) {
  Response r = call("POST", "/api/v1/cases", R"({"kind":"complaint"})", "agent");
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(status(std::to_string(obj(r)["id"].as_int64()), "09123456789").status, 404);
}

TEST_F(PublicRoutesTest, GuessingPhonesForOneCaseIsThrottledAcrossAddresses) {
  const std::string id = open_case_for_customer();
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(status(id, "0935000000" + std::to_string(i), "10.0.1." + std::to_string(i)).status,
              404);
  Response r = status(id, "09123456789", "10.0.2.1");
  EXPECT_EQ(r.status, 429) << "even the right phone waits once the case is being guessed";
  EXPECT_TRUE(std::any_of(r.headers.begin(), r.headers.end(),
                          [](const auto& h) { return h.first == "Retry-After"; }));
  clock.advance(std::chrono::minutes(1));
  EXPECT_EQ(status(id, "09123456789", "10.0.2.1").status, 200);
}

TEST_F(PublicRoutesTest, OneAddressIsThrottledLikeLogin) {
  int limited = 0;
  for (int i = 0; i < 10; ++i)
    if (status(std::to_string(100 + i), "09123456789").status == 429) ++limited;
  EXPECT_EQ(limited, 2) << "a burst of 8 per address";
}

TEST_F(PublicRoutesTest, MissingFieldsAre422) {
  Response r = call("POST", "/api/v1/public/cases/status", R"({"number":"C-1"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(obj(r)["error"].as_object()["fields"].as_object()["phone"].as_string(), "is required");
}

}  // namespace
}  // namespace tamas::api
