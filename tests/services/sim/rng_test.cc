// The simulator's random source: reproducible streams, and draws with the
// moments they promise.
#include "services/sim/rng.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tamas::services::sim {
namespace {

TEST(Rng, SameSeedAndStreamGiveTheSameNumbersOtherStreamsOthers) {
  Rng a(7, 0), b(7, 0), c(7, 1), d(8, 0);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
    EXPECT_NE(x, d.next());
  }
}

TEST(Rng, FastLogAgreesWithTheLibraryLog) {
  Rng r(3);
  for (int i = 0; i < 100000; ++i) {
    const double u = r.uniform();
    ASSERT_NEAR(Rng::fast_log(u), std::log(u), 1e-12 * std::max(1.0, std::fabs(std::log(u)))) << u;
  }
  EXPECT_EQ(Rng::fast_log(1.0), 0.0);
  EXPECT_NEAR(Rng::fast_log(0x1.0p-53), std::log(0x1.0p-53), 1e-12);
}

TEST(Rng, ExponentialAndLognormalHaveTheirMeans) {
  Rng r(11);
  const int n = 200000;
  double exp_sum = 0, ln_sum = 0, ln_sq = 0;
  for (int i = 0; i < n; ++i) {
    exp_sum += r.exponential(180.0);
    const double x = r.lognormal(180.0, 0.5);
    ln_sum += x;
    ln_sq += x * x;
  }
  EXPECT_NEAR(exp_sum / n, 180.0, 180.0 * 4 / std::sqrt(double(n)));
  const double mean = ln_sum / n, sd = std::sqrt(ln_sq / n - mean * mean);
  EXPECT_NEAR(mean, 180.0, 1.5);
  EXPECT_NEAR(sd / mean, 0.5, 0.02);
}

}  // namespace
}  // namespace tamas::services::sim
