// The planning screen: history read from the recorded interactions, a
// forecast from it with the strategy's holidays, and required agents per
// interval next to what the published schedules put to work.
#include <gtest/gtest.h>

#include <chrono>

#include "api/wfm_history_routes.h"
#include "services/wfm/history.h"
#include "wfm_test_fixture.h"

namespace tamas::api {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

bool has(const Response& r, const std::string& text) {
  return r.body.find(text) != std::string::npos;
}

// A call of 1 March 2026 + `minute` local minutes, answered after `wait_s`
// and handled for `talk_s` (talk_s < 0: abandoned after the wait).
void record(RecordsFixture& f, int minute, int wait_s, int talk_s, std::string queue = "billing",
            store::TenantId tenant = 0) {
  store::Interaction i;
  i.tenant = tenant ? tenant : f.tenant;
  i.channel = "voice";
  i.type = "call";
  i.queue = std::move(queue);
  i.arrived_at = f.local(minute);
  if (talk_s >= 0) {
    i.answered_at = i.arrived_at + seconds(wait_s);
    i.ended_at = *i.answered_at + seconds(talk_s);
    i.state = store::InteractionState::closed;
  } else {
    i.ended_at = i.arrived_at + seconds(wait_s);
    i.state = store::InteractionState::abandoned;
  }
  ASSERT_TRUE(f.db->interactions().add(i).ok());
}

TEST(WfmHistory, EveryIntervalOfTheLocalDaysWithVolumeAndHandleTime) {
  RecordsFixture f;
  record(f, 8 * 60, 20, 180);
  record(f, 8 * 60 + 29, 20, 240);
  record(f, 8 * 60 + 30, 45, -1);  // abandoned: counted, no handle time
  record(f, 9 * 60, 5, 100, "sales");
  const auto other = *f.db->tenants().add({0, "other", "Other", f.clock.now()});
  record(f, 8 * 60, 5, 100, "billing", other);
  Response r = f.call("GET", "/api/v1/wfm/history?from=2026-03-01&to=1404/12/10", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, R"({"from":"2026-03-01","to":"2026-03-01","interval_minutes":30,)"
                     R"("intervals":[{"start":"2026-03-01 00:00","volume":0,"aht_s":0.0},)"))
      << r.body;
  EXPECT_TRUE(has(r, R"({"start":"2026-03-01 08:00","volume":2,"aht_s":210.0},)"
                     R"({"start":"2026-03-01 08:30","volume":1,"aht_s":0.0},)"
                     R"({"start":"2026-03-01 09:00","volume":1,"aht_s":100.0},)"))
      << r.body;
  EXPECT_TRUE(has(r, R"({"start":"2026-03-01 23:30","volume":0,"aht_s":0.0}]})")) << r.body;

  r = f.call("GET", "/api/v1/wfm/history?from=2026-03-01&to=2026-03-02&interval=60m&queue=billing",
             "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, R"({"start":"2026-03-01 08:00","volume":3,"aht_s":210.0})")) << r.body;
  EXPECT_TRUE(has(r, R"({"start":"2026-03-01 09:00","volume":0,"aht_s":0.0})")) << r.body;
  EXPECT_TRUE(has(r, R"({"start":"2026-03-02 23:00","volume":0,"aht_s":0.0}]})")) << r.body;
}

TEST(WfmHistory, BadParametersAreNamedAndAgentsAreRefused) {
  RecordsFixture f;
  Response r = f.call("GET", "/api/v1/wfm/history?from=yesterday&to=2026-03-01", "");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"from\"")) << r.body;
  r = f.call("GET", "/api/v1/wfm/history?from=2026-03-02&to=2026-03-01", "");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"to\"")) << r.body;
  r = f.call("GET", "/api/v1/wfm/history?from=2025-01-01&to=2026-01-05", "");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"to\"")) << r.body;
  r = f.call("GET", "/api/v1/wfm/history?from=2026-03-01&to=2026-03-01&interval=7m", "");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"interval\"")) << r.body;
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/history?to=2026-03-01", "").status, 422);
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/history?from=2026-03-01&to=2026-03-01", "", "agent").status,
            403);
  EXPECT_EQ(f.call("GET", "/api/v1/wfm/history?from=2026-03-01&to=2026-03-01", "", "").status, 401);
}

