#include <gtest/gtest.h>

#include <cmath>

#include "services/wfm/staffing.h"
#include "services/wfm/units.h"

namespace tamas::wfm {
namespace {

StaffingRequest classic() {
  StaffingRequest r;
  r.volume = 100;
  r.interval_s = 1800;
  r.aht_s = 180;
  r.target_fraction = 0.8;
  r.target_s = 20;
  return r;
}

TEST(Staffing, ClassicExampleNeedsFourteenAgents) {
  Result<StaffingResult> r = solve_staffing(classic());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->agents, 14);
  EXPECT_NEAR(r->service_level, 0.888, 1e-3);
  EXPECT_NEAR(r->p_wait, 0.174, 1e-3);
  EXPECT_NEAR(r->occupancy, 0.714, 1e-3);
  EXPECT_EQ(r->load, 10);
}

TEST(Staffing, OccupancyCapAndAsaTargetAddAgents) {
  StaffingRequest req = classic();
  req.occupancy_cap = 0.65;  // 10/0.65 = 15.4 -> 16
  EXPECT_EQ(solve_staffing(req)->agents, 16);
  req = classic();
  req.max_asa_s = 5;  // 14 agents give ASA 7.8 s, 15 give 3.7 s
  EXPECT_EQ(solve_staffing(req)->agents, 15);
}

TEST(Staffing, ShrinkageScalesTheScheduledHeadcount) {
  StaffingRequest req = classic();
  req.shrinkage = 0.3;
  Result<StaffingResult> r = solve_staffing(req);
  EXPECT_EQ(r->agents, 14);
  EXPECT_EQ(r->scheduled, 20);  // 14 / 0.7 = 20 exactly, not 21
  EXPECT_EQ(scheduled_agents(15, 0.3), 22);
}

TEST(Staffing, ErlangASolvesWithFewerAgentsWhenCallersAbandon) {
  StaffingRequest req = classic();
  req.patience_s = 300;
  Result<StaffingResult> r = solve_staffing(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->agents, 13);
  ASSERT_TRUE(r->abandon_rate.has_value());
  EXPECT_GT(*r->abandon_rate, 0);
  Result<StaffingResult> twelve = evaluate_staffing(req, 12);
  EXPECT_LT(twelve->service_level, 0.8);
}

TEST(Staffing, TenThousandAgentsSolveToTheMinimum) {
  StaffingRequest req = classic();
  req.volume = 100000;  // A = 10,000 Erlangs
  Result<StaffingResult> r = solve_staffing(req);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->agents, 10000);
  EXPECT_GE(r->service_level, 0.8);
  EXPECT_LT(evaluate_staffing(req, r->agents - 1)->service_level, 0.8);
}

TEST(Staffing, ZeroVolumeNeedsNobody) {
  StaffingRequest req = classic();
  req.volume = 0;
  EXPECT_EQ(solve_staffing(req)->agents, 0);
}

TEST(Staffing, RejectsBadInput) {
  StaffingRequest req = classic();
  req.volume = -1;
  EXPECT_FALSE(solve_staffing(req).ok());
  req = classic();
  req.target_fraction = 1.2;
  EXPECT_FALSE(solve_staffing(req).ok());
  req = classic();
  req.shrinkage = 1;
  EXPECT_FALSE(solve_staffing(req).ok());
  EXPECT_FALSE(evaluate_staffing(classic(), 0).ok());
  req = classic();
  req.volume = 1e12;  // agent counts would overflow
  EXPECT_FALSE(solve_staffing(req).ok());
}

TEST(Staffing, DayPlanStaffsEveryQueueAndInterval) {
  std::vector<std::vector<StaffingRequest>> day(3, std::vector<StaffingRequest>(48, classic()));
  day[1][10].volume = 400;
  Result<std::vector<std::vector<StaffingResult>>> plan = plan_day(day);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ((*plan)[0][0].agents, 14);
  EXPECT_GT((*plan)[1][10].agents, 40);
  day[2][5].aht_s = -1;
  Result<std::vector<std::vector<StaffingResult>>> bad = plan_day(day);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "queue 2, interval 5: aht must be positive");
}

TEST(Deferred, BacklogAndArrivalsAreClearedWithinTheTarget) {
  DeferredRequest req;
  req.arrivals = 60;  // 2 per minute
  req.interval_s = 1800;
  req.aht_s = 300;    // 5 minutes each: 10 agents keep up
  req.backlog = 120;  // 120 * 300 s of work within 2 h: 5 more agents
  req.response_target_s = 7200;
  Result<DeferredResult> r = staff_deferred(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->agents, 15);
  req.occupancy_cap = 0.75;
  EXPECT_EQ(staff_deferred(req)->agents, 20);
  req.backlog = -3;
  EXPECT_FALSE(staff_deferred(req).ok());
}

TEST(Units, DurationsAndTargets) {
  EXPECT_EQ(*parse_duration("30m"), 1800);
  EXPECT_EQ(*parse_duration("1800s"), 1800);
  EXPECT_EQ(*parse_duration("1h"), 3600);
  EXPECT_EQ(*parse_duration("180"), 180);
  EXPECT_EQ(*parse_duration("2.5m"), 150);
  EXPECT_EQ(*parse_duration("6h30m"), 23400);
  EXPECT_FALSE(parse_duration("1h30").ok());
  EXPECT_FALSE(parse_duration("10y").ok());
  EXPECT_EQ(parse_duration("10y").error().message,
            "unknown duration unit in '10y' (use s, m, h or d)");
  EXPECT_FALSE(parse_duration("-5s").ok());
  EXPECT_FALSE(parse_duration("").ok());
  Result<ServiceTarget> t = parse_service_target("80/20s");
  ASSERT_TRUE(t.ok());
  EXPECT_DOUBLE_EQ(t->fraction, 0.8);
  EXPECT_EQ(t->within_s, 20);
  EXPECT_FALSE(parse_service_target("120/20s").ok());
  EXPECT_FALSE(parse_service_target("80").ok());
  EXPECT_FALSE(parse_number("-1", "volume").ok());
}

}  // namespace
}  // namespace tamas::wfm
