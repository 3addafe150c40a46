// The planner's web screens call these: staffing and small simulations,
// only for roles that may plan the workforce.
#include "api/wfm_routes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api/json_body.h"
#include "wfm_test_fixture.h"

namespace tamas::api {
namespace {

struct Fixture {
  FakeGuard guard;
  Router router;
  Fixture() { add_wfm_routes(router, guard); }
  Response post(const std::string& path, const std::string& body,
                const std::string& role = "supervisor") {
    return dispatch(router, "POST", path, body, role);
  }
};

TEST(WfmRoutes, StaffGivesTheClassicWorkedExample) {
  Fixture f;
  const Response r = f.post("/api/v1/wfm/staff",
                            R"({"volume":100,"interval":"30m","aht":"180s","target":"80/20s"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"agents\":14,"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"service_level\":0.888"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("abandon_rate"), std::string::npos);
}

TEST(WfmRoutes, StaffEvaluatesGivenAgentsWithPatience) {
  Fixture f;
  const Response r =
      f.post("/api/v1/wfm/staff", R"({"volume":100,"aht":180,"patience":"300s","agents":12})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"agents\":12,"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"abandon_rate\":"), std::string::npos) << r.body;
}

TEST(WfmRoutes, BadFieldsAreNamed) {
  Fixture f;
  const Response r = f.post("/api/v1/wfm/staff", R"({"volume":100,"aht":"soon","colour":"red"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("\"aht\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"colour\""), std::string::npos) << r.body;
}

TEST(WfmRoutes, ForecastsTheDemoHistoryAndBeatsSeasonalNaive) {
  std::ifstream in(std::string(TAMAS_SOURCE_DIR) + "/tests/services/wfm/data/history.csv");
  std::stringstream csv;
  csv << in.rdbuf();
  Fixture f;
  const Response r =
      f.post("/api/v1/wfm/forecast", "{\"history_csv\":" + to_text(boost::json::value(csv.str())) +
                                         ",\"interval\":\"30m\",\"weeks\":1}");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("\"forecast\":[{\"start\":"), std::string::npos);
  auto v = boost::json::parse(r.body);
  const auto& acc = v.at("accuracy");
  EXPECT_LT(acc.at("holt_winters").at("wape").to_number<double>(),
            acc.at("seasonal_naive").at("wape").to_number<double>());
}

TEST(WfmRoutes, ForecastNamesABadHistory) {
  Fixture f;
  const Response r =
      f.post("/api/v1/wfm/forecast", R"({"history_csv":"datetime,volume,aht_s\nyesterday,1,2\n"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("history_csv"), std::string::npos) << r.body;
}

TEST(WfmRoutes, SimulateRunsTheEngineAndMatchesErlangC) {
  Fixture f;
  const Response r =
      f.post("/api/v1/wfm/simulate",
             R"({"agents":14,"volume":100,"aht":"180s","hours":24,"replications":5})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"theory_service_level\":0.888"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"customers\":"), std::string::npos);
}

TEST(WfmRoutes, SimulateRefusesBigRuns) {
  Fixture f;
  EXPECT_EQ(f.post("/api/v1/wfm/simulate", R"({"agents":5000,"volume":100,"aht":180})").status,
            422);
  EXPECT_EQ(f.post("/api/v1/wfm/simulate",
                   R"({"agents":100,"volume":100000,"aht":180,"hours":24,"replications":20})")
                .status,
            422);
}

TEST(WfmRoutes, OnlyPlannersMayCall) {
  Fixture f;
  const std::string body = R"({"volume":100,"aht":180})";
  EXPECT_EQ(f.post("/api/v1/wfm/staff", body, "").status, 401);
  EXPECT_EQ(f.post("/api/v1/wfm/staff", body, "agent").status, 403);
  EXPECT_EQ(f.post("/api/v1/wfm/simulate", R"({"agents":3,"volume":10,"aht":180})", "agent").status,
            403);
  EXPECT_EQ(f.post("/api/v1/wfm/staff", body, "admin").status, 200);
}