// Three weeks of calls: 5 a day at 09:00, 10 on Saturdays.
void three_weeks(RecordsFixture& f) {
  for (int day = 0; day < 21; ++day) {
    const int calls =
        wfm::weekday(wfm::from_day_number(wfm::day_number({2026, 3, 1}) + day)) == 6 ? 10 : 5;
    for (int c = 0; c < calls; ++c) record(f, day * 1440 + 9 * 60 + c, 10, 150 + 10 * c);
  }
}

std::string iso(JalaliDate d) {
  return wfm::format_local(from_jalali(d), 0).substr(0, 10);
}

TEST(WfmForecastFromRecords, UsesTheRecordsAndTheStrategyHolidays) {
  RecordsFixture f({{"Nowruz", CalendarKind::persian, std::nullopt, 1, 1, 1, 4}});
  three_weeks(f);
  Response r = f.call("POST", "/api/v1/wfm/forecast",
                      R"({"history":{"from":"2026-03-01","to":"2026-03-21","queue":"billing"},)"
                      R"("holdout":0})");
  ASSERT_EQ(r.status, 200) << r.body;
  // Nowruz (1-4 Farvardin) falls in the last history day and the horizon.
  EXPECT_TRUE(has(r, "\"holidays\":[\"" + iso({1405, 1, 1}) + "\",\"" + iso({1405, 1, 2}) +
                         "\",\"" + iso({1405, 1, 3}) + "\",\"" + iso({1405, 1, 4}) + "\"]"))
      << r.body;
  EXPECT_TRUE(has(r, "\"forecast\":[{\"start\":\"2026-03-22 00:00\"")) << r.body;
  // Holidays given in the body win over the calendar's.
  r = f.call("POST", "/api/v1/wfm/forecast",
             R"({"history":{"from":"2026-03-01","to":"2026-03-21"},"holidays":[],"holdout":0})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, "\"holidays\":[]")) << r.body;
  // Another queue has no calls: a flat zero forecast, still fine.
  r = f.call("POST", "/api/v1/wfm/forecast",
             R"({"history":{"from":"2026-03-01","to":"2026-03-21","queue":"sales"}})");
  ASSERT_EQ(r.status, 200) << r.body;
}

TEST(WfmForecastFromRecords, ExactlyOneHistoryAndNamedProblems) {
  RecordsFixture f;
  Response r = f.call("POST", "/api/v1/wfm/forecast", R"({"weeks":1})");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "exactly one")) << r.body;
  r = f.call("POST", "/api/v1/wfm/forecast",
             R"({"history_csv":"x","history":{"from":"2026-03-01","to":"2026-03-21"}})");
  EXPECT_EQ(r.status, 422);
  r = f.call("POST", "/api/v1/wfm/forecast", R"({"history":{"from":"soon","to":"2026-03-21"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "history.from")) << r.body;
  r = f.call("POST", "/api/v1/wfm/forecast",
             R"({"history":{"from":"2026-03-01","to":"2026-03-21","team":"x"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "history.team")) << r.body;
  // Too little history is the forecaster's complaint.
  r = f.call("POST", "/api/v1/wfm/forecast",
             R"({"history":{"from":"2026-03-01","to":"2026-03-03"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(f.call("POST", "/api/v1/wfm/forecast",
                   R"({"history":{"from":"2026-03-01","to":"2026-03-21"}})", "agent")
                .status,
            403);
}

TEST(WfmPlan, ErlangCRequirementWithoutAStore) {
  FakeGuard guard;
  Router router;
  add_wfm_routes(router, guard);
  const Response r = dispatch(router, "POST", "/api/v1/wfm/plan",
                              R"({"intervals":[{"start":"2026-03-01 08:00","volume":100,)"
                              R"("aht_s":180},{"start":"2026-03-01 08:30","volume":0,"aht_s":0}],)"
                              R"("interval":"30m","target":"80/20s","shrinkage":0.3})",
                              "supervisor");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, R"({"intervals":[{"start":"2026-03-01 08:00","volume":100,"aht_s":180,)"
                     R"("required":14,"scheduled_required":20,"service_level":0.8)"))
      << r.body;
  EXPECT_TRUE(has(r, R"("scheduled":null},{"start":"2026-03-01 08:30","volume":0,"aht_s":0,)"
                     R"("required":0,"scheduled_required":0,"service_level":1,"occupancy":0,)"
                     R"("scheduled":null}]})"))
      << r.body;
  EXPECT_EQ(
      dispatch(router, "GET", "/api/v1/wfm/history?from=2026-03-01&to=2026-03-01", "", "supervisor")
          .status,
      404);  // no store, no history
}

