// Which statistics changed: a flag per queue, agent and SLO plus the list of
// flagged refs, set as each event is emitted (every event names what it
// changed: Core::emit) and explicitly where a change has no event of its own.
#include "engine/detail/core.h"

namespace tamas::engine::detail {

StatsChanges Core::take_changes() {
  StatsChanges out;
  for (Ref q : dirty_queues_) out.queues.push_back(queues_[q].id);
  for (Ref a : dirty_agents_) out.agents.push_back(agents_[a].id);
  for (Ref s : dirty_slos_) out.slos.push_back(slos_[s].config.id);
  for (Ref q : dirty_queues_) queue_dirty_[q] = 0;
  for (Ref a : dirty_agents_) agent_dirty_[a] = 0;
  for (Ref s : dirty_slos_) slo_dirty_[s] = 0;
  dirty_queues_.clear();
  dirty_agents_.clear();
  dirty_slos_.clear();
  return out;
}

}  // namespace tamas::engine::detail
