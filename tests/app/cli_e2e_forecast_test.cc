// `tamas forecast --db`: the history is what the database recorded, placed
// in the active strategy's time zone, and its holidays (Nowruz) are used.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/calendar.h"
#include "server_process.h"
#include "store/sqlite_store.h"

namespace tamas {
namespace {

using namespace std::chrono_literals;
using test::run_command;
using test::tamas_binary;
using test::TempDir;

std::string iso(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

// Three weeks of sales calls (1-21 March 2026), 6 a day around 10:00, under
// the automotive strategy (Asia/Tehran, Nowruz 1-4 Farvardin).
struct RecordedWeeks {
  TempDir dir;
  std::string db = dir.file("tamas.db");

  RecordedWeeks() {
    const auto cal = *BusinessCalendar::create("Asia/Tehran", {});
    auto s = store::open_sqlite_store(db);
    EXPECT_TRUE(s.ok());
    const Instant t0 = cal.to_instant({2026, 3, 1}, 0);
    const auto tenant = *(*s)->tenants().add({0, "kavir", "Kavir Motor", t0});
    std::ifstream in(std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml");
    std::stringstream yaml;
    yaml << in.rdbuf();
    const auto id = (*s)->strategies().add({0, tenant, "1", yaml.str(), "{}", "test", t0, false});
    EXPECT_TRUE(id.ok());
    EXPECT_TRUE((*s)->strategies().activate(tenant, *id).ok());
    for (unsigned day = 1; day <= 21; ++day)
      for (int k = 0; k < 6; ++k) {
        store::Interaction i;
        i.tenant = tenant;
        i.channel = "voice";
        i.type = "sales_inquiry";
        i.queue = "sales";
        i.state = store::InteractionState::closed;
        i.arrived_at = cal.to_instant({2026, 3, day}, 10 * 60 + 7 * k);
        i.answered_at = i.arrived_at + 5s;
        i.ended_at = *i.answered_at + 200s;
        EXPECT_TRUE((*s)->interactions().add(i).ok());
      }
  }
};

TEST(ForecastFromDb, RecordedHistoryWithTheStrategysHolidays) {
  RecordedWeeks c;
  std::string out;
  ASSERT_EQ(run_command({tamas_binary(), "forecast", "--db", c.db, "--from", "2026-03-01", "--to",
                         "1405/01/01", "--queue", "sales", "--holdout", "0", "--json"},
                        out),
            0)
      << out;
  std::string nowruz;
  for (unsigned d = 1; d <= 4; ++d)
    nowruz += std::string(d > 1 ? "," : "") + "\"" + iso(from_jalali({1405, 1, d})) + "\"";
  EXPECT_NE(out.find(nowruz), std::string::npos) << out;
  EXPECT_NE(out.find("{\"start\":\"2026-03-22 10:00\""), std::string::npos) << out;
  // --holidays replaces the calendar's.
  ASSERT_EQ(run_command({tamas_binary(), "forecast", "--db", c.db, "--from", "2026-03-01", "--to",
                         "2026-03-21", "--holidays", "2026-03-05", "--holdout", "0", "--json"},
                        out),
            0)
      << out;
  EXPECT_NE(out.find("\"holidays\":[\"2026-03-05\"]"), std::string::npos) << out;
}

TEST(ForecastFromDb, ExactlyOneSourceOfHistory) {
  RecordedWeeks c;
  std::string out;
  EXPECT_EQ(run_command({tamas_binary(), "forecast", "--json"}, out), 2);
  EXPECT_NE(out.find("exactly one of --history"), std::string::npos) << out;
  EXPECT_EQ(run_command({tamas_binary(), "forecast", "--db", c.db, "--history", "h.csv", "--from",
                         "2026-03-01", "--to", "2026-03-21"},
                        out),
            2);
  EXPECT_EQ(run_command({tamas_binary(), "forecast", "--db", c.db, "--to", "2026-03-21"}, out), 2);
  EXPECT_NE(out.find("--from is required"), std::string::npos) << out;
  EXPECT_EQ(run_command({tamas_binary(), "forecast", "--db", c.db, "--from", "2026-03-21", "--to",
                         "2026-03-01"},
                        out),
            2);
}

}  // namespace
}  // namespace tamas
