#include "linear_scan.h"

namespace tamas::bench {

LinearScanWorld::LinearScanWorld(int n) : agents_(n), queues_(kQueues) {
  std::vector<AgentPlan> plans = plan_agents(n);
  for (int i = 0; i < n; ++i) {
    Agent& a = agents_[i];
    for (auto [s, lv] : plans[i].skills) a.levels[s] = static_cast<std::uint8_t>(lv);
    for (int q : plans[i].queues) a.queue_mask[q / 64] |= 1ull << (q % 64);
    a.available = true;
    arrive(plans[i].queues[0]);  // the fresh agent takes this call
  }
  Lcg rng;
  for (int i = 0; i < kWaiting; ++i) arrive(rng.below(kQueues));
}

int LinearScanWorld::scan_agents(int q) const {
  int best = -1;
  std::int64_t best_idle = 0;
  for (std::size_t i = 0; i < agents_.size(); ++i) {
    const Agent& a = agents_[i];
    if (!a.available || !(a.queue_mask[q / 64] & (1ull << (q % 64))) || a.levels[q] < 1) continue;
    if (best < 0 || a.idle_since < best_idle) {
      best = static_cast<int>(i);
      best_idle = a.idle_since;
    }
  }
  return best;
}

int LinearScanWorld::best_queue_for(const Agent& a) const {
  int best = -1;
  std::uint32_t best_id = 0;
  for (int q = 0; q < kQueues; ++q) {
    if (!(a.queue_mask[q / 64] & (1ull << (q % 64))) || queues_[q].empty()) continue;
    if (best < 0 || queues_[q].front().id < best_id) {
      best = q;
      best_id = queues_[q].front().id;
    }
  }
  return best;
}

void LinearScanWorld::arrive(int q) {
  std::uint32_t id = next_contact_++;
  int agent = scan_agents(q);
  if (agent >= 0) {
    agents_[agent].available = false;
    agents_[agent].contact = id;
  } else {
    queues_[q].push_back({id, now_});
  }
}

int LinearScanWorld::step() {
  Agent& a = agents_[cursor_++ % agents_.size()];
  ++now_;
  a.available = true;  // call and wrap-up done
  a.idle_since = now_;
  int offers = 0;
  int q = best_queue_for(a);
  if (q >= 0) {
    int agent = scan_agents(q);  // the head caller looks for the best member
    if (agent >= 0) {
      agents_[agent].available = false;
      agents_[agent].contact = queues_[q].front().id;
      queues_[q].pop_front();
      ++offers;
      last_queue_ = q;
    }
  }
  arrive(last_queue_);
  return offers;
}

}  // namespace tamas::bench
