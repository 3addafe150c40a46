// Live statistics the engine keeps (pull-based snapshots). Counters cover the
// current stats day (ResetStats starts a new one); gauges are current.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/time.h"

namespace tamas::engine {

struct QueueStats {
  int waiting = 0;           // gauge
  Duration longest_wait{0};  // gauge: oldest waiting contact
  int serving_agents = 0;    // gauge: logged-in agents serving the queue
  std::int64_t offered = 0;  // contacts that entered the queue
  std::int64_t answered = 0;
  std::int64_t abandoned = 0;
  std::int64_t answered_within = 0;  // wait <= sl_threshold
  std::int64_t overflowed = 0;       // moved out to another queue
  std::int64_t fallback = 0;         // closed / no agents / full actions
  std::int64_t completed = 0;        // handled and ended
  Duration total_wait_answered{0};
  Duration total_handle{0};    // talk + hold + wrap-up of completed contacts
  Duration total_hold{0};      // hold part of total_handle
  double service_level = 1.0;  // answered_within / (answered + abandoned)
  Duration asa{0};             // average speed of answer
  Duration aht{0};             // average handle time (talk + hold + wrap)
  double occupancy = 0;        // of serving agents: busy / available
};

struct AgentStats {
  std::int64_t handled = 0;  // contacts answered
  Duration talk_time{0};     // answered -> ended minus hold, per interaction
  Duration hold_time{0};     // on hold, per interaction
  Duration wrap_time{0};
  Duration ready_time{0};  // state time, by aggregate status
  Duration not_ready_time{0};
  Duration busy_time{0};  // reserved, busy or wrap-up
  double occupancy = 0;   // busy / (ready + busy)
};

// Figures of one SLO, overall or restricted to one queue or one agent.
// Waits are measured from the contact's arrival (the customer's wait, across
// overflows and transfers), against the SLO's threshold.
// - Overall: `offered` counts contacts once (when first queued); answered,
//   abandoned and handle figures count where they happened.
// - Queue rows: `offered` counts entries into that queue; `waiting` and
//   `longest_wait` are the SLO's contacts waiting there.
// - Agent rows: answered, handle and hold figures of the agent's own
//   contacts; `occupancy` = handle time of completed contacts of the SLO /
//   the agent's ready + busy time. Waiting figures are 0 (they do not apply).
struct SloFigures {
  int waiting = 0;           // gauge
  Duration longest_wait{0};  // gauge
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t abandoned = 0;
  std::int64_t answered_within = 0;
  std::int64_t completed = 0;  // handled and wrapped up
  Duration total_wait_answered{0};
  Duration total_handle{0};  // talk + hold + wrap-up
  Duration total_hold{0};
  double service_level = 1.0;  // answered_within / (answered + abandoned)
  Duration asa{0};
  Duration aht{0};
  double occupancy = 0;  // agent rows only
};

struct SloStats {
  std::string slo;
  Duration threshold{0};
  double target = 0;
  SloFigures total;
  // Rows with any activity today, in queue config order / agent login order.
  std::vector<std::pair<std::string, SloFigures>> by_queue;
  std::vector<std::pair<std::string, SloFigures>> by_agent;
};

// Which statistics changed since the last Engine::take_stats_changes():
// names of queues, agents and SLOs, each at most once. Time-driven gauges
// (longest wait, occupancy) move without marking anything.
struct StatsChanges {
  std::vector<std::string> queues, agents, slos;
  bool empty() const { return queues.empty() && agents.empty() && slos.empty(); }
};

}  // namespace tamas::engine
