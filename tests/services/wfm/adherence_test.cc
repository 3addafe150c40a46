// Adherence: a supervisor's view of one agent's day against the schedule.
#include "services/wfm/adherence.h"

#include <gtest/gtest.h>

namespace tamas::wfm {
namespace {

using namespace std::chrono_literals;

Instant at(int h, int m = 0) {
  return Instant{} + std::chrono::hours(h) + std::chrono::minutes(m);
}

// 08:00-12:00 on the phones, 12:00-12:30 prayer and lunch, 12:30-16:00 phones.
const std::vector<ScheduledActivity> kDay{{at(8), at(12), Activity::work},
                                          {at(12), at(12, 30), Activity::break_},
                                          {at(12, 30), at(16), Activity::work}};

TEST(Adherence, AnAgentWhoFollowsTheScheduleIsFullyAdherent) {
  const std::vector<StateChange> day{
      {at(8), AgentState::ready},      {at(9), AgentState::busy},
      {at(9, 5), AgentState::wrap_up}, {at(9, 6), AgentState::ready},
      {at(12), AgentState::not_ready}, {at(12, 30), AgentState::ready},
      {at(16), AgentState::logged_out}};
  const auto r = adherence(kDay, day, at(0), at(24));
  EXPECT_DOUBLE_EQ(r.adherence, 1.0);
  EXPECT_DOUBLE_EQ(r.conformance, 1.0);
  EXPECT_TRUE(r.periods.empty());
  EXPECT_EQ(r.scheduled, 8h);  // the break is scheduled time too
}

TEST(Adherence, LateLoginAndLongLunchAreOutOfAdherence) {
  // Logs in 08:15, takes lunch until 12:45, leaves on time.
  const std::vector<StateChange> day{{at(8, 15), AgentState::ready},
                                     {at(12), AgentState::not_ready},
                                     {at(12, 45), AgentState::ready},
                                     {at(16), AgentState::logged_out}};
  const auto r = adherence(kDay, day, at(0), at(24));
  ASSERT_EQ(r.periods.size(), 2u);
  EXPECT_EQ(r.periods[0].start, at(8));
  EXPECT_EQ(r.periods[0].end, at(8, 15));
  EXPECT_EQ(r.periods[0].expected, Activity::work);
  EXPECT_EQ(r.periods[0].actual, AgentState::logged_out);
  EXPECT_EQ(r.periods[1].start, at(12, 30));
  EXPECT_EQ(r.periods[1].actual, AgentState::not_ready);
  EXPECT_DOUBLE_EQ(r.adherence, (480.0 - 30.0) / 480.0);
  EXPECT_DOUBLE_EQ(r.conformance, (480.0 - 15.0) / 480.0);
}

TEST(Adherence, StayingLateConformsMoreButIsNotAdherent) {
  const std::vector<StateChange> day{{at(8), AgentState::ready},
                                     {at(12), AgentState::not_ready},
                                     {at(12, 30), AgentState::ready},
                                     {at(17), AgentState::logged_out}};
  const auto r = adherence(kDay, day, at(0), at(24));
  EXPECT_DOUBLE_EQ(r.adherence, 1.0);
  EXPECT_GT(r.conformance, 1.0);
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].expected, Activity::off);
  EXPECT_EQ(r.periods[0].start, at(16));
}

TEST(Adherence, ShortDeviationsWithinGraceAreForgiven) {
  const std::vector<StateChange> day{{at(8, 1), AgentState::ready},
                                     {at(12), AgentState::not_ready},
                                     {at(12, 30), AgentState::ready},
                                     {at(16), AgentState::logged_out}};
  const auto strict = adherence(kDay, day, at(0), at(24));
  const auto lenient = adherence(kDay, day, at(0), at(24), 2min);
  EXPECT_EQ(strict.periods.size(), 1u);
  EXPECT_LT(strict.adherence, 1.0);
  EXPECT_TRUE(lenient.periods.empty());
  EXPECT_DOUBLE_EQ(lenient.adherence, 1.0);
}

TEST(Adherence, OnlyTheWindowCounts) {
  const std::vector<StateChange> day{{at(8, 15), AgentState::ready},
                                     {at(16), AgentState::logged_out}};
  const auto morning = adherence(kDay, day, at(8), at(9));
  EXPECT_EQ(morning.scheduled, 1h);
  EXPECT_DOUBLE_EQ(morning.adherence, 0.75);
}

}  // namespace
}  // namespace tamas::wfm
