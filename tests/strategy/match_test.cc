// Segment and route look-ups: first match in file order.
#include <gtest/gtest.h>

#include "strategy/loader.h"
#include "strategy/match.h"

namespace tamas::strategy {
namespace {

constexpr const char* kStrategy = R"(
organisation: {id: acme, name: Acme}
hours: {office: {sat-wed: 08:00-17:00}, always: 24x7}
fields:
  - {id: vehicle_class, name: Class, type: choice, choices: [light, heavy], privacy: public}
skills: [sales, support]
agent_groups: [{id: agents, skills: {sales: 3, support: 3}}]
queues:
  - {id: sales, groups: [agents]}
  - {id: fleet, groups: [agents]}
  - {id: support, groups: [agents]}
partners:
  - {id: heavy_roadside, number: "+982100000000", hours: always}
segments:
  - {id: vip, priority: 50, when: {tier: {in: [gold, platinum]}}}
  - {id: fleet, when: {fleet_size: {at_least: 10}, province: tehran}}
  - {id: needs, when: {special_needs: {present: true}}}
  - {id: small, when: {fleet_size: {below: 3}, tier: {is_not: blocked}}}
interaction_types:
  - {id: sales, name: Sales, kind: inquiry}
  - {id: roadside, name: Roadside, kind: emergency}
  - {id: support, name: Support, kind: technical_support}
entry_points:
  - {id: hotline, channel: voice, number: "1500", hours: office}
routing:
  - {id: heavy, when: {type: roadside, fields: {vehicle_class: heavy}}, transfer: heavy_roadside}
  - {id: fleet_voice, when: {segment: fleet, channel: voice}, queue: fleet}
  - {id: sales, when: {type: sales}, queue: sales}
  - {id: rest, queue: support}
service_levels:
  - {channel: voice, target: "80% in 20s"}
  - {channel: voice, segment: vip, target: "90% in 10s"}
  - {type: sales, channel: voice, segment: vip, target: "95% in 5s"}
)";

class MatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadResult r = load_strategy_text(kStrategy, "match.yaml");
    for (const auto& d : r.errors) ADD_FAILURE() << format(d);
    ASSERT_TRUE(r.ok());
    s_ = std::move(*r.strategy);
  }
  std::string segment(const Attributes& a) { return segment_of(s_, a).id; }
  std::string route(const char* type, const char* channel, const char* seg,
                    const Attributes& fields = {}) {
    const RoutingRule* r = match_route(s_, type, channel, seg, fields);
    return r ? r->id : "none";
  }
  Strategy s_;
};

TEST_F(MatchTest, FirstMatchingSegmentWins) {
  EXPECT_EQ(segment({{"tier", "gold"}, {"fleet_size", "40"}, {"province", "tehran"}}), "vip");
  EXPECT_EQ(segment({{"fleet_size", "40"}, {"province", "tehran"}}), "fleet");
}

TEST_F(MatchTest, AllConditionsOfASegmentMustHold) {
  EXPECT_EQ(segment({{"fleet_size", "40"}, {"province", "fars"}}), "default");
  EXPECT_EQ(segment({{"fleet_size", "9"}, {"province", "tehran"}}), "default");
}

TEST_F(MatchTest, NumericConditionsIgnoreNonNumbers) {
  EXPECT_EQ(segment({{"fleet_size", "many"}, {"province", "tehran"}}), "default");
  EXPECT_EQ(segment({{"fleet_size", "2"}}), "small");
  EXPECT_EQ(segment({{"fleet_size", "2"}, {"tier", "blocked"}}), "default");
}

TEST_F(MatchTest, PresentMeansNonEmpty) {
  EXPECT_EQ(segment({{"special_needs", "wheelchair"}}), "needs");
  EXPECT_EQ(segment({{"special_needs", ""}}), "default");
}

TEST_F(MatchTest, WithoutACatchAllSegmentADefaultIsAdded) {
  EXPECT_EQ(segment({}), "default");
  EXPECT_TRUE(s_.segments.back().implicit);
}

TEST_F(MatchTest, RoutesMatchOnCapturedFields) {
  EXPECT_EQ(route("roadside", "voice", "default", {{"vehicle_class", "heavy"}}), "heavy");
  EXPECT_EQ(route("roadside", "voice", "default", {{"vehicle_class", "light"}}), "rest");
  EXPECT_EQ(route("roadside", "voice", "default"), "rest");
}

TEST_F(MatchTest, RoutesAreTriedInFileOrder) {
  EXPECT_EQ(route("sales", "voice", "fleet"), "fleet_voice");
  EXPECT_EQ(route("sales", "chat", "fleet"), "sales");
  EXPECT_EQ(route("support", "email", "vip"), "rest");
}

TEST_F(MatchTest, MostSpecificServiceLevelApplies) {
  EXPECT_EQ(service_level_for(s_, "sales", "voice", "vip")->percent, 95);
  EXPECT_EQ(service_level_for(s_, "support", "voice", "vip")->percent, 90);
  EXPECT_EQ(service_level_for(s_, "support", "voice", "default")->percent, 80);
  EXPECT_EQ(service_level_for(s_, "support", "email", "default"), nullptr);
}

}  // namespace
}  // namespace tamas::strategy
