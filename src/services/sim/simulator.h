// A discrete-event simulator whose routing is the real engine (the same
// code the server runs): simulated time goes in, the engine decides.
//
// The model: contacts arrive per traffic stream as Poisson processes (a
// constant rate, or a rate per interval); each contact carries a handle time
// (exponential or lognormal around the stream's AHT), a wrap-up time and,
// if the stream has a patience, an exponential patience. An offered contact
// is accepted at once; a contact still waiting when its patience expires
// abandons. Agents log in at their shift start and out at its end.
//
// Common random numbers: everything about a contact (its arrival gap, handle
// time, patience) is drawn when it arrives from its traffic stream's own
// random stream, derived from (seed, stream number). Two configurations run
// with the same seed therefore see exactly the same contacts.
//
// Events: the simulator counts every entry its calendar processes: arrivals,
// service completions, wrap-up ends, patience expiries (including those of
// contacts already answered, which are popped and discarded), shift starts
// and ends and engine timer wake-ups. Events the engine emits in reply
// (offer, answered, state changes, ...) are not counted.
//
// Single-threaded; pure apart from the seed passed in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "engine/command.h"
#include "engine/config.h"

namespace tamas::services::sim {

enum class HandleDist : std::uint8_t { exponential, lognormal };

// One contact replayed as it happened (offsets from time 0).
struct RecordedContact {
  Duration arrival{0};
  Duration handle{0};    // talk time once answered
  Duration patience{0};  // 0 = waits as long as needed
};

struct Traffic {
  std::string queue;  // forced queue; empty = routed by the strategy's rules
  engine::Channel channel = engine::Channel::voice;
  double arrivals_per_hour = 0;  // used when interval_per_hour is empty
  Duration aht{std::chrono::seconds(180)};
  Duration patience{0};                   // mean; 0 = never abandons
  std::string type;                       // contact type the rules see
  std::vector<double> interval_per_hour;  // rate per SimConfig::interval from time 0
  HandleDist handle = HandleDist::exponential;
  double handle_cv = 1.0;  // lognormal: sd / mean
  Duration wrapup{0};      // after-contact work per contact
  std::string label;       // reported name; defaults to queue or type
  // Non-empty: replay these contacts (sorted by arrival) instead of drawing
  // Poisson arrivals, handle times and patience.
  std::vector<RecordedContact> recorded;
};

// An agent's working time: logged in and ready from `start` to `end`
// (offsets from time 0). An agent with no shifts works the whole run.
struct Shift {
  Duration start{0}, end{0};
};

struct SimConfig {
  engine::EngineConfig routing;
  std::vector<engine::AgentLogin> agents;  // ready at time 0 unless shifts say otherwise
  std::vector<std::vector<Shift>> shifts;  // by agent index; empty = always on
  std::vector<Traffic> traffic;
  Duration length{std::chrono::hours(8)};     // simulated time per replication
  Duration warmup{std::chrono::minutes(30)};  // contacts arriving earlier are not counted
  Duration sl_threshold{std::chrono::seconds(20)};
  bool sl_per_queue = false;  // threshold of the answering queue instead of sl_threshold
  Duration interval{std::chrono::minutes(30)};  // reporting (and rate) interval
};

struct QueueResult {
  std::string queue;
  std::int64_t offered = 0, answered = 0, abandoned = 0, answered_in_target = 0;
  std::int64_t unserved = 0;  // closed / no agents / full: ended by a fallback
  double service_level = 0;   // answered within target / offered (counted contacts)
  double asa_s = 0;           // mean wait of answered contacts
  double abandon_rate = 0;
  double wait_sum_ms = 0;
};

struct AgentResult {
  std::string agent;
  double utilisation = 0;  // handling + wrap-up time / its logged-in time in the window
};

struct RunResult {
  std::vector<QueueResult> queues;    // by traffic stream
  std::vector<QueueResult> by_queue;  // by engine queue (routing.queues order): per SLO
  QueueResult total;
  std::vector<QueueResult> intervals;  // all streams, by arrival interval
  std::vector<AgentResult> agents;
  double occupancy = 0;  // busy agent-time / logged-in agent-time
  std::int64_t engine_commands = 0;
  std::int64_t events = 0;     // calendar events processed (see above)
  std::int64_t customers = 0;  // contacts generated (warm-up included)
};

// One replication with the given seed.
Result<RunResult> simulate(const SimConfig& config, std::uint64_t seed);

struct Estimate {
  double mean = 0;
  double half_width = 0;  // 95% confidence half-width over replications
};
Estimate estimate(const std::vector<double>& xs);

struct Summary {
  int replications = 0;
  Estimate service_level, asa_s, abandon_rate, occupancy;
  std::int64_t engine_commands = 0;
  std::int64_t events = 0, customers = 0;
  std::vector<RunResult> runs;  // each replication, in seed order
};

// `replications` runs with seeds seed, seed+1, ...
Result<Summary> simulate_replications(const SimConfig& config, int replications,
                                      std::uint64_t seed);

// A single-queue, single-skill M/M/N center (N identical agents).
SimConfig mmn(int agents, double arrivals_per_hour, Duration aht, Duration patience,
              Duration length, Duration sl_threshold);

}  // namespace tamas::services::sim
