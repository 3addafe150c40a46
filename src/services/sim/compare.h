// What-if: two configurations (strategy or roster changed) run on the same
// traffic. With common random numbers, replication i of A and of B use the
// same seed, so every contact arrives at the same instant with the same
// handle time and patience in both (simulator.h); the paired difference
// B - A then varies far less than the difference of independent runs and
// its confidence interval is correspondingly narrower.
#pragma once

#include "services/sim/simulator.h"

namespace tamas::services::sim {

struct Paired {
  Estimate a, b, diff;  // diff = B - A, per replication, then estimated
};

struct Comparison {
  int replications = 0;
  Paired service_level, asa_s, abandon_rate, occupancy;
  Summary a, b;
};

// common_random_numbers = false gives B its own seeds (for showing what CRN
// buys; a planner always wants true).
Result<Comparison> compare(const SimConfig& a, const SimConfig& b, int replications,
                           std::uint64_t seed, bool common_random_numbers = true);

}  // namespace tamas::services::sim
