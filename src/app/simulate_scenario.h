// `tamas simulate` arguments and its scenario mode (strategy + roster +
// forecast traffic, optionally compared with a second strategy or roster
// on the same traffic with common random numbers).
#pragma once

#include <cstdint>
#include <string>

namespace tamas::app {

struct SimArgs {
  int agents = 0;
  std::string volume, interval = "30m", aht, target = "80/20s", patience, hours = "8";
  int replications = 10;
  std::uint64_t seed = 1;
  bool json = false;
  // Scenario mode.
  std::string strategy, roster, traffic, compare, compare_roster;
  int days = 1;
  std::string first_day = "sat", warmup = "0";
};

// Exit codes: 0 ok, 2 bad input.
int run_scenario(const SimArgs& a);

}  // namespace tamas::app
