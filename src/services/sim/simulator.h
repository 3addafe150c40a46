// A discrete-event simulator whose routing is the real engine (the same
// code the server runs): simulated time goes in, the engine decides.
//
// The model: contacts arrive per queue as Poisson processes; an offered
// contact is accepted at once; talk time is exponential with the queue's
// AHT; a waiting contact abandons after an exponential patience (if given);
// wrap-up is instant. Everything is driven by one seeded RNG, so a run is
// reproducible and two configurations can share random numbers.
//
// Single-threaded and pure apart from the RNG passed in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "engine/command.h"
#include "engine/config.h"

namespace tamas::services::sim {

struct Traffic {
  std::string queue;
  engine::Channel channel = engine::Channel::voice;
  double arrivals_per_hour = 0;
  Duration aht{std::chrono::seconds(180)};
  Duration patience{0};  // 0 = never abandons
};

struct SimConfig {
  engine::EngineConfig routing;
  std::vector<engine::AgentLogin> agents;  // logged in and ready at time 0
  std::vector<Traffic> traffic;
  Duration length{std::chrono::hours(8)};  // simulated time per replication
  Duration warmup{std::chrono::minutes(30)};  // contacts arriving earlier are not counted
  Duration sl_threshold{std::chrono::seconds(20)};
};

struct QueueResult {
  std::string queue;
  std::int64_t offered = 0, answered = 0, abandoned = 0, answered_in_target = 0;
  double service_level = 0;  // answered within target / offered (counted contacts)
  double asa_s = 0;          // mean wait of answered contacts
  double abandon_rate = 0;
};

struct RunResult {
  std::vector<QueueResult> queues;
  QueueResult total;
  double occupancy = 0;       // busy agent-time / logged-in agent-time
  std::int64_t engine_commands = 0;
};

// One replication with the given seed.
Result<RunResult> simulate(const SimConfig& config, std::uint64_t seed);

struct Estimate {
  double mean = 0;
  double half_width = 0;  // 95% confidence half-width over replications
};

struct Summary {
  int replications = 0;
  Estimate service_level, asa_s, abandon_rate, occupancy;
  std::int64_t engine_commands = 0;
};

// `replications` runs with seeds seed, seed+1, ...
Result<Summary> simulate_replications(const SimConfig& config, int replications, std::uint64_t seed);

// A single-queue, single-skill M/M/N center (N identical agents).
SimConfig mmn(int agents, double arrivals_per_hour, Duration aht, Duration patience,
              Duration length, Duration sl_threshold);

}  // namespace tamas::services::sim
