// Which statistics changed: a flag per queue, agent and SLO plus the list of
// flagged refs, set from the events of each apply (every event names what it
// changed) and explicitly where a change has no event of its own.
#include "engine/detail/core.h"

namespace tamas::engine::detail {

void Core::grow_mark(std::vector<std::uint8_t>& flags, std::vector<Ref>& list, Ref r) {
  flags.resize(r + 1, 0);
  flags[r] = 1;
  list.push_back(r);
}

// Events from index `from` of out_: their queues, agents and the SLO of
// their contact changed. Usually all of them are marked already (flags stay
// set until take_stats_changes()): that case only tests flags, from local
// copies of the tables (mark() may grow them, so they are reloaded after it).
void Core::mark_events(std::size_t from) {
  const std::uint8_t* qf = queue_dirty_.data();
  const std::uint8_t* af = agent_dirty_.data();
  std::size_t nq = queue_dirty_.size(), na = agent_dirty_.size();
  const bool slos = !slos_.empty();
  for (std::size_t i = from; i < out_.size(); ++i) {
    const Event& e = out_[i];
    const bool marked = (e.queue == kNoRef || (e.queue < nq && qf[e.queue])) &&
                        (e.queue2 == kNoRef || (e.queue2 < nq && qf[e.queue2])) &&
                        (e.agent == kNoRef || (e.agent < na && af[e.agent])) &&
                        (!slos || e.contact == kNoRef);
    if (marked) continue;
    mark_queue(e.queue);
    mark_queue(e.queue2);
    mark_agent(e.agent);
    if (e.contact != kNoRef && slos) mark_slo(contacts_[e.contact].slo);
    qf = queue_dirty_.data();
    af = agent_dirty_.data();
    nq = queue_dirty_.size();
    na = agent_dirty_.size();
  }
}

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
