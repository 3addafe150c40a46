// A planner's YAML roster: agents with their own skills, capacities and
// weekly shifts with breaks, validated with the file, line and field.
#include "services/sim/roster_yaml.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "services/sim/scenario.h"
#include "strategy/loader.h"

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kExamples = std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/";

std::string error_of(const std::string& yaml) {
  auto r = parse_roster_yaml(yaml, "roster.yaml");
  return r ? "parsed" : r.error().message;
}

TEST(RosterYaml, BreaksSplitTheShiftIntoWorkingPieces) {
  auto r = parse_roster_yaml(R"(agents:
  - id: ali
    name: Ali
    groups: [frontline]
    skills: {sales: 4}
    capacity: {chat: 2}
    shifts:
      - days: sat-wed
        hours: "08:00-16:00"
        breaks: ["12:00-12:30"]
)",
                             "roster.yaml");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const RosterAgent& a = r->agents.at(0);
  EXPECT_EQ(a.name, "Ali");
  EXPECT_EQ(a.skills, (std::vector<std::pair<std::string, int>>{{"sales", 4}}));
  EXPECT_EQ(a.capacity, (std::vector<std::pair<std::string, int>>{{"chat", 2}}));
  EXPECT_EQ(a.where, "roster.yaml:2");
  // Saturday (day 0): at work 08:00-12:00 and 12:30-16:00.
  const auto day = expand_shifts(a.shifts, 6, 1);
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[0].start, 8h);
  EXPECT_EQ(day[0].end, 12h);
  EXPECT_EQ(day[1].start, 12h + 30min);
  EXPECT_EQ(day[1].end, 16h);
  // Friday (weekday 5) is off.
  EXPECT_TRUE(expand_shifts(a.shifts, 5, 1).empty());
}

TEST(RosterYaml, ANightShiftEndsTheNextDay) {
  auto r = parse_roster_yaml(
      "agents:\n  - {id: n, groups: [g], shifts: [{hours: \"22:00-06:00\"}]}\n", "r.yaml");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto s = expand_shifts(r->agents[0].shifts, 6, 1);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].start, 22h);
  EXPECT_EQ(s[0].end, 30h);
}

// Thursday's night desk breaks after midnight: the rest of the night is
// Friday morning's work.
TEST(RosterYaml, ANightShiftMayBreakAfterMidnight) {
  auto r = parse_roster_yaml(
      "agents:\n  - {id: n, groups: [g], shifts: [{days: thu, hours: "
      "\"22:00-06:00\", breaks: [\"23:45-00:15\", \"02:00-02:30\"]}]}\n",
      "r.yaml");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto s = expand_shifts(r->agents[0].shifts, 4, 2);  // Thursday and Friday
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].start, 22h);
  EXPECT_EQ(s[0].end, 23h + 45min);
  EXPECT_EQ(s[1].start, 24h + 15min);
  EXPECT_EQ(s[1].end, 26h);
  EXPECT_EQ(s[2].start, 26h + 30min);
  EXPECT_EQ(s[2].end, 30h);
  EXPECT_EQ(error_of("agents:\n  - {id: n, groups: [g], shifts: [{hours: \"22:00-06:00\", "
                     "breaks: [\"07:00-07:30\"]}]}\n"),
            "roster.yaml:2:67: agents[0].shifts[0].breaks[0]: must lie inside the shift, after "
            "the previous break");
}

TEST(RosterYaml, TheAutomotiveExampleRosterFitsTheAutomotiveStrategy) {
  auto strategy = strategy::load_strategy(kExamples + "strategy.yaml");
  ASSERT_TRUE(strategy.strategy.has_value());
  auto roster = parse_roster(read(kExamples + "roster.yaml"), kExamples + "roster.yaml");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  EXPECT_EQ(roster->agents.size(), 5u);
  auto config = scenario_config(*strategy.strategy, *roster, {}, ScenarioOptions{});
  ASSERT_TRUE(config.ok()) << config.error().message;
  // ali's own sales level (4) overrides frontline's 3; his chat capacity is 2.
  const engine::AgentLogin& ali = config->agents.at(0);
  auto sales = std::find_if(ali.skills.begin(), ali.skills.end(),
                            [](const engine::AgentSkill& s) { return s.skill == "sales"; });
  ASSERT_NE(sales, ali.skills.end());
  EXPECT_EQ(sales->level, 4);
  ASSERT_TRUE(ali.capacity.has_value());
  EXPECT_EQ(ali.capacity->capacity[static_cast<int>(engine::Channel::chat)], 2);
}

