// `tamas simulate` arguments and its scenario mode (strategy + roster +
// forecast traffic, optionally compared with a second strategy or roster
// on the same traffic with common random numbers). With --db the traffic
// is the interactions recorded in a tamas database (arrival instants,
// types, channels, handle times and patience), from --from to --to (local
// dates of the strategy's time zone, inclusive; default: all recorded).
// The roster is CSV or YAML by extension (services/sim/roster_yaml.h).
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
  // Replay mode: recorded interactions of a tamas database instead of
  // --traffic (the strategy defaults to the tenant's active version).
  std::string db, tenant, from, to;
};

// Exit codes: 0 ok, 2 bad input.
int run_scenario(const SimArgs& a);

}  // namespace tamas::app
