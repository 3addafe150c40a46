// A roster in YAML (JSON is valid YAML), richer than the CSV of roster.h:
//
//   agents:
//     - id: ali                      # the engine's agent id, unique
//       name: Ali Rezaei             # optional
//       groups: [frontline]          # agent groups of the strategy (>= 1)
//       skills: {sales: 4}           # optional: overrides the groups' levels, 1..5
//       capacity: {chat: 3, voice: 1}  # optional: concurrent contacts per channel
//       shifts:                      # optional: none = on for the whole run
//         - days: sat-wed            # "*", a day, a range, "sat,mon" or a list
//           hours: "08:00-16:00"     # an end at or before the start: next day
//           breaks: ["12:00-12:30"]  # inside the shift; the agent is off
//
// Validated strictly: an unknown key, a missing field or a bad value is an
// error "<file>:<line>:<col>: agents[i].field: message". Breaks split a
// shift into working pieces (so the simulator logs the agent out for the
// break). Whether groups, skills and channels exist in the strategy is
// checked when the scenario is built (scenario.h), naming file:line from
// RosterAgent::where. Pure.
#pragma once

#include <string_view>

#include "core/result.h"
#include "services/sim/roster.h"

namespace tamas::services::sim {

Result<Roster> parse_roster_yaml(std::string_view text, std::string_view file_name);

// By extension: ".yaml"/".yml"/".json" as YAML, anything else as CSV.
Result<Roster> parse_roster(std::string_view text, std::string_view file_name);

}  // namespace tamas::services::sim
