#include "services/sim/scenario.h"

#include "engine/bridge/from_strategy.h"

namespace tamas::services::sim {

Result<SimConfig> scenario_config(const strategy::Strategy& strategy, const Roster& roster,
                                  std::vector<Traffic> traffic, const ScenarioOptions& options) {
  if (options.days < 1) return Error::invalid("simulate at least one day");
  if (options.first_weekday < 0 || options.first_weekday > 6)
    return Error::invalid("weekday out of range");
  SimConfig c;
  auto routing = engine::engine_config_from(strategy);
  if (!routing) return routing.error();
  c.routing = std::move(routing).value();
  c.sl_per_queue = true;
  bool any_shift = false;
  for (const RosterAgent& a : roster.agents) any_shift |= !a.shifts.empty();
  for (const RosterAgent& a : roster.agents) {
    auto login = engine::agent_login_from(strategy, a.agent, a.groups, true);
    if (!login) return Error::invalid("roster agent '" + a.agent + "': " + login.error().message);
    c.agents.push_back(std::move(login).value());
    if (!any_shift) continue;
    if (a.shifts.empty()) {
      c.shifts.push_back({Shift{Duration{0}, std::chrono::hours(24 * options.days)}});
    } else {
      c.shifts.push_back(expand_shifts(a.shifts, options.first_weekday, options.days));
    }
  }
  c.traffic = std::move(traffic);
  c.length = std::chrono::hours(24 * options.days);
  c.warmup = options.warmup;
  c.interval = options.interval;
  return c;
}

}  // namespace tamas::services::sim
