// Schedule adherence: an agent's actual states against the schedule.
//
// - Adherence: of the scheduled time in the window (every activity but
//   `off`), the share spent in the state the activity asks for. `work`
//   asks for being available or handling (ready, reserved, busy, wrap-up);
//   `break_` (breaks, lunch, prayer, training off the phones) asks for not
//   ready; `off` asks for logged out and is not counted as scheduled time.
// - Conformance: time logged in / time scheduled to be logged in (work and
//   breaks), whatever the timing; above 1 when the agent worked extra.
// - Out-of-adherence periods: maximal spans where the state does not match
//   (including unscheduled time spent logged in); spans shorter than
//   `grace` are forgiven (counted as adherent and not listed).
//
// Pure; instants are UTC. States before the first change are logged out.
#pragma once

#include <vector>

#include "core/time.h"

namespace tamas::wfm {

enum class Activity { work, break_, off };
enum class AgentState { logged_out, ready, reserved, busy, wrap_up, not_ready };

struct ScheduledActivity {
  Instant start, end;
  Activity activity = Activity::work;
};

struct StateChange {
  Instant at;
  AgentState state = AgentState::logged_out;
};

struct OutOfAdherence {
  Instant start, end;
  Activity expected = Activity::off;  // off also for unscheduled time
  AgentState actual = AgentState::logged_out;
};

struct AdherenceReport {
  double adherence = 0;    // 0..1; 0 when nothing was scheduled
  double conformance = 0;  // worked / scheduled to work
  Duration scheduled{0}, in_adherence{0}, worked{0};
  std::vector<OutOfAdherence> periods;
};

// REQUIRES: schedule activities do not overlap; changes sorted by time.
AdherenceReport adherence(const std::vector<ScheduledActivity>& schedule,
                          const std::vector<StateChange>& changes, Instant from, Instant to,
                          Duration grace = Duration{0});

}  // namespace tamas::wfm
