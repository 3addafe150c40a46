// A roster for the simulator: who works, in which agent groups (the
// strategy gives groups their skills and queues), and when.
//
// CSV, one agent a line, with a header line:
//   agent,groups,shifts
//   ali,billing;sales,sat-wed 08:00-16:00;thu 08:00-12:00
//   sara,billing,* 12:00-20:00
//   night,support,22:00-06:00
// groups: ';'-separated agent-group ids of the strategy. shifts:
// ';'-separated "[days] HH:MM-HH:MM"; days are "*" (default), a weekday
// (sat, sun, mon, tue, wed, thu, fri), a range "sat-wed" or a comma list
// "sat,mon"; an end at or before the start means the shift ends the next
// day. An agent with no shifts works the whole simulated time. Blank lines
// and '#' comments are skipped. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "services/sim/simulator.h"

namespace tamas::services::sim {

struct ShiftRule {
  unsigned weekdays = 0x7f;              // bit d = weekday d (0 = Sunday .. 6 = Saturday)
  int start_minute = 0, end_minute = 0;  // end <= start: ends the next day
};

struct RosterAgent {
  std::string agent;
  std::vector<std::string> groups;
  std::vector<ShiftRule> shifts;  // empty = always on
  // YAML rosters only (roster_yaml.h): display name, skills that override
  // the groups' levels (1..5), capacity per channel (strategy channel ids),
  // and where the agent is written, for errors found later ("file:line").
  std::string name;
  std::vector<std::pair<std::string, int>> skills;
  std::vector<std::pair<std::string, int>> capacity;
  std::string where;
};

struct Roster {
  std::vector<RosterAgent> agents;
};

// Errors read "<file_name>:<line>: <message>".
Result<Roster> parse_roster_csv(std::string_view text, std::string_view file_name);

// The shifts of one agent over `days` simulated days, day 0 being weekday
// `first_weekday` (0 = Sunday); sorted, overlapping ones merged.
std::vector<Shift> expand_shifts(const std::vector<ShiftRule>& rules, int first_weekday, int days);

// Helpers shared by the input parsers. Weekdays: "*" or "" (all), "sat",
// "sat-wed" (wraps), "sat,mon"; bit d = weekday d. Clock: "HH:MM" (24:00
// allowed) as minutes after midnight.
Result<unsigned> parse_days(std::string_view text);
Result<int> parse_clock(std::string_view text);
std::vector<std::string_view> split(std::string_view s, char sep);
std::string_view trim(std::string_view s);

}  // namespace tamas::services::sim
