// Runs every tests/engine/scenarios/*.scenario file as its own test case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "scenario.h"

namespace tamas::engine::testing {
namespace {

std::vector<std::string> scenario_files() {
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(TAMAS_SOURCE_DIR "/tests/engine/scenarios")) {
    if (e.path().extension() == ".scenario") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, Passes) {
  ScenarioOutcome r = run_scenario_file(TAMAS_SOURCE_DIR "/tests/engine/scenarios/" + GetParam());
  EXPECT_TRUE(r.ok) << r.message;
}

INSTANTIATE_TEST_SUITE_P(Files, Scenario, ::testing::ValuesIn(scenario_files()),
                         [](const auto& info) {
                           std::string n = info.param.substr(0, info.param.find('.'));
                           std::replace_if(
                               n.begin(), n.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return n;
                         });

TEST(ScenarioFormat, HasAtLeastFortyScenarios) {
  EXPECT_GE(scenario_files().size(), 40u);
}

TEST(ScenarioFormat, BadLineFailsTheScenario) {
  EXPECT_FALSE(run_scenario("queue q\nat 00:00 frobnicate a1\n", "bad").ok);
  EXPECT_FALSE(run_scenario("queue q flavour=mint\n", "bad").ok);
  EXPECT_FALSE(
      run_scenario("queue q\nat 00:00 arrive c1 queue=q\nexpect offer c1 -> a1\n", "bad").ok);
}

}  // namespace
}  // namespace tamas::engine::testing
