// Queueing formulas for staffing: Erlang B (M/M/N/N), Erlang C (M/M/N) and
// Erlang A (M/M/N+M, exponential patience).
//
// Units: the offered load A = arrival rate × mean handle time, in Erlangs.
// Times (aht, target answer time, patience) are in seconds. Every function is
// pure, allocation-free (except erlang_a) and thread-safe.
//
// Numerical method: no factorials. Erlang B uses the recursion on its
// inverse, 1/B(n) = 1 + (n/A)·1/B(n-1), which is stable (errors shrink while
// n < A and keep their relative size after). For A > 144 the recursion starts
// at n0 = A − 12·√A from the rough value B ≈ (A−n0)/A; the start error is
// damped by Π(n/A) ≈ e^{−72} before n reaches A, far below double precision,
// so the result equals the full recursion from 0 to the last bit that matters.
// Erlang C is derived from B: C = N·B / (N − A·(1 − B)).
#pragma once

namespace tamas::wfm {

// Blocking probability of an M/M/N/N loss system. REQUIRES: A >= 0, N >= 0.
double erlang_b(double A, int N);

// Probability that an arrival waits in M/M/N (Erlang C). 1 when N <= A
// (the queue is unstable and everyone waits). REQUIRES: A >= 0, N >= 0.
double erlang_c(double A, int N);

// Erlang C figures for one staffing level.
struct ErlangCResult {
  int agents = 0;
  double p_wait = 1;         // P(W > 0)
  double service_level = 0;  // P(W <= T) = 1 − p_wait·e^{−(N−A)·T/AHT}
  double asa_s = 0;          // E[W] = p_wait·AHT/(N−A); +inf when N <= A
  double occupancy = 1;      // A/N, capped at 1
};

// REQUIRES: A >= 0, N >= 1, aht_s > 0, target_s >= 0.
ErlangCResult erlang_c_metrics(double A, int N, double aht_s, double target_s);

// Erlang A figures for one staffing level (M/M/N+M: Poisson arrivals,
// exponential service with mean aht_s, N agents, FIFO, each waiting caller
// abandons after an exponential patience with mean patience_s).
//
// Definitions (all per offered call, i.e. over every arrival):
//   p_wait        P(an arrival finds all agents busy)
//   p_abandon     P(the caller hangs up before being answered)
//   service_level P(answered AND waited <= T): calls that abandon, even
//                 quickly, count against the service level
//   asa_s         mean wait of the answered calls: E[W | answered]
//   mean_wait_s   mean wait of all calls, abandoned ones up to abandonment
//   occupancy     carried load / N = A·(1 − p_abandon)/N
struct ErlangAResult {
  int agents = 0;
  double p_wait = 1;
  double p_abandon = 0;
  double service_level = 0;
  double asa_s = 0;
  double mean_wait_s = 0;
  double occupancy = 0;
};

// Method: the birth–death chain of the number in system, normalised around its
// mode and truncated where terms fall below 1e-17 of the mode; P(answered
// within T) by uniformisation of the tagged caller's position in queue.
// Limit: when overloaded (A > N) with a patience so long that more than
// 200,000 callers would wait, the patience is shortened to that point.
// REQUIRES: A >= 0, N >= 1, aht_s > 0, target_s >= 0, patience_s > 0.
ErlangAResult erlang_a_metrics(double A, int N, double aht_s, double target_s, double patience_s);

}  // namespace tamas::wfm
