// The permission matrix of the CRM, case and knowledge routes, through the
// real router with a fake Guard ("Authorization: Bearer <username>").
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "api/case_routes.h"
#include "api/crm_routes.h"
#include "api/department_routes.h"
#include "api/kb_routes.h"
#include "store/memory_store.h"
#include "strategy/loader.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

class FakeGuard final : public Guard {
 public:
  std::map<std::string, Principal> users;
  std::variant<Principal, Response> authenticate(const Request& req) const override {
    std::string_view auth = req.header("authorization");
    if (auth.substr(0, 7) != "Bearer ")
      return Response::error(401, "unauthenticated", "no credentials");
    auto it = users.find(std::string(auth.substr(7)));
    if (it == users.end()) return Response::error(401, "unauthenticated", "unknown token");
    return it->second;
  }
};

class CrmRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = strategy::load_strategy(TAMAS_SOURCE_DIR "/examples/automotive/strategy.yaml");
    ASSERT_TRUE(loaded.ok());
    strat = std::move(*loaded.strategy);
    auto db = store::open_memory_store();
    ASSERT_TRUE(db.ok());
    tenant = *(*db)->tenants().add({0, "automotive", "Kavir", from_millis(0)});
    for (auto [name, role] : {std::pair{"admin", store::Role::admin},
                              {"super", store::Role::supervisor},
                              {"agent", store::Role::agent},
                              {"quality", store::Role::backoffice},
                              {"legal", store::Role::backoffice}}) {
      auto id =
          (*db)->users().add({0, tenant, name, name, role, "$argon2id$x", false, from_millis(0)});
      ASSERT_TRUE(id.ok());
      guard.users[name] = Principal{tenant, *id, name, name, role, std::nullopt, false, 0, 0};
    }
    ASSERT_TRUE(
        (*db)->departments().add({tenant, guard.users["quality"].user, "quality", true}).ok());
    ASSERT_TRUE((*db)->departments().add({tenant, guard.users["legal"].user, "legal", true}).ok());
    calendar = std::make_unique<BusinessCalendar>(
        *BusinessCalendar::create("Asia/Tehran", strat.holidays));
    backend = std::make_unique<CrmBackend>(std::move(*db), strat, tenant, *calendar, always, clock);
    add_crm_routes(router, guard, *backend);
    add_case_routes(router, guard, *backend);
    add_department_routes(router, guard, *backend);
    add_kb_routes(router, guard, *backend);
  }

  Response call(const std::string& who, const std::string& method, const std::string& target,
                const std::string& body = "") {
    Request req;
    req.method = method;
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) {
      std::string rest = target.substr(q + 1);
      auto eq = rest.find('=');
      req.query[rest.substr(0, eq)] = rest.substr(eq + 1);
    }
    if (!who.empty()) req.headers.push_back({"authorization", "Bearer " + who});
    if (!body.empty()) req.headers.push_back({"content-type", "application/json"});
    req.body = body;
    Response out;
    router.dispatch(req, [&](Response r) { out = std::move(r); });
    return out;
  }
  static json::object obj(const Response& r) { return json::parse(r.body).as_object(); }

  store::RowId open_case(const std::string& who = "agent") {
    Response r =
        call(who, "POST", "/api/v1/cases",
             R"({"kind":"complaint","category":"complaint/product_quality","subject":"noise"})");
    EXPECT_EQ(r.status, 201) << r.body;
    return obj(r)["id"].as_int64();
  }

  strategy::Strategy strat;
  store::TenantId tenant = 0;
  FakeGuard guard;
  Schedule always{"always", true, {}, {}, false};
  ManualClock clock{from_millis(1'780'000'000'000)};
  std::unique_ptr<BusinessCalendar> calendar;
  std::unique_ptr<CrmBackend> backend;
  Router router;
};

TEST_F(CrmRoutesTest, NobodyLoggedInGets401) {
  EXPECT_EQ(call("", "GET", "/api/v1/cases/1").status, 401);
  EXPECT_EQ(call("", "POST", "/api/v1/customers/resolve", R"({"phone":"09123456789"})").status,
            401);
}

