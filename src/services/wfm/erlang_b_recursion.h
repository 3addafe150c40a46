// Incremental Erlang B: walks n = first_n, first_n+1, ... in O(1) per step,
// so a staffing search pays for the recursion once, not once per candidate.
// See erlang.h for the method and its accuracy. A value type; not shared.
#pragma once

#include "services/wfm/erlang.h"

namespace tamas::wfm {

class ErlangBRecursion {
 public:
  // Positioned at n = first_n. REQUIRES: A >= 0, first_n >= 0.
  ErlangBRecursion(double A, int first_n);

  int n() const { return n_; }
  void advance();  // n -> n + 1

  double erlang_b() const { return 1 / inverse_b_; }
  double erlang_c() const;  // 1 when n <= A

 private:
  double A_;
  int n_ = 0;
  double inverse_b_ = 1;  // 1 / B(A, n)
};

// Erlang C metrics from an already known P(wait) (used by the solver).
ErlangCResult erlang_c_from(double A, int N, double p_wait, double aht_s, double target_s);

}  // namespace tamas::wfm
