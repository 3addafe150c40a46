// Workforce-management records (migration 0006): the agents' state history
// and the schedules planners publish per day. The shared contract of
// repositories.h applies (tenant scoping, error codes, one thread at a time).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/records.h"

namespace tamas::store {

// One agent state change as the engine reported it.
struct AgentStateChange {
  TenantId tenant = 0;
  std::string agent;   // the engine's agent id (username)
  std::string state;   // logged_out, ready, not_ready, reserved, busy, wrap_up
  std::string reason;  // not-ready reason, "" when none
  Instant at{};
};

// A day's schedule as published (JSON; docs/wfm.md, "Adherence").
struct PublishedSchedule {
  TenantId tenant = 0;
  std::string day;  // local date YYYY-MM-DD
  std::string schedule_json = "{}";
  Instant updated_at{};
  std::string updated_by;
};

class WorkforceRepository {
 public:
  virtual ~WorkforceRepository() = default;
  // invalid_argument for an unknown state or an empty agent.
  virtual Status record_state(const AgentStateChange& c) = 0;
  // What the agents did in [from, to): for each agent its last change
  // before `from` (its state when the window opens), then every change in
  // the window; ordered by time, then by insertion order.
  virtual Result<std::vector<AgentStateChange>> state_history(TenantId tenant, Instant from,
                                                              Instant to) = 0;
  // Creates or replaces the day's schedule (invalid_argument: bad JSON).
  virtual Status put_schedule(const PublishedSchedule& s) = 0;
  // not_found when nothing was published for the day.
  virtual Result<PublishedSchedule> schedule(TenantId tenant, const std::string& day) = 0;
};

}  // namespace tamas::store
