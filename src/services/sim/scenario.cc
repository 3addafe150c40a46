#include "services/sim/scenario.h"

#include <algorithm>

#include "engine/bridge/from_strategy.h"

namespace tamas::services::sim {
namespace {

// A YAML roster's own skills and capacities over what the groups give.
Status personalise(const strategy::Strategy& strategy, const RosterAgent& a,
                   const engine::EngineConfig& routing, engine::AgentLogin& login) {
  const std::string who = (a.where.empty() ? "" : a.where + ": ") + "agent '" + a.agent + "': ";
  for (const auto& [skill, level] : a.skills) {
    if (!strategy.index.skills.count(skill))
      return Error::invalid(who + "unknown skill '" + skill + "'");
    auto have = std::find_if(login.skills.begin(), login.skills.end(),
                             [&](const engine::AgentSkill& k) { return k.skill == skill; });
    if (have == login.skills.end()) {
      login.skills.push_back({skill, level});
    } else {
      have->level = level;
    }
  }
  if (a.capacity.empty()) return {};
  engine::CapacityProfile cap = routing.default_capacity;
  for (const auto& [channel, n] : a.capacity) {
    auto ch = engine::engine_channel(channel);
    if (!ch) return Error::invalid(who + "capacity: " + ch.error().message);
    cap.capacity[static_cast<std::size_t>(*ch)] = static_cast<std::uint8_t>(n);
  }
  login.capacity = cap;
  return {};
}

}  // namespace

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
    if (!login)
      return Error::invalid((a.where.empty() ? "" : a.where + ": ") + "roster agent '" + a.agent +
                            "': " + login.error().message);
    if (Status st = personalise(strategy, a, c.routing, *login); !st) return st.error();
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
