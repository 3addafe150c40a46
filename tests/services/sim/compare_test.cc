// What-if comparisons: the same traffic through two centres, and what
// common random numbers buy.
#include "services/sim/compare.h"

#include <gtest/gtest.h>

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

TEST(Compare, OneMoreAgentImprovesServiceAndTheDifferenceIsSignificant) {
  auto c = compare(mmn(11, 200, 180s, 300s, 8h, 20s), mmn(12, 200, 180s, 300s, 8h, 20s), 10, 1);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_GT(c->service_level.diff.mean, 0.0);
  EXPECT_GT(c->service_level.diff.mean, c->service_level.diff.half_width);  // CI excludes 0
  EXPECT_LT(c->asa_s.diff.mean, 0.0);
  EXPECT_NEAR(c->service_level.diff.mean, c->service_level.b.mean - c->service_level.a.mean, 1e-12);
}

TEST(Compare, CommonRandomNumbersNarrowTheIntervalOfTheDifference) {
  const auto a = mmn(11, 200, 180s, 300s, 8h, 20s), b = mmn(12, 200, 180s, 300s, 8h, 20s);
  auto crn = compare(a, b, 10, 1, true);
  auto independent = compare(a, b, 10, 1, false);
  ASSERT_TRUE(crn.ok() && independent.ok());
  // The same contacts in both runs: A's results are identical either way.
  EXPECT_EQ(crn->service_level.a.mean, independent->service_level.a.mean);
  EXPECT_LT(crn->service_level.diff.half_width, independent->service_level.diff.half_width / 2);
  EXPECT_LT(crn->asa_s.diff.half_width, independent->asa_s.diff.half_width / 2);
}

TEST(Compare, TheSameCentreTwiceDiffersByExactlyNothing) {
  const auto a = mmn(11, 200, 180s, 300s, 4h, 20s);
  auto c = compare(a, a, 5, 3);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->service_level.diff.mean, 0.0);
  EXPECT_EQ(c->service_level.diff.half_width, 0.0);
}

}  // namespace
}  // namespace tamas::services::sim
