// `tamas simulate --db`: last week's recorded interactions replayed through
// the real engine with another roster; and `tamas adherence --db`: the
// agents' recorded states against the day's schedule.
#include <gtest/gtest.h>

#include <fstream>

#include "core/calendar.h"
#include "server_process.h"
#include "store/sqlite_store.h"

namespace tamas {
namespace {

using namespace std::chrono_literals;
using test::run_command;
using test::tamas_binary;
using test::TempDir;

Instant local(int day, int minute) {
  auto cal = BusinessCalendar::create("Asia/Tehran", {});
  EXPECT_TRUE(cal.ok());
  return cal->to_instant(CivilDate{2026, 3, static_cast<unsigned>(day)}, minute);
}

// 120 sales calls, one a minute 09:00-11:00 on 2026-03-01 (4 erlangs of
// 240 s calls), and one call on the next day.
struct RecordedCenter {
  TempDir dir;
  std::string db = dir.file("tamas.db");
  std::string strategy = std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml";
  std::string few =
      dir.write("few.csv", "agent,groups\na1,frontline\na2,frontline\na3,frontline\n");
  std::string many = dir.write("many.yaml", "agents:\n" + [] {
        std::string s;
        for (int i = 1; i <= 8; ++i)
          s += "  - {id: b" + std::to_string(i) + ", groups: [frontline]}\n";
        return s;
      }());
  store::TenantId tenant = 0;

  RecordedCenter() {
    auto s = store::open_sqlite_store(db);
    EXPECT_TRUE(s.ok());
    tenant = *(*s)->tenants().add({0, "kavir", "Kavir Motor", local(1, 0)});
    for (int k = 0; k <= 120; ++k) {
      store::Interaction i;
      i.tenant = tenant;
      i.channel = "voice";
      i.type = "sales_inquiry";
      i.queue = "sales";
      i.state = store::InteractionState::closed;
      i.arrived_at = k < 120 ? local(1, 9 * 60 + k) : local(2, 10 * 60);
      i.answered_at = i.arrived_at + 5s;
      i.ended_at = *i.answered_at + 240s;
      EXPECT_TRUE((*s)->interactions().add(i).ok());
    }
  }

