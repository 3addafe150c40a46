// Staffing: the fewest agents that meet a service objective for one interval
// (Erlang C, or Erlang A when a mean patience is given), the plan for a whole
// day of many queues, and staffing of deferred work (email, web forms).
//
// All functions are pure and thread-safe. Invalid input is reported as an
// Error (invalid_argument) with a message fit for the user.
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"

namespace tamas::wfm {

struct StaffingRequest {
  double volume = 0;                    // contacts offered in the interval
  double interval_s = 1800;             // interval length
  double aht_s = 180;                   // average handle time
  double target_fraction = 0.8;         // service level objective, e.g. 0.8 of calls...
  double target_s = 20;                 // ...answered within this many seconds
  std::optional<double> max_asa_s;      // optional: ASA must not exceed
  std::optional<double> occupancy_cap;  // optional: occupancy must not exceed (0, 1]
  double shrinkage = 0;                 // [0, 1): share of paid time not on the phones
  std::optional<double> patience_s;     // set: Erlang A with this mean patience

  double load() const { return volume * aht_s / interval_s; }  // Erlangs
};

struct StaffingResult {
  int agents = 0;     // agents on the phones
  int scheduled = 0;  // ceil(agents / (1 − shrinkage))
  double load = 0;    // offered load in Erlangs
  double service_level = 0;
  double p_wait = 0;
  double asa_s = 0;  // +inf when the queue is unstable (Erlang C, N <= A)
  double occupancy = 0;
  std::optional<double> abandon_rate;  // Erlang A only
};

Status validate(const StaffingRequest& req);

// The smallest N meeting every objective in `req`. Service level, ASA and
// occupancy improve monotonically with N, so the first N that meets all of
// them is the answer. Erlang C walks N upward from max(⌊A⌋+1, A/cap) with the
// Erlang B recursion advanced one step per candidate; Erlang A bisects.
Result<StaffingResult> solve_staffing(const StaffingRequest& req);

// The figures for a given number of agents on the phones.
Result<StaffingResult> evaluate_staffing(const StaffingRequest& req, int agents);

// A day plan: requests[q][i] is queue q in interval i. Same shape out.
Result<std::vector<std::vector<StaffingResult>>> plan_day(
    const std::vector<std::vector<StaffingRequest>>& requests);

// Deferred work (email, web form), a work-conserving fluid model: agents
// serve the queue FIFO without idling while work is waiting. Over the
// interval, arrivals need arrival_rate·AHT agents to keep up, and the backlog
// present at the start must be cleared within the response target, which
// needs backlog·AHT/response_target more. So
//   agents = ceil((arrivals/interval + backlog/response_target)·AHT / cap)
// where cap is the occupancy cap (1 when unset), and then shrinkage applies.
struct DeferredRequest {
  double arrivals = 0;  // items arriving during the interval
  double backlog = 0;   // items waiting at the start
  double interval_s = 1800;
  double aht_s = 600;
  double response_target_s = 4 * 3600;  // every item answered within this
  std::optional<double> occupancy_cap;
  double shrinkage = 0;
};

struct DeferredResult {
  int agents = 0;
  int scheduled = 0;
  double workload_s = 0;  // handle time to do in the interval
};

Result<DeferredResult> staff_deferred(const DeferredRequest& req);

// ceil(agents / (1 − shrinkage)), guarding against 0.9999… rounding up.
int scheduled_agents(int agents, double shrinkage);

}  // namespace tamas::wfm