TEST(RosterYaml, ExtensionChoosesTheFormat) {
  EXPECT_TRUE(parse_roster("agent,groups\nali,g\n", "r.csv").ok());
  EXPECT_TRUE(parse_roster("agents: [{id: ali, groups: [g]}]\n", "r.yml").ok());
  EXPECT_TRUE(parse_roster(R"({"agents": [{"id": "ali", "groups": ["g"]}]})", "r.json").ok());
}

TEST(RosterYaml, MalformedRostersNameFileLineAndField) {
  EXPECT_EQ(error_of("agents:\n  - id: ali\n    groups: [g]\n    skils: {a: 1}\n"),
            "roster.yaml:4:5: agents[0]: unknown key 'skils'");
  EXPECT_EQ(error_of("agents:\n  - id: ali\n    groups: [g]\n    skills: {sales: 7}\n"),
            "roster.yaml:4:21: agents[0].skills.sales: must be a whole number from 1 to 5");
  EXPECT_EQ(error_of("agents:\n  - id: ali\n"),
            "roster.yaml:2:5: agents[0].groups: needs at least one agent group");
  EXPECT_EQ(error_of("agents:\n  - {id: a, groups: [g]}\n  - {id: a, groups: [g]}\n"),
            "roster.yaml:3:10: agents[1].id: agent 'a' appears twice");
  EXPECT_EQ(error_of("agents:\n  - id: a\n    groups: [g]\n    shifts:\n      - {hours: 8-16}\n"),
            "roster.yaml:5:17: agents[0].shifts[0].hours: expected HH:MM-HH:MM, got '8-16'");
  EXPECT_EQ(error_of("agents:\n  - id: a\n    groups: [g]\n    shifts:\n"
                     "      - {hours: \"08:00-16:00\", breaks: [\"17:00-17:30\"]}\n"),
            "roster.yaml:5:41: agents[0].shifts[0].breaks[0]: must lie inside the shift, after "
            "the previous break");
  EXPECT_EQ(error_of("agents:\n  - id: a\n    groups: [g]\n    shifts: [{days: fri-xyz, hours: "
                     "\"08:00-16:00\"}]\n"),
            "roster.yaml:4:21: agents[0].shifts[0].days: unknown weekday in 'fri-xyz'");
  EXPECT_EQ(error_of(""), "roster.yaml: empty roster");
  EXPECT_NE(error_of("agents: [{id: a, groups: [g]\n").find("roster.yaml:"), std::string::npos);
}

TEST(RosterYaml, UnknownSkillsAndChannelsAreFoundAgainstTheStrategy) {
  auto strategy = strategy::load_strategy(kExamples + "strategy.yaml");
  ASSERT_TRUE(strategy.strategy.has_value());
  auto roster = parse_roster_yaml(
      "agents:\n  - {id: a, groups: [frontline]}\n  - {id: b, groups: [frontline], skills: "
      "{juggling: 2}}\n",
      "r.yaml");
  ASSERT_TRUE(roster.ok());
  auto config = scenario_config(*strategy.strategy, *roster, {}, ScenarioOptions{});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "r.yaml:3: agent 'b': unknown skill 'juggling'");
  roster = parse_roster_yaml("agents:\n  - {id: a, groups: [frontline], capacity: {pigeon: 1}}\n",
                             "r.yaml");
  ASSERT_TRUE(roster.ok());
  config = scenario_config(*strategy.strategy, *roster, {}, ScenarioOptions{});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("r.yaml:2: agent 'a': capacity:"), std::string::npos)
      << config.error().message;
}

}  // namespace
}  // namespace tamas::services::sim
