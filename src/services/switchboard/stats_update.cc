#include "services/switchboard/stats_update.h"

namespace tamas::services {

StatsUpdate collect_stats(const engine::Engine& engine, const engine::StatsChanges& changes) {
  StatsUpdate u;
  u.at = engine.now();
  for (const auto& id : changes.queues) {
    if (auto s = engine.queue_stats(id)) u.queues.push_back({id, *s});
  }
  for (const auto& id : changes.agents) {
    if (auto s = engine.agent_stats(id)) u.agents.push_back({id, *s});
  }
  for (const auto& id : changes.slos) {
    if (auto s = engine.slo_stats(id)) u.slos.push_back(std::move(*s));
  }
  return u;
}

}  // namespace tamas::services
