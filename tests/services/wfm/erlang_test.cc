// Erlang B/C against exact rational arithmetic (Python fractions, 1e-12) and
// published tables; Erlang A against an independent 60-digit computation
// (mpmath, closed-form hypoexponential sums) and a seeded simulation.
#include <gtest/gtest.h>

#include <cmath>

#include "services/wfm/erlang.h"
#include "services/wfm/erlang_b_recursion.h"

namespace tamas::wfm {
namespace {

// The textbook recursion from n = 0, kept here as the reference.
double erlang_b_from_zero(double A, int N) {
  double b = 1;
  for (int n = 1; n <= N; ++n) b = A * b / (n + A * b);
  return b;
}

TEST(ErlangB, MatchesPublishedTable) {
  EXPECT_NEAR(erlang_b(10, 10), 0.2146, 1e-4);
  EXPECT_NEAR(erlang_b(10, 15), 0.0365, 1e-4);
  EXPECT_NEAR(erlang_b(10, 10), 0.21458234310734733, 1e-12);
  EXPECT_NEAR(erlang_b(10, 15), 0.03649694547237079, 1e-12);
}

TEST(ErlangB, EdgeCases) {
  EXPECT_EQ(erlang_b(0, 5), 0);
  EXPECT_EQ(erlang_b(3, 0), 1);
  EXPECT_EQ(erlang_c(12, 10), 1);  // unstable: everyone waits
  EXPECT_EQ(erlang_c(10, 10), 1);
}

TEST(ErlangB, ThousandsOfAgentsMatchHighPrecision) {
  // 50-digit references (mpmath) of the recursion from 0.
  EXPECT_NEAR(erlang_b(5000, 5100), 0.0022435792955605247, 1e-15);
  EXPECT_NEAR(erlang_c(5000, 5100), 0.10288141360093403, 1e-13);
  EXPECT_NEAR(erlang_b(10000, 10100), 0.0028623572207360649, 1e-15);
  EXPECT_NEAR(erlang_c(10000, 10100), 0.22476290646653222, 1e-13);
  EXPECT_NEAR(erlang_c(500.5, 520), 0.28538865000515375, 1e-13);
}

TEST(ErlangB, SkipAheadAgreesWithFullRecursion) {
  for (double A : {150.0, 999.9, 5000.0, 20000.0}) {
    for (double f : {0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 1.5}) {
      const int N = static_cast<int>(A * f);
      const double ref = erlang_b_from_zero(A, N);
      EXPECT_NEAR(erlang_b(A, N), ref, 1e-13 * std::max(1.0, ref)) << A << " " << N;
    }
  }
}

TEST(ErlangB, IncrementalRecursionEqualsDirectCalls) {
  ErlangBRecursion rec(800, 790);
  for (int n = 790; n < 900; ++n, rec.advance()) {
    ASSERT_EQ(rec.n(), n);
    EXPECT_NEAR(rec.erlang_b(), erlang_b(800, n), 1e-15);
  }
}

TEST(ErlangB, HugeOverstaffingUnderflowsToZeroNotNan) {
  EXPECT_EQ(erlang_b(10, 5000), 0);
  const ErlangCResult c = erlang_c_metrics(10, 5000, 180, 20);
  EXPECT_EQ(c.p_wait, 0);
  EXPECT_EQ(c.service_level, 1);
}

TEST(ErlangC, ClassicWorkedExample) {
  // 100 calls per 30 min, AHT 180 s: A = 10 Erlangs; 14 agents.
  const ErlangCResult r = erlang_c_metrics(10, 14, 180, 20);
  EXPECT_NEAR(r.service_level, 0.888, 1e-3);
  EXPECT_NEAR(r.p_wait, 0.174, 1e-3);
  EXPECT_NEAR(r.occupancy, 0.714, 1e-3);
  // Exact references (rational Erlang C, double exp).
  EXPECT_NEAR(r.service_level, 0.888350019179, 1e-9);
  EXPECT_NEAR(r.p_wait, 0.174131933595, 1e-9);
  EXPECT_NEAR(r.asa_s, 7.835937011777, 1e-8);
  EXPECT_NEAR(r.occupancy, 0.714285714286, 1e-9);
  const ErlangCResult thirteen = erlang_c_metrics(10, 13, 180, 20);
  EXPECT_NEAR(thirteen.service_level, 0.795594788418, 1e-9);
}

TEST(ErlangC, UnstableQueueHasNoServiceLevel) {
  const ErlangCResult r = erlang_c_metrics(10, 10, 180, 20);
  EXPECT_EQ(r.p_wait, 1);
  EXPECT_EQ(r.service_level, 0);
  EXPECT_TRUE(std::isinf(r.asa_s));
  EXPECT_EQ(r.occupancy, 1);
}

struct AReference {
  double A;
  int N;
  double aht, T, patience;
  double p_wait, p_ab, sl, asa, occ;
};

// From a 60-digit mpmath computation that integrates the untilted
// hypoexponential wait against e^{-θv} in closed form (docs/wfm.md).
constexpr AReference kAReferences[] = {
    {10, 14, 180, 20, 300, 0.145260114296, 0.0139837441224, 0.916792091864, 3.87848004452,
     0.704297325627},
    {10, 12, 180, 20, 300, 0.331802035544, 0.0427111056986, 0.772279307716, 11.8614194714,
     0.797740745251},
    {10, 9, 180, 20, 300, 0.734548627446, 0.163261955115, 0.366248552078, 48.0339627619,
     0.929708938761},
    {50, 52, 240, 30, 120, 0.343727567517, 0.0473905534899, 0.903730537121, 5.27770437203,
     0.915970621644},
};

TEST(ErlangA, MatchesHighPrecisionReference) {
  for (const AReference& ref : kAReferences) {
    const ErlangAResult r = erlang_a_metrics(ref.A, ref.N, ref.aht, ref.T, ref.patience);
    EXPECT_NEAR(r.p_wait, ref.p_wait, 1e-9) << ref.N;
    EXPECT_NEAR(r.p_abandon, ref.p_ab, 1e-9) << ref.N;
    EXPECT_NEAR(r.service_level, ref.sl, 1e-9) << ref.N;
    EXPECT_NEAR(r.asa_s, ref.asa, 1e-7) << ref.N;
    EXPECT_NEAR(r.occupancy, ref.occ, 1e-9) << ref.N;
  }
}

TEST(ErlangA, EndlessPatienceIsErlangC) {
  const ErlangAResult a = erlang_a_metrics(10, 14, 180, 20, 1e9);
  const ErlangCResult c = erlang_c_metrics(10, 14, 180, 20);
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-5);
  EXPECT_NEAR(a.service_level, c.service_level, 1e-5);
  EXPECT_NEAR(a.asa_s, c.asa_s, 1e-3);
  EXPECT_NEAR(a.p_abandon, 0, 1e-6);
}

TEST(ErlangA, LittlesLawTiesMeanWaitToAbandonment) {
  // θ·E[Q] = λ·P(ab) and E[Q] = λ·E[W]  =>  P(ab) = E[W]/patience.
  const ErlangAResult r = erlang_a_metrics(95, 96, 300, 20, 120);
  EXPECT_NEAR(r.p_abandon, r.mean_wait_s / 120, 1e-12);
  EXPECT_GT(r.p_abandon, 0.01);
}

TEST(ErlangA, OverloadedCenterStaysStableAndFinite) {
  const ErlangAResult r = erlang_a_metrics(5000, 4500, 180, 20, 300);
  EXPECT_TRUE(std::isfinite(r.service_level));
  EXPECT_GT(r.p_abandon, 0.09);  // at least the 10 % excess load is lost
  EXPECT_LT(r.p_abandon, 0.2);
  EXPECT_GT(r.p_wait, 0.99);
  EXPECT_NEAR(r.occupancy, 1, 1e-3);
}

TEST(ErlangA, OverloadWithEndlessPatienceStaysBounded) {
  const ErlangAResult r = erlang_a_metrics(10, 5, 180, 20, 1e12);
  EXPECT_GT(r.p_wait, 0.999);
  EXPECT_NEAR(r.p_abandon, 0.5, 0.01);  // half the load cannot be served
  EXPECT_LT(r.service_level, 0.01);
}

TEST(ErlangA, ThousandsOfAgentsAreSane) {
  const ErlangAResult r = erlang_a_metrics(5000, 5100, 180, 20, 300);
  const ErlangCResult c = erlang_c_metrics(5000, 5100, 180, 20);
  EXPECT_LT(r.p_wait, c.p_wait);  // abandonment shortens the queue...
  // ...but callers who hang up inside 20 s count against the service level.
  EXPECT_GT(r.service_level, 0.999);
  EXPECT_LT(r.service_level, c.service_level);
  EXPECT_LT(r.p_abandon, 1e-3);
  EXPECT_NEAR(r.p_abandon + r.service_level, 1, 1e-3);
}

}  // namespace
}  // namespace tamas::wfm