TEST_F(CrmRoutesTest, AgentsSeeTheNationalIdMaskedSupervisorsInFull) {
  Response r = call("agent", "POST", "/api/v1/customers/resolve", R"({"phone":"۰۹۱۲ ۳۴۵ ۶۷۸۹"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = obj(r)["customer"].as_object()["id"].as_int64();
  const std::string base = "/api/v1/customers/" + std::to_string(id);
  ASSERT_EQ(
      call("agent", "POST", base + "/identities", R"({"kind":"national_id","value":"0012345678"})")
          .status,
      201);
  auto agent_view = obj(call("agent", "GET", base));
  EXPECT_EQ(agent_view["identities"].as_array()[0].as_object()["value"].as_string(), "******5678");
  auto super_view = obj(call("super", "GET", base));
  EXPECT_EQ(super_view["identities"].as_array()[0].as_object()["value"].as_string(), "0012345678");
  Response again =
      call("agent", "POST", "/api/v1/customers/resolve", R"({"phone":"+989123456789"})");
  EXPECT_EQ(again.status, 200) << "found, not created again";
  EXPECT_EQ(call("quality", "GET", base).status, 403) << "back-office has no customer access";
}

TEST_F(CrmRoutesTest, BackOfficeSeesOnlyCasesForwardedToItsDepartment) {
  const auto id = open_case();
  const std::string c = "/api/v1/cases/" + std::to_string(id);
  EXPECT_EQ(call("quality", "POST", "/api/v1/cases", R"({"kind":"complaint"})").status, 403);
  EXPECT_EQ(call("quality", "GET", c).status, 404) << "not forwarded yet";
  Response f =
      call("agent", "POST", c + "/forward", R"({"department":"quality","task":"inspect"})");
  ASSERT_EQ(f.status, 201) << f.body;
  const auto forward = obj(f)["id"].as_int64();
  EXPECT_EQ(call("quality", "GET", c).status, 200);
  EXPECT_EQ(call("legal", "GET", c).status, 404);
  auto queue = obj(call("quality", "GET", "/api/v1/departments/quality/cases"));
  EXPECT_EQ(queue["cases"].as_array().size(), 1u);
  EXPECT_EQ(call("legal", "GET", "/api/v1/departments/quality/cases").status, 403);
  EXPECT_EQ(call("agent", "GET", "/api/v1/departments/quality/cases").status, 403);
  const std::string answer = "/api/v1/forwards/" + std::to_string(forward) + "/answer";
  EXPECT_EQ(call("legal", "POST", answer, R"({"answer":"not ours"})").status, 403);
  Response back = call("quality", "POST", answer, R"({"answer":"batch defect, replace part"})");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(obj(back)["state"].as_string(), "in_progress");
  EXPECT_EQ(call("quality", "POST", c + "/transition", R"({"to":"resolved"})").status, 403);
}

TEST_F(CrmRoutesTest, IllegalTransitionsAnswer409AndUnknownStates422) {
  const std::string c = "/api/v1/cases/" + std::to_string(open_case());
  Response bad = call("agent", "POST", c + "/transition", R"({"to":"closed"})");
  EXPECT_EQ(bad.status, 409) << bad.body;
  EXPECT_EQ(call("agent", "POST", c + "/transition", R"({"to":"vanished"})").status, 422);
  EXPECT_EQ(
      call("agent", "POST", c + "/transition", R"({"to":"in_progress","note":"called"})").status,
      200);
  auto full = obj(call("agent", "GET", c));
  EXPECT_EQ(full["events"].as_array().size(), 2u);
  EXPECT_EQ(call("agent", "GET", "/api/v1/cases/abc").status, 400);
  EXPECT_EQ(call("agent", "GET", "/api/v1/cases/999").status, 404);
}

TEST_F(CrmRoutesTest, OnlyEditorsWriteArticlesAndThePublicSeesPublicOnes) {
  const std::string article =
      R"({"title":"شرايط گارانتي","body":"پنج سال","visibility":"public","lang":"fa"})";
  EXPECT_EQ(call("agent", "POST", "/api/v1/kb/articles", article).status, 403);
  ASSERT_EQ(call("super", "POST", "/api/v1/kb/articles", article).status, 201);
  ASSERT_EQ(call("admin", "POST", "/api/v1/kb/articles", R"({"title":"گارانتی داخلی","body":"x"})")
                .status,
            201);
  auto staff = obj(call("quality", "GET", "/api/v1/kb/search?q=گارانتی"));
  EXPECT_EQ(staff["articles"].as_array().size(), 2u);
  auto open = obj(call("", "GET", "/api/v1/public/kb/search?q=گارانتی"));
  EXPECT_EQ(open["articles"].as_array().size(), 1u);
  EXPECT_EQ(call("", "GET", "/api/v1/kb/search?q=x").status, 401);
  Response stale =
      call("super", "PUT", "/api/v1/kb/articles/1", R"({"version":0,"body":"شش سال"})");
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(
      call("super", "PUT", "/api/v1/kb/articles/1", R"({"version":1,"body":"شش سال"})").status,
      200);
}

}  // namespace
}  // namespace tamas::api