  std::string replay(const std::string& roster, std::vector<std::string> extra, int expect_rc = 0) {
    std::vector<std::string> argv{tamas_binary(),   "simulate", "--db",     db,
                                  "--strategy",     strategy,   "--roster", roster,
                                  "--replications", "2",        "--json"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    std::string out;
    EXPECT_EQ(run_command(argv, out), expect_rc) << out;
    return out;
  }
};

double service_level(const std::string& json) {
  const std::string key = "\"service_level\":{\"mean\":";
  const auto at = json.find(key);
  EXPECT_NE(at, std::string::npos) << json;
  return at == std::string::npos ? -1 : std::stod(json.substr(at + key.size()));
}

TEST(SimulateReplay, RecordedTrafficThroughTwoRosters) {
  RecordedCenter c;
  const std::string few = c.replay(c.few, {"--from", "2026-03-01", "--to", "2026-03-01"});
  EXPECT_NE(few.find("\"recorded\":{\"from\":\"2026-03-01\",\"to\":\"2026-03-01\","
                     "\"interactions\":120}"),
            std::string::npos)
      << few;
  EXPECT_NE(few.find("\"offered\":120.000000"), std::string::npos) << few;
  const std::string many = c.replay(c.many, {"--from", "2026-03-01", "--to", "2026-03-01"});
  EXPECT_GT(service_level(many), 0.95) << many;
  EXPECT_LT(service_level(few), 0.5) << few;
  // Without a range: everything recorded, over two days.
  const std::string all = c.replay(c.many, {});
  EXPECT_NE(all.find("\"to\":\"2026-03-02\",\"interactions\":121}"), std::string::npos) << all;
}

TEST(SimulateReplay, WhatIfOnTheSameRecordedTraffic) {
  RecordedCenter c;
  const std::string out = c.replay(c.few, {"--compare-roster", c.many, "--from", "1404/12/10"});
  EXPECT_NE(out.find("\"common_random_numbers\":true"), std::string::npos) << out;
  const std::string key = "\"difference\":{\"service_level\":{\"mean\":";
  const auto at = out.find(key);
  ASSERT_NE(at, std::string::npos) << out;
  EXPECT_GT(std::stod(out.substr(at + key.size())), 0.4) << out;  // B (8 agents) does better
}

TEST(SimulateReplay, ClearErrorsForAMissingDatabaseOrAnEmptyRange) {
  RecordedCenter c;
  std::string out;
  EXPECT_EQ(run_command({tamas_binary(), "simulate", "--db", c.dir.file("nope.db"), "--strategy",
                         c.strategy, "--roster", c.few},
                        out),
            2);
  EXPECT_NE(out.find("no database at"), std::string::npos) << out;
  out = c.replay(c.few, {"--from", "2026-04-01", "--to", "2026-04-02"}, 2);
  EXPECT_NE(out.find("no interactions recorded from 2026-04-01 to 2026-04-02"), std::string::npos)
      << out;
  out = c.replay(c.few, {"--from", "2026-03-05", "--to", "2026-03-01"}, 2);
  EXPECT_NE(out.find("--to is before --from"), std::string::npos) << out;
  TempDir empty;
  {
    auto s = store::open_sqlite_store(empty.file("e.db"));
    ASSERT_TRUE(s.ok());
    (void)(*s)->tenants().add({0, "x", "X", local(1, 0)});
  }
  EXPECT_EQ(run_command({tamas_binary(), "simulate", "--db", empty.file("e.db"), "--strategy",
                         c.strategy, "--roster", c.few},
                        out),
            2);
  EXPECT_NE(out.find("no interactions recorded for this tenant"), std::string::npos) << out;
}

TEST(Adherence, ReportsTheDayFromRecordedStatesAndASchedule) {
  RecordedCenter c;
  {
    auto s = store::open_sqlite_store(c.db);
    ASSERT_TRUE(s.ok());
    auto& wf = (*s)->workforce();
    for (const auto& [state, minute] :
         std::vector<std::pair<std::string, int>>{{"ready", 8 * 60 + 10},
                                                  {"busy", 9 * 60},
                                                  {"ready", 9 * 60 + 30},
                                                  {"not_ready", 12 * 60},
                                                  {"ready", 12 * 60 + 30},
                                                  {"logged_out", 16 * 60}})
      ASSERT_TRUE(wf.record_state({c.tenant, "ali", state, "", local(1, minute)}));
  }
  const std::string schedule =
      c.dir.write("day.yaml",
            "agents:\n  - {agent: ali, shift: \"08:00-16:00\", breaks: "
            "[\"12:00-12:30\"]}\n  - {agent: sara, shift: \"08:00-12:00\"}\n");
  std::string out;
  ASSERT_EQ(run_command({tamas_binary(), "adherence", "--db", c.db, "--day", "2026-03-01",
                         "--schedule", schedule, "--json"},
                        out),
            0)
      << out;
  // ali: 10 minutes late (out of adherence), otherwise on schedule.
  EXPECT_NE(out.find("\"agent\":\"ali\",\"scheduled\":true,\"scheduled_minutes\":{\"work\":450,"
                     "\"break\":30},\"actual_minutes\":{\"logged_out\":970,\"ready\":410,"
                     "\"reserved\":0,\"busy\":30,\"wrap_up\":0,\"not_ready\":30}"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"exceptions\":[{\"start\":\"08:00\",\"end\":\"08:10\",\"minutes\":10,"
                     "\"expected\":\"work\",\"actual\":\"logged_out\"}]"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"adherence\":0.9792"), std::string::npos) << out;  // 470 / 480
  ASSERT_EQ(run_command({tamas_binary(), "adherence", "--db", c.db, "--day", "2026-03-01",
                         "--schedule", schedule, "--grace", "15m"},
                        out),
            0);
  EXPECT_NE(out.find("ali"), std::string::npos) << out;
  EXPECT_EQ(out.find("out of adherence 08:00-08:10"), std::string::npos) << out;  // forgiven
  EXPECT_NE(out.find("sara"), std::string::npos) << out;
}

TEST(Adherence, UsesThePublishedScheduleAndNamesBadInput) {
  RecordedCenter c;
  std::string out;
  EXPECT_EQ(run_command({tamas_binary(), "adherence", "--db", c.db, "--day", "2026-03-01"}, out),
            2);
  EXPECT_NE(out.find("no schedule published for 2026-03-01"), std::string::npos) << out;
  {
    auto s = store::open_sqlite_store(c.db);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->workforce().put_schedule(
        {c.tenant, "2026-03-01", R"({"agents":[{"agent":"sara","shift":"08:00-12:00"}]})",
         local(1, 0), "planner"}));
  }
  ASSERT_EQ(run_command(
                {tamas_binary(), "adherence", "--db", c.db, "--day", "1404/12/10", "--json"}, out),
            0)
      << out;
  EXPECT_NE(out.find("\"day\":\"2026-03-01\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"agent\":\"sara\""), std::string::npos) << out;
  const std::string bad = c.dir.write("bad.yaml", "agents:\n  - {agent: a, shift: \"8-16\"}\n");
  EXPECT_EQ(run_command({tamas_binary(), "adherence", "--db", c.db, "--day", "2026-03-01",
                         "--schedule", bad},
                        out),
            2);
  EXPECT_NE(out.find("bad.yaml:2:"), std::string::npos) << out;
  EXPECT_NE(out.find("agents[0].shift"), std::string::npos) << out;
  EXPECT_EQ(
      run_command(
          {tamas_binary(), "adherence", "--db", c.dir.file("none.db"), "--day", "2026-03-01"}, out),
      2);
  EXPECT_NE(out.find("no database at"), std::string::npos) << out;
}

}  // namespace
}  // namespace tamas
