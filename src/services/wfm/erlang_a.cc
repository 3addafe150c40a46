// Erlang A (M/M/N+M). Rates are in units of the service rate μ = 1/AHT, so the
// arrival rate is A, departures from state k are min(k, N) + max(k−N, 0)·r
// with r = θ/μ = AHT/patience, and times are in units of AHT.
//
// A caller who finds j others waiting is answered with probability
// N/(N + (j+1)·r) (the product Π_{i=0..j} (N+i·r)/(N+(i+1)·r) telescopes).
// Conditioned on being answered, its wait is hypoexponential with rates
// N + m·r, m = 1..j+1 (the exponential tilt by e^{−r·V}); P(answered within t)
// is the absorption probability of that pure-death chain by time t, computed
// for all j at once by uniformisation.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

#include "services/wfm/erlang.h"

namespace tamas::wfm {
namespace {

constexpr double kNegligible = 1e-18;  // relative to the mode's weight (1)
constexpr double kMaxQueue = 200000;   // callers waiting at the mode, at most

struct Chain {
  double total = 0;           // Σ weights (mode = 1)
  double waiting = 0;         // Σ_{k >= N} weights
  double queue_sum = 0;       // Σ (k−N)·weight for k > N
  std::vector<double> queue;  // weight of state N + j, j = 0..J
};

double departure(int k, int N, double r) {
  return k <= N ? k : N + (k - N) * r;
}

Chain stationary(double A, int N, double r) {
  int mode = A < N ? static_cast<int>(A) : N + static_cast<int>(std::floor((A - N) / r));
  Chain c;
  // Downward from the mode.
  double w = 1;
  for (int k = mode; k > 0 && w > kNegligible; --k) {
    w *= departure(k, N, r) / A;
    c.total += w;
    if (k - 1 >= N) c.queue.push_back(w);  // pushed in reverse; fixed below
  }
  std::reverse(c.queue.begin(), c.queue.end());
  // If the walk stopped above N, the states N.. below it are negligible.
  if (mode > N && c.queue.size() < static_cast<size_t>(mode - N))
    c.queue.insert(c.queue.begin(), mode - N - c.queue.size(), 0.0);
  // The mode and upward.
  w = 1;
  for (int k = mode; w > kNegligible || k <= N; ++k) {
    c.total += w;
    if (k >= N) c.queue.push_back(w);
    w *= A / departure(k + 1, N, r);
  }
  for (size_t j = 0; j < c.queue.size(); ++j) {
    c.waiting += c.queue[j];
    c.queue_sum += j * c.queue[j];
  }
  return c;
}

// Σ_k Poisson(k; Λt) · (mass absorbed after k uniformised steps).
double answered_within(const std::vector<double>& start, int N, double r, double t) {
  const size_t J = start.size();
  if (J == 0 || t <= 0) return 0;
  const double lambda = N + J * r;
  const double mean = lambda * t;
  std::vector<double> x(start);  // x[m-1] = mass in state m (m ahead + self)
  double absorbed = 0, result = 0, cumulative = 0;
  for (long k = 0;; ++k) {
    const double pk = std::exp(-mean + k * std::log(mean) - std::lgamma(k + 1.0));
    cumulative += pk;
    result += pk * absorbed;
    if (k > mean && (pk < 1e-17 || cumulative > 1 - 1e-15)) break;
    absorbed += x[0] * (N + r) / lambda;
    for (size_t m = 0; m < J; ++m) {
      const double stay = 1 - (N + (m + 1) * r) / lambda;
      const double down = m + 1 < J ? x[m + 1] * (N + (m + 2) * r) / lambda : 0;
      x[m] = x[m] * stay + down;
    }
  }
  return result + (1 - cumulative) * absorbed;
}

}  // namespace

ErlangAResult erlang_a_metrics(double A, int N, double aht_s, double target_s, double patience_s) {
  assert(N >= 1 && aht_s > 0 && target_s >= 0 && patience_s > 0 && A >= 0);
  ErlangAResult out;
  out.agents = N;
  if (A <= 0) {
    out.p_wait = 0;
    out.service_level = 1;
    return out;
  }
  // An overloaded queue holds about (A−N)/r callers. Patience so long that
  // this exceeds kMaxQueue is treated as the patience that gives kMaxQueue
  // (documented limit; realistic centers are orders of magnitude below).
  const double r = std::max(aht_s / patience_s, (A - N) / kMaxQueue);
  const Chain c = stationary(A, N, r);
  out.p_wait = c.waiting / c.total;
  out.p_abandon = r * c.queue_sum / (A * c.total);
  out.mean_wait_s = c.queue_sum / (A * c.total) * aht_s;
  // Answered callers who waited: weight · N/(N+(j+1)r), and their mean wait.
  std::vector<double> answered(c.queue.size());
  double answered_wait = 0, sum_inv = 0;
  for (size_t j = 0; j < c.queue.size(); ++j) {
    const double rate = N + (j + 1) * r;
    sum_inv += 1 / rate;
    answered[j] = c.queue[j] * N / rate;
    answered_wait += answered[j] * sum_inv;
  }
  const double p_answered = 1 - out.p_abandon;
  out.asa_s = p_answered > 0 ? answered_wait / c.total / p_answered * aht_s : 0;
  const double immediate = 1 - out.p_wait;
  out.service_level = immediate + answered_within(answered, N, r, target_s / aht_s) / c.total;
  out.occupancy = std::min(1.0, A * p_answered / N);
  return out;
}

}  // namespace tamas::wfm
