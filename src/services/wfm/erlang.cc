#include "services/wfm/erlang.h"

#include <cassert>
#include <cmath>
#include <limits>

#include "services/wfm/erlang_b_recursion.h"

namespace tamas::wfm {

ErlangBRecursion::ErlangBRecursion(double A, int first_n) : A_(A) {
  assert(A >= 0 && first_n >= 0);
  if (A > 144) {
    const double root = std::sqrt(A);
    const double m = std::min<double>(first_n, std::floor(A - 12 * root));
    const double start = std::floor(m - 6 * root);
    if (start > 0) {
      n_ = static_cast<int>(start);
      inverse_b_ = A / (A - start);
    }
  }
  while (n_ < first_n) advance();
}

void ErlangBRecursion::advance() {
  ++n_;
  // A == 0: B(n) = 0 for n >= 1.
  inverse_b_ = A_ > 0 ? 1 + (n_ / A_) * inverse_b_ : std::numeric_limits<double>::infinity();
}

double ErlangBRecursion::erlang_c() const {
  if (n_ <= A_) return 1;
  const double b = erlang_b();
  return n_ * b / (n_ - A_ * (1 - b));
}

double erlang_b(double A, int N) {
  return ErlangBRecursion(A, N).erlang_b();
}

double erlang_c(double A, int N) {
  return ErlangBRecursion(A, N).erlang_c();
}

ErlangCResult erlang_c_from(double A, int N, double p_wait, double aht_s, double target_s) {
  ErlangCResult r;
  r.agents = N;
  r.p_wait = p_wait;
  if (N <= A) {
    r.service_level = 0;
    r.asa_s = std::numeric_limits<double>::infinity();
    r.occupancy = 1;
    return r;
  }
  r.service_level = 1 - p_wait * std::exp(-(N - A) * target_s / aht_s);
  r.asa_s = p_wait * aht_s / (N - A);
  r.occupancy = A / N;
  return r;
}

ErlangCResult erlang_c_metrics(double A, int N, double aht_s, double target_s) {
  assert(N >= 1 && aht_s > 0 && target_s >= 0);
  return erlang_c_from(A, N, erlang_c(A, N), aht_s, target_s);
}

}  // namespace tamas::wfm