TEST(WfmPlan, ScheduledAgentsFromThePublishedDays) {
  RecordsFixture f;
  ASSERT_EQ(f.call("PUT", "/api/v1/wfm/schedules/2026-02-28",
                   R"({"agents":[{"agent":"reza","shift":"22:00-06:00"}]})")
                .status,
            200);
  ASSERT_EQ(f.call("PUT", "/api/v1/wfm/schedules/2026-03-01",
                   R"({"agents":[{"agent":"ali","shift":"08:00-16:00","breaks":["12:00-12:30"]},)"
                   R"({"agent":"sara","shift":"08:00-16:00","breaks":["12:15-12:30"]}]})")
                .status,
            200);
  const Response r = f.call("POST", "/api/v1/wfm/plan",
                            R"({"target":"80/20s","intervals":[)"
                            R"({"start":"2026-03-01 05:30","volume":10,"aht_s":180},)"
                            R"({"start":"2026-03-01 06:00","volume":10,"aht_s":180},)"
                            R"({"start":"2026-03-01 08:00","volume":100,"aht_s":180},)"
                            R"({"start":"1404/12/10 12:00","volume":100,"aht_s":180},)"
                            R"({"start":"2026-03-02 08:00","volume":100,"aht_s":180}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto scheduled = [&](const std::string& start, const std::string& n) {
    const auto at = r.body.find("\"start\":\"" + start + "\"");
    if (at == std::string::npos) return false;
    const auto s = r.body.find("\"scheduled\":", at);
    return r.body.compare(s, 12 + n.size() + 1, "\"scheduled\":" + n + "}") == 0;
  };
  EXPECT_TRUE(scheduled("2026-03-01 05:30", "1")) << r.body;  // the night desk
  EXPECT_TRUE(scheduled("2026-03-01 06:00", "0")) << r.body;
  EXPECT_TRUE(scheduled("2026-03-01 08:00", "2")) << r.body;
  EXPECT_TRUE(scheduled("2026-03-01 12:00", "1")) << r.body;     // ali's lunch covers it
  EXPECT_TRUE(scheduled("2026-03-02 08:00", "null")) << r.body;  // nothing published
  EXPECT_TRUE(has(r, R"("start":"2026-03-01 08:00","volume":100,"aht_s":180,"required":14,)"))
      << r.body;
}

TEST(WfmPlan, BadBodiesAndRoles) {
  RecordsFixture f;
  const std::string one = R"({"start":"2026-03-01 08:00","volume":100,"aht_s":180})";
  std::string many = R"({"target":"80/20s","intervals":[)" + one;
  for (int i = 1; i < 2001; ++i) many += "," + one;
  Response r = f.call("POST", "/api/v1/wfm/plan", many + "]}");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"intervals\"")) << r.body;
  r = f.call("POST", "/api/v1/wfm/plan",
             R"({"target":"80/20s","intervals":[{"start":"tomorrow","volume":-1}]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "intervals[0].start")) << r.body;
  EXPECT_TRUE(has(r, "intervals[0].volume")) << r.body;
  r = f.call("POST", "/api/v1/wfm/plan", R"({"intervals":[)" + one + "]}");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"target\"")) << r.body;
  r = f.call("POST", "/api/v1/wfm/plan",
             R"({"target":"80/20s","shrinkage":1.5,"intervals":[)" + one + "]}");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "\"shrinkage\"")) << r.body;
  EXPECT_EQ(f.call("POST", "/api/v1/wfm/plan", R"({"target":"80/20s","intervals":[)" + one + "]}",
                   "agent")
                .status,
            403);
}

}  // namespace
}  // namespace tamas::api
