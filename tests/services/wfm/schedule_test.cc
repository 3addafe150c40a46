#include <gtest/gtest.h>

#include "services/wfm/history.h"
#include "services/wfm/schedule.h"
#include "services/wfm/schedule_input.h"

namespace tamas::wfm {
namespace {

// 2026-03-07 is a Saturday: the Iranian week Sat..Fri.
Requirements week_needing(double agents, int from_minute, int to_minute) {
  Requirements r;
  r.first_day = {2026, 3, 7};
  r.interval_minutes = 30;
  r.required.assign(7 * 48, 0);
  for (int d = 0; d < 6; ++d) {  // Friday (d = 6) stays closed
    for (int k = from_minute / 30; k < to_minute / 30; ++k) r.required[d * 48 + k] = agents;
  }
  return r;
}

ShiftConfig eight_hour_day(std::vector<BreakRule> breaks) {
  ShiftConfig c;
  c.groups.push_back({"full-time", 200, std::nullopt});
  ShiftTemplate s;
  s.name = "day";
  s.group = "full-time";
  s.earliest_start_min = 8 * 60;
  s.latest_start_min = 8 * 60;
  s.length_min = 8 * 60;
  s.weekdays = {6, 0, 1, 2, 3, 4};
  s.breaks = std::move(breaks);
  c.shifts.push_back(s);
  return c;
}

TEST(Schedule, CoversAFlatDayWithTheFewestAgents) {
  Result<ScheduleResult> r = schedule_shifts(week_needing(2, 8 * 60, 16 * 60), eight_hour_day({}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total_agents, 2);
  EXPECT_EQ(r->under, 0);
  EXPECT_EQ(r->over, 0);
  EXPECT_DOUBLE_EQ(r->budget, 2 * 200 * 8 * 6);  // paid hours × 6 working days
  EXPECT_TRUE(r->optimal);
  ASSERT_EQ(r->assignments.size(), 1u);
  EXPECT_EQ(r->assignments[0].days, (std::vector<int>{0, 1, 2, 3, 4, 5}));  // no Friday
}

TEST(Schedule, BreaksAreStaggeredAndCostAThirdAgent) {
  const BreakRule lunch{"lunch", 30, 3 * 60, 5 * 60, true};
  Result<ScheduleResult> r =
      schedule_shifts(week_needing(2, 8 * 60, 16 * 60), eight_hour_day({lunch}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total_agents, 3);
  EXPECT_EQ(r->under, 0);
  for (const ShiftAssignment& a : r->assignments) {
    ASSERT_EQ(a.break_starts.size(), 1u);
    EXPECT_GE(a.break_starts[0], 11 * 60);
    EXPECT_LE(a.break_starts[0], 13 * 60);
  }
}

TEST(Schedule, GroupCapLeavesUnderStaffingReported) {
  ShiftConfig c = eight_hour_day({});
  c.groups[0].max_agents = 1;
  Result<ScheduleResult> r = schedule_shifts(week_needing(2, 8 * 60, 16 * 60), c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total_agents, 1);
  EXPECT_DOUBLE_EQ(r->under, 6 * 16);  // one agent short, 16 intervals, 6 days
}

TEST(Schedule, CheaperGroupWinsWhenBothCover) {
  ShiftConfig c = eight_hour_day({});
  c.groups.push_back({"contractors", 150, std::nullopt});
  ShiftTemplate s = c.shifts[0];
  s.name = "contract-day";
  s.group = "contractors";
  c.shifts.push_back(s);
  Result<ScheduleResult> r = schedule_shifts(week_needing(3, 8 * 60, 16 * 60), c);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->assignments.size(), 1u);
  EXPECT_EQ(r->assignments[0].group, "contractors");
}

TEST(Schedule, RejectsUnknownGroupAndOvernightShift) {
  ShiftConfig c = eight_hour_day({});
  c.shifts[0].group = "nobody";
  EXPECT_EQ(schedule_shifts(week_needing(1, 480, 960), c).error().message,
            "shift 'day': unknown group 'nobody'");
  c = eight_hour_day({});
  c.shifts[0].earliest_start_min = c.shifts[0].latest_start_min = 20 * 60;
  EXPECT_FALSE(schedule_shifts(week_needing(1, 480, 960), c).ok());
}

constexpr const char* kShiftYaml = R"(groups:
  - name: full-time
    cost_per_hour: 200
shifts:
  - name: day
    group: full-time
    start: "08:00-09:00"
    length: 8h
    work_days: 5
    breaks:
      - name: prayer
        length: 30m
        between: "12:00-13:30"
)";

TEST(ScheduleInput, ReadsTheShiftFile) {
  Result<ShiftConfig> c = parse_shift_file(kShiftYaml, "shifts.yaml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->shifts.size(), 1u);
  const ShiftTemplate& s = c->shifts[0];
  EXPECT_EQ(s.earliest_start_min, 480);
  EXPECT_EQ(s.latest_start_min, 540);
  EXPECT_EQ(s.length_min, 480);
  EXPECT_EQ(s.work_days, 5);
  EXPECT_EQ(s.weekdays, (std::vector<int>{6, 0, 1, 2, 3, 4}));
  ASSERT_EQ(s.breaks.size(), 1u);
  EXPECT_FALSE(s.breaks[0].relative);
  EXPECT_EQ(s.breaks[0].latest_min, 13 * 60);
}

TEST(ScheduleInput, UnknownKeysArePinpointed) {
  std::string yaml = kShiftYaml;
  yaml.replace(yaml.find("length: 8h"), 6, "lenght");
  Result<ShiftConfig> c = parse_shift_file(yaml, "shifts.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "shifts.yaml:8:5: unknown key 'lenght'");
}

TEST(ScheduleInput, ReadsRequirementsWithLineErrors) {
  Result<Requirements> r = parse_requirements_csv(
      "datetime,agents\n1404/12/16 08:00,3\n2026-03-08 08:30,4\n", "req.csv", 30);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->first_day, (CivilDate{2026, 3, 7}));
  EXPECT_EQ(r->days(), 2);
  EXPECT_EQ(r->required[16], 3);
  EXPECT_EQ(r->required[48 + 17], 4);
  EXPECT_EQ(parse_requirements_csv("2026-03-07 08:00,-1\n", "req.csv", 30).error().message,
            "req.csv:1: agents must be a non-negative number");
  EXPECT_EQ(parse_requirements_csv("2026-03-07 08:00,1,2\n", "req.csv", 30).error().message,
            "req.csv:1: expected 2 fields: datetime,agents");
}

TEST(ScheduleInput, ShiftFileDrivesASolve) {
  Result<ShiftConfig> c = parse_shift_file(kShiftYaml, "shifts.yaml");
  ASSERT_TRUE(c.ok());
  Result<ScheduleResult> r = schedule_shifts(week_needing(4, 9 * 60, 16 * 60), *c);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->under, 0);
  // Prayer 12:00-13:30 in three half hours: 4 on the phones through it takes
  // 6 at work each day; 6 a day over 6 days with 5 working days each = 7.2.
  EXPECT_EQ(r->total_agents, 8);
  EXPECT_TRUE(r->optimal);
  EXPECT_GT(r->lp_bound, 0);
  EXPECT_LE(r->lp_bound, r->budget);
}

}  // namespace
}  // namespace tamas::wfm
