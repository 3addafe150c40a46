// The simulator's random source: reproducible streams, and draws with the
// moments they promise.
#include "services/sim/rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

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

// The reference: xoshiro256++ drawn one number at a time, as the simulator
// did before draws came in blocks.
struct OneAtATime {
  explicit OneAtATime(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t x = seed ^ (0x9e3779b97f4a7c15ULL * (stream + 1));
    for (auto& v : s) {
      std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      v = z ^ (z >> 31);
    }
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s[0] + s[3], 23) + s[0];
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  double uniform() { return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53; }
  double exponential(double mean) { return -mean * log(uniform()); }
  // fast_log as it was written before it went branch-free.
  static double log(double x) {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    int e = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m;
    std::memcpy(&m, &bits, sizeof m);
    if (m > 1.4142135623730951) {
      m *= 0.5;
      ++e;
    }
    const double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    const double series =
        1.0 +
        t2 * (1.0 / 3 +
              t2 * (1.0 / 5 +
                    t2 * (1.0 / 7 +
                          t2 * (1.0 / 9 + t2 * (1.0 / 11 + t2 * (1.0 / 13 + t2 * (1.0 / 15)))))));
    return 2.0 * t * series + static_cast<double>(e) * 0.6931471805599453;
  }
  std::uint64_t s[4];
};

TEST(Rng, DrawsInBlocksEqualDrawingOneAtATimeBitForBit) {
  Rng r(5, 3);
  OneAtATime ref(5, 3);
  // Mixed kinds of draws so that blocks are crossed at every position.
  for (int i = 0; i < 200000; ++i) {
    switch (i % 5) {
      case 0:
        ASSERT_EQ(r.next(), ref.next()) << i;
        break;
      case 1:
      case 3:
        ASSERT_EQ(r.exponential(180000.0), ref.exponential(180000.0)) << i;
        break;
      case 2:
        ASSERT_EQ(r.uniform(), ref.uniform()) << i;
        break;
      default:
        ASSERT_EQ(r.exponential(3.6e6 / 1700), ref.exponential(3.6e6 / 1700)) << i;
    }
  }
}

TEST(Rng, FastLogIsTheSameFunctionAsBeforeBitForBit) {
  Rng r(9);
  for (int i = 0; i < 100000; ++i) {
    const double u = r.uniform();
    ASSERT_EQ(Rng::fast_log(u), OneAtATime::log(u)) << u;
  }
  for (double u : {1.0, 0x1.0p-53, 0.5, 0.70710678118654746, 0.70710678118654757, 1e-10})
    EXPECT_EQ(Rng::fast_log(u), OneAtATime::log(u)) << u;
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
