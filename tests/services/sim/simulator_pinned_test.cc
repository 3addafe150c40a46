// A seed fixes a simulation's result for good: the figures below were
// produced by main at 41e2f59 (`tamas simulate ... --json`), before the
// simulator's speed-ups, and every later change must reproduce them exactly
// (speed-ups must not change what is simulated).
#include <gtest/gtest.h>

#include "services/sim/simulator.h"

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

TEST(SimulatorPinned, ErlangAWorkloadOfTheSimPyComparisonKeepsItsResults) {
  // tamas simulate --agents 100 --volume 850 --interval 30m --aht 180s
  //   --target 80/20s --hours 2 --replications 3 --seed 1 --patience 600s
  auto s = simulate_replications(mmn(100, 1700, 180s, 600s, 2h, 20s), 3, 1);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->customers, 10323);
  EXPECT_EQ(s->events, 21348);
  EXPECT_EQ(s->engine_commands, 41566);
  EXPECT_NEAR(s->service_level.mean, 0.968661, 5e-7);
  EXPECT_NEAR(s->service_level.half_width, 0.134019, 5e-7);
  EXPECT_NEAR(s->asa_s.mean, 1.1943, 5e-5);
  EXPECT_NEAR(s->abandon_rate.mean, 0.001664, 5e-7);
  EXPECT_NEAR(s->occupancy.mean, 0.860438, 5e-7);
}

TEST(SimulatorPinned, UnderstaffedCentreWithImpatientCallersKeepsItsResults) {
  // tamas simulate --agents 10 --volume 100 --interval 30m --aht 180s
  //   --target 80/20s --hours 3 --replications 3 --seed 5 --patience 120s
  auto s = simulate_replications(mmn(10, 200, 180s, 120s, 3h, 20s), 3, 5);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->customers, 1783);
  EXPECT_EQ(s->events, 4190);
  EXPECT_EQ(s->engine_commands, 6664);
  EXPECT_NEAR(s->service_level.mean, 0.618577, 5e-7);
  EXPECT_NEAR(s->asa_s.mean, 16.7836, 5e-5);
  EXPECT_NEAR(s->abandon_rate.mean, 0.148914, 5e-7);
  EXPECT_NEAR(s->occupancy.mean, 0.864052, 5e-7);
}

}  // namespace
}  // namespace tamas::services::sim
