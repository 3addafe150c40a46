// A planner's scenario: strategy + roster + forecast traffic, simulated
// through the engine the server runs. Shifts decide who takes contacts;
// service level is reported per SLO queue and per interval.
#include "services/sim/scenario.h"

#include <gtest/gtest.h>

#include "services/sim/roster.h"
#include "services/sim/traffic_csv.h"
#include "strategy/loader.h"

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

const char* kStrategy = R"(organisation:
  id: acme
  name: {fa: آکمه, en: Acme}
hours:
  office:
    sat-wed: 08:00-17:00
skills: [sales, billing]
agent_groups:
  - {id: sellers, skills: {sales: 3}}
  - {id: billers, skills: {billing: 3}}
queues:
  - {id: sales, groups: [sellers]}
  - {id: billing, groups: [billers]}
interaction_types:
  - {id: order, name: Order, kind: order}
  - {id: invoice, name: Invoice, kind: inquiry}
entry_points:
  - {id: hotline, channel: voice, number: "1500", hours: office}
routing:
  - {id: orders, when: {type: order}, queue: sales}
  - {id: rest, queue: billing}
service_levels:
  - {type: order, channel: voice, target: "80% in 20s"}
  - {channel: voice, target: "80% in 60s"}
)";

strategy::Strategy load() {
  auto r = strategy::load_strategy_text(kStrategy, "test.yaml");
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : strategy::format(r.errors[0]));
  return *r.strategy;
}

TEST(Roster, ReadsGroupsAndWeeklyShifts) {
  auto r = parse_roster_csv(
      "agent,groups,shifts\n# a comment\nali,sellers;billers,sat-wed 08:00-16:00;thu 08:00-12:00\n"
      "night,billers,22:00-06:00\nsara,sellers,\n",
      "roster.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->agents.size(), 3u);
  EXPECT_EQ(r->agents[0].groups, (std::vector<std::string>{"sellers", "billers"}));
  // Saturday, then Thursday (day 5) and Friday off (day 6).
  const auto ali = expand_shifts(r->agents[0].shifts, 6, 7);
  ASSERT_EQ(ali.size(), 6u);
  EXPECT_EQ(ali[0].start, 8h);
  EXPECT_EQ(ali[5].start, 5 * 24h + 8h);
  EXPECT_EQ(ali[5].end, 5 * 24h + 12h);
  // A night shift ends the next morning.
  const auto night = expand_shifts(r->agents[1].shifts, 6, 1);
  ASSERT_EQ(night.size(), 1u);
  EXPECT_EQ(night[0].end, 30h);
  EXPECT_TRUE(r->agents[2].shifts.empty());
}

TEST(Roster, NamesTheLineOfAMistake) {
  auto r = parse_roster_csv("agent,groups,shifts\nali,sellers,sat-wed 8-16\n", "roster.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("roster.csv:2: ", 0), 0u) << r.error().message;
}

TEST(TrafficCsv, RowsOfOneTypeAndChannelFormOneStreamWithIntervalRates) {
  auto t = parse_traffic_csv(
      "start,type,channel,volume,aht,patience\n08:00,order,voice,10,120,300\n"
      "09:00,order,voice,30,240,300\n08:30,invoice,voice,5,200,\n",
      "traffic.csv", 30min);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->size(), 2u);
  const Traffic& order = (*t)[1].type == "order" ? (*t)[1] : (*t)[0];
  ASSERT_EQ(order.interval_per_hour.size(), 19u);  // up to 09:00-09:30
  EXPECT_EQ(order.interval_per_hour[16], 20.0);    // 10 per half hour
  EXPECT_EQ(order.interval_per_hour[17], 0.0);
  EXPECT_EQ(order.interval_per_hour[18], 60.0);
  EXPECT_EQ(order.aht, 210s);  // volume-weighted
  EXPECT_EQ(order.patience, 300s);
}

TEST(TrafficCsv, RejectsAStartOffTheIntervalGrid) {
  auto t = parse_traffic_csv("start,type,volume,aht\n08:10,order,3,100\n", "t.csv", 30min);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("t.csv:2:"), std::string::npos);
}

TEST(Scenario, OnlyAgentsOnShiftTakeContactsAndEachQueueHasItsSlo) {
  const auto s = load();
  auto roster = parse_roster_csv(
      "agent,groups,shifts\nali,sellers,08:00-09:00\nbob,billers,08:00-10:00\n", "roster.csv");
  auto traffic = parse_traffic_csv(
      "start,type,volume,aht\n08:00,order,20,120\n08:30,order,20,120\n09:00,order,20,120\n"
      "09:30,order,20,120\n08:00,invoice,10,120\n09:00,invoice,10,120\n",
      "traffic.csv", 30min);
  ASSERT_TRUE(roster.ok() && traffic.ok());
  auto config = scenario_config(s, *roster, *traffic, ScenarioOptions{});
  ASSERT_TRUE(config.ok()) << config.error().message;
  auto r = simulate(*config, 5);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->by_queue.size(), 2u);
  EXPECT_EQ(r->by_queue[0].queue, "sales");
  EXPECT_EQ(r->by_queue[1].queue, "billing");
  EXPECT_GT(r->by_queue[0].answered, 0);
  EXPECT_GT(r->by_queue[1].answered, 0);
  // After 09:00 nobody serves sales: those orders are never answered.
  EXPECT_GT(r->intervals[16].answered, 0);
  EXPECT_GT(r->intervals[19].offered, 0);
  EXPECT_EQ(r->intervals[19].answered_in_target, 0);
  // Ali worked one hour and was busy for part of it; bob two.
  ASSERT_EQ(r->agents.size(), 2u);
  EXPECT_GT(r->agents[0].utilisation, 0.0);
  EXPECT_LE(r->agents[0].utilisation, 1.5);  // may finish a call after the shift
  EXPECT_GT(r->agents[1].utilisation, 0.0);
}

TEST(Scenario, AnUnknownRosterGroupIsAnError) {
  const auto s = load();
  auto roster = parse_roster_csv("agent,groups\nali,nobody\n", "roster.csv");
  ASSERT_TRUE(roster.ok());
  auto config = scenario_config(s, *roster, {}, ScenarioOptions{});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("nobody"), std::string::npos);
}

}  // namespace
}  // namespace tamas::services::sim
