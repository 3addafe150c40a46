// Shift scheduling: choose how many agents work each shift variant over a
// week so that the staffing requirement of every interval is covered at
// minimum cost. An integer program solved with GLPK (branch and cut,
// time-limited).
//
// Model (a tour-scheduling model; see docs/wfm.md):
//   variant v = (template, start time, placement of each break, set of
//               working days); the agent starts at the same time each
//               working day and takes the breaks at the same times.
//   x_v ∈ ℤ≥0   agents on variant v;  u_i ≥ 0  under-staffing of interval i
//   min Σ cost_v·x_v + penalty·Σ u_i
//   s.t. Σ_v a_{v,i}·x_v + u_i ≥ required_i     for every interval i
//        Σ_{v in group g} x_v ≤ max_agents_g    for capped groups
//   a_{v,i} is the share of interval i the agent works (breaks shorter than
//   an interval count as a fraction). cost_v = group's cost per hour × paid
//   hours (shift length, breaks paid, × working days). The penalty (1000 ×
//   the dearest hourly cost × interval length) makes coverage effectively
//   hard while keeping the program feasible when caps make it impossible.
//
// Thread-safety: GLPK keeps per-thread state; call from one thread at a time
// per process unless GLPK was built thread-safe. Pure otherwise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"

namespace tamas::wfm {

struct BreakRule {
  std::string name;  // "lunch", "prayer", "break"
  int length_min = 30;
  // The break's start lies in [earliest_min, latest_min]: minutes after the
  // shift's start when `relative`, else minutes after local midnight.
  int earliest_min = 0;
  int latest_min = 0;
  bool relative = true;
};

struct AgentGroup {
  std::string name;
  double cost_per_hour = 0;
  std::optional<int> max_agents;
};

struct ShiftTemplate {
  std::string name;
  std::string group;
  int earliest_start_min = 480;  // minutes after midnight
  int latest_start_min = 480;
  int length_min = 480;  // start + length <= 24 h (no overnight shifts)
  std::vector<BreakRule> breaks;
  std::vector<int> weekdays;  // 0 = Sunday .. 6 = Saturday; default Sat–Thu
  int work_days = 0;          // work this many of `weekdays`; 0 = all of them
};

struct ShiftConfig {
  std::vector<AgentGroup> groups;
  std::vector<ShiftTemplate> shifts;
};

// Agents needed on the phones per interval of local time, whole days.
struct Requirements {
  CivilDate first_day;
  int interval_minutes = 30;
  std::vector<double> required;  // days × (1440 / interval_minutes)
  int days() const { return static_cast<int>(required.size()) / (1440 / interval_minutes); }
};

struct ScheduleOptions {
  double time_limit_s = 50;
  double mip_gap = 0.01;  // relative gap at which branch and cut stops
  int max_variants = 200000;
};

struct ShiftAssignment {
  std::string shift;
  std::string group;
  int start_minute = 0;
  std::vector<int> break_starts;  // minutes after midnight, one per break rule
  std::vector<int> days;          // indexes into the requirement's days
  int agents = 0;
  double cost = 0;
};

struct ScheduleResult {
  std::vector<ShiftAssignment> assignments;  // only variants with agents > 0
  std::vector<double> required;              // per interval, as given
  std::vector<double> scheduled;             // agents on the phones per interval
  int total_agents = 0;
  double budget = 0;     // Σ cost of the assignments
  double under = 0;      // Σ max(0, required − scheduled), agent-intervals
  double over = 0;       // Σ max(0, scheduled − required)
  bool optimal = false;  // proven within mip_gap before the time limit
  double lp_bound = 0;   // LP relaxation: no schedule costs less (incl. penalties)
  int variants = 0;      // size of the integer program
};

Result<ScheduleResult> schedule_shifts(const Requirements& req, const ShiftConfig& config,
                                       const ScheduleOptions& options = {});

}  // namespace tamas::wfm
