// Live statistics the engine keeps (pull-based snapshots). Counters cover the
// current stats day (ResetStats starts a new one); gauges are current.
#pragma once

#include <cstdint>

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
  Duration total_handle{0};    // talk + wrap-up of completed contacts
  double service_level = 1.0;  // answered_within / (answered + abandoned)
  Duration asa{0};             // average speed of answer
  Duration aht{0};             // average handle time (talk + wrap)
  double occupancy = 0;        // of serving agents: busy / available
};

struct AgentStats {
  std::int64_t handled = 0;  // contacts answered
  Duration talk_time{0};     // answered -> ended, summed per interaction
  Duration wrap_time{0};
  Duration ready_time{0};  // state time, by aggregate status
  Duration not_ready_time{0};
  Duration busy_time{0};  // reserved, busy or wrap-up
  double occupancy = 0;   // busy / (ready + busy)
};

}  // namespace tamas::engine