// Adherence over the server's records: a planner publishes the day's
// schedule, the recorded agent states are compared with it.
TEST(WfmAdherence, PublishedScheduleAgainstRecordedStates) {
  RecordsFixture f;
  for (const auto& [state, minute] :
       std::vector<std::pair<std::string, int>>{{"ready", 8 * 60},
                                                {"not_ready", 12 * 60},
                                                {"ready", 12 * 60 + 45},
                                                {"logged_out", 16 * 60}})
    ASSERT_TRUE(f.db->workforce().record_state({f.tenant, "ali", state, "", f.local(minute)}));
  Response r =
      f.call("PUT", "/api/v1/wfm/schedules/2026-03-01",
             R"({"agents":[{"agent":"ali","shift":"08:00-16:00","breaks":["12:00-12:30"]}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, R"({"day":"2026-03-01","agents":1})");
  r = f.call("GET", "/api/v1/wfm/adherence?day=2026-03-01", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"schedule_published\":true"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"adherence\":0.9688"), std::string::npos) << r.body;  // 465 / 480
  EXPECT_NE(r.body.find("{\"start\":\"12:30\",\"end\":\"12:45\",\"minutes\":15,"
                        "\"expected\":\"work\",\"actual\":\"not_ready\"}"),
            std::string::npos)
      << r.body;
  // A 20-minute grace forgives the long lunch.
  r = f.call("GET", "/api/v1/wfm/adherence?day=2026-03-01&grace=20m", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"adherence\":1,"), std::string::npos) << r.body;
}

// The night desk published for 1 March works 22:00-06:00: the report for
// 2 March holds the hours after midnight.
TEST(WfmAdherence, YesterdaysNightShiftCountsInTodaysReport) {
  RecordsFixture f;
  for (const auto& [state, minute] : std::vector<std::pair<std::string, int>>{
           {"ready", 22 * 60}, {"logged_out", 29 * 60}})  // leaves an hour early
    ASSERT_TRUE(f.db->workforce().record_state({f.tenant, "reza", state, "", f.local(minute)}));
  ASSERT_EQ(f.call("PUT", "/api/v1/wfm/schedules/2026-03-01",
                   R"({"agents":[{"agent":"reza","shift":"22:00-06:00"}]})")
                .status,
            200);
  f.clock.set(f.local(36 * 60));  // the report is read at noon on 2 March
  const Response r = f.call("GET", "/api/v1/wfm/adherence?day=2026-03-02", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"schedule_published\":false"), std::string::npos) << r.body;
  EXPECT_NE(
      r.body.find("\"agent\":\"reza\",\"scheduled\":true,\"scheduled_minutes\":{\"work\":360"),
      std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("{\"start\":\"05:00\",\"end\":\"06:00\",\"minutes\":60,"
                        "\"expected\":\"work\",\"actual\":\"logged_out\"}"),
            std::string::npos)
      << r.body;
}

TEST(WfmAdherence, WithoutAScheduleLoggedInAgentsStillShow) {
  RecordsFixture f;
  ASSERT_TRUE(f.db->workforce().record_state({f.tenant, "sara", "ready", "", f.local(600)}));
  const Response r = f.call("GET", "/api/v1/wfm/adherence?day=1404/12/10", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"schedule_published\":false,\"day\":\"2026-03-01\""), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("\"agent\":\"sara\",\"scheduled\":false"), std::string::npos) << r.body;
}

TEST(WfmAdherence, BadInputAndRolesAreRefused) {
  RecordsFixture f;
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/adherence", "").status, 422);
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/adherence?day=yesterday", "").status, 422);
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/adherence?day=2026-03-01", "", "agent").status, 403);
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/adherence?day=2026-03-01", "", "").status, 401);
  EXPECT_EQ(f.call("PUT", "/api/v1/wfm/schedules/2026-03-01", R"({"agents":[]})", "agent").status,
            403);
  const Response bad =
      f.call("PUT", "/api/v1/wfm/schedules/2026-03-01", R"({"agents":[{"agent":"a"}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("agents[0].shift: is required"), std::string::npos) << bad.body;
  EXPECT_EQ(f.call("PUT", "/api/v1/wfm/schedules/2026-03-01", "{oops").status, 400);
}

}  // namespace
}  // namespace tamas::api
