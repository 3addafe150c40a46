// A day's schedule per agent, as planners publish it for adherence, and
// the adherence report of a whole day (every scheduled or logged-in agent).
//
// Schedule file (YAML; JSON is valid YAML), validated strictly:
//   agents:
//     - agent: ali               # the engine's agent id (username)
//       shift: "08:00-16:00"     # local wall-clock time; "22:00-06:00"
//                                #   is a night shift ending the next day
//       breaks: ["12:00-12:30"]  # optional; inside the shift, in order
// Errors read "<file>:<line>:<col>: agents[i].field: message".
//
// Times are minutes from the local midnight of the day (past 1440 for the
// part of a night shift after midnight); the caller gives
// the day's first instant (Iran has no daylight saving since 2022, so a
// day is 24 hours). Pure.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "services/wfm/adherence.h"

namespace tamas::wfm {

struct AgentDaySchedule {
  std::string agent;
  int start_min = 0, end_min = 0;           // the shift
  std::vector<std::pair<int, int>> breaks;  // [start, end) minutes, sorted
};

struct DaySchedule {
  std::vector<AgentDaySchedule> agents;
};

Result<DaySchedule> parse_day_schedule(std::string_view text, std::string_view file_name);

// The agent's activities as instants (work pieces and breaks).
std::vector<ScheduledActivity> activities_of(const AgentDaySchedule& a, Instant day_start);

// "ready" -> AgentState::ready, ...; the names the engine reports.
Result<AgentState> parse_agent_state(std::string_view name);
const char* state_name(AgentState s);

struct AgentStateSample {
  std::string agent;
  AgentState state = AgentState::logged_out;
  Instant at;
};

inline constexpr int kAgentStateCount = 6;

struct AgentDayAdherence {
  std::string agent;
  bool scheduled = false;
  Duration scheduled_work{0}, scheduled_break{0};
  std::array<Duration, kAgentStateCount> actual{};  // by AgentState, within the day
  AdherenceReport report;  // periods: the exceptions (each at least `grace` long)
};

// Every agent of the day's schedule and of the previous day's (whose night
// shifts run into this day), then every other agent seen logged in during
// the day, by agent id. A day is [day_start, day_start + 24h): a night shift
// counts in each day for the part inside it. `changes` sorted by time (the
// state before the day may come first, earlier than day_start). Spans
// shorter than `grace` are forgiven (wfm::adherence). Actual states and
// adherence run to `until` (now, for today) or the end of the day,
// whichever is first; scheduled minutes are the whole day's plan.
std::vector<AgentDayAdherence> day_adherence(const DaySchedule& schedule,
                                             const DaySchedule& previous_day,
                                             const std::vector<AgentStateSample>& changes,
                                             Instant day_start, Duration grace,
                                             Instant until = Instant::max());

// One JSON object: {"day", "grace_minutes", "agents":[{"agent", "scheduled",
// "scheduled_minutes":{"work","break"}, "actual_minutes":{state: minutes},
// "adherence", "conformance", "exceptions":[{"start","end","minutes",
// "expected","actual"}]}]}; times "HH:MM" local.
std::string day_adherence_json(const std::string& day, Duration grace,
                               const std::vector<AgentDayAdherence>& rows, Instant day_start);

}  // namespace tamas::wfm
