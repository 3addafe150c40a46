// `tamas simulate` with a planner's files: the automotive strategy, a
// roster and a forecast; and a what-if against a bigger roster.
#include <gtest/gtest.h>

#include <fstream>

#include "server_process.h"

namespace tamas {
namespace {

using test::run_command;
using test::tamas_binary;
using test::TempDir;

struct Files {
  TempDir dir;
  std::string strategy = std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml";
  std::string roster = dir.write("roster.csv",
                             "agent,groups,shifts\nali,frontline,sat-wed 08:00-12:00\n"
                             "sara,frontline,08:00-12:00\nreza,complaint_desk,08:00-12:00\n");
  std::string bigger = dir.write("roster2.csv",
                             "agent,groups,shifts\nali,frontline,sat-wed 08:00-12:00\n"
                             "sara,frontline,08:00-12:00\nreza,complaint_desk,08:00-12:00\n"
                             "nima,frontline,08:00-12:00\n");
  std::string traffic =
      dir.write("traffic.csv",
            "start,type,channel,volume,aht,patience\n08:00,sales_inquiry,voice,30,180,240\n"
            "08:30,sales_inquiry,voice,30,180,240\n09:00,sales_inquiry,voice,20,180,240\n");
};

TEST(SimulateScenario, ReportsServiceLevelPerQueueIntervalAndAgent) {
  Files f;
  std::string out;
  ASSERT_EQ(run_command({tamas_binary(), "simulate", "--strategy", f.strategy, "--roster", f.roster,
                         "--traffic", f.traffic, "--replications", "5", "--json"},
                        out),
            0)
      << out;
  EXPECT_NE(out.find("\"queues\":[{\"name\":"), std::string::npos) << out;
  EXPECT_NE(out.find("\"name\":\"day 0 08:30\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"agent\":\"sara\",\"utilisation\""), std::string::npos) << out;
}

TEST(SimulateScenario, ComparesTwoRostersOnTheSameTraffic) {
  Files f;
  std::string out;
  ASSERT_EQ(
      run_command({tamas_binary(), "simulate", "--strategy", f.strategy, "--roster", f.roster,
                   "--traffic", f.traffic, "--compare-roster", f.bigger, "--replications", "5"},
                  out),
      0)
      << out;
  EXPECT_NE(out.find("B - A on the same traffic (common random numbers"), std::string::npos) << out;
  EXPECT_NE(out.find("service level"), std::string::npos);
}

TEST(SimulateScenario, NamesTheBadRosterLine) {
  Files f;
  const std::string bad = f.dir.write("bad.csv", "agent,groups,shifts\nali,frontline,8-12\n");
  std::string out;
  EXPECT_EQ(run_command({tamas_binary(), "simulate", "--strategy", f.strategy, "--roster", bad,
                         "--traffic", f.traffic},
                        out),
            2);
  EXPECT_NE(out.find("bad.csv:2:"), std::string::npos) << out;
}

}  // namespace
}  // namespace tamas
