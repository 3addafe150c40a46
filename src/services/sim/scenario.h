// A simulation scenario from the planner's files: the strategy (routing,
// through the same engine_config_from the server uses), a roster (agents,
// groups, shifts) and traffic streams (e.g. parse_traffic_csv).
//
// Service level is measured per contact against the threshold of the queue
// that answered it (the strategy's SLO for that queue), so results per
// queue are results per SLO.
#pragma once

#include <vector>

#include "core/result.h"
#include "services/sim/roster.h"
#include "services/sim/simulator.h"
#include "strategy/model.h"

namespace tamas::services::sim {

struct ScenarioOptions {
  int days = 1;           // simulated days; day 0 starts at 00:00 of first_weekday
  int first_weekday = 6;  // 0 = Sunday .. 6 = Saturday (the Iranian week starts Saturday)
  Duration warmup{0};
  Duration interval{std::chrono::minutes(30)};
};

Result<SimConfig> scenario_config(const strategy::Strategy& strategy, const Roster& roster,
                                  std::vector<Traffic> traffic, const ScenarioOptions& options);

}  // namespace tamas::services::sim
