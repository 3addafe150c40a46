#include "linear_scan.h"

namespace tamas::bench {

LinearScanWorld::LinearScanWorld(int n, bool object_model)
    : agents_(n), object_model_(object_model), queues_(kQueues) {
  std::vector<AgentPlan> plans = plan_agents(n);
  if (object_model_) {
    // Members allocated one by one in a shuffled order and linked in yet
    // another order, as a long-running server's heap and hash buckets are.
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    Lcg rng;
    for (int i = n - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
    members_.assign(n, nullptr);
    for (int i : order) members_[i] = new Agent;
    for (int i = n - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
    for (int i : order) {
      members_[i]->index = i;
      members_[i]->next = first_;
      first_ = members_[i];
    }
  }
  for (int i = 0; i < n; ++i) {
    Agent& a = agent(i);
    for (auto [s, lv] : plans[i].skills) a.levels[s] = static_cast<std::uint8_t>(lv);
    for (int q : plans[i].queues) a.queue_mask[q / 64] |= 1ull << (q % 64);
    a.available = true;
    arrive(plans[i].queues[0]);  // the fresh agent takes this call
  }
  Lcg rng;
  for (int i = 0; i < kWaiting; ++i) arrive(rng.below(kQueues));
}

LinearScanWorld::~LinearScanWorld() {
  for (Agent* a : members_) delete a;
}

int LinearScanWorld::scan_agents(int q) const {
  return object_model_ ? scan_objects(q) : scan_compact(q);
}

int LinearScanWorld::scan_objects(int q) const {
  int best = -1;
  std::int64_t best_idle = 0;
  for (Agent* a = first_; a; a = a->next) {
    a->refs.fetch_add(1, std::memory_order_acq_rel);  // ao2_iterator_next
    if (a->available && (a->queue_mask[q / 64] & (1ull << (q % 64))) && a->levels[q] >= 1 &&
        (best < 0 || a->idle_since < best_idle ||
         (a->idle_since == best_idle && a->index < best))) {
      best = a->index;
      best_idle = a->idle_since;
    }
    a->refs.fetch_sub(1, std::memory_order_acq_rel);  // ao2_ref(member, -1)
  }
  return best;
}

int LinearScanWorld::scan_compact(int q) const {
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
  int m = scan_agents(q);
  if (m >= 0) {
    agent(m).available = false;
    agent(m).contact = id;
  } else {
    queues_[q].push_back({id, now_});
  }
}

int LinearScanWorld::step() {
  Agent& a = agent(static_cast<int>(cursor_++ % agents_.size()));
  ++now_;
  a.available = true;  // call and wrap-up done
  a.idle_since = now_;
  int offers = 0;
  int q = best_queue_for(a);
  if (q >= 0) {
    int m = scan_agents(q);  // the head caller looks for the best member
    if (m >= 0) {
      agent(m).available = false;
      agent(m).contact = queues_[q].front().id;
      queues_[q].pop_front();
      ++offers;
      last_queue_ = q;
    }
  }
  arrive(last_queue_);
  return offers;
}

}  // namespace tamas::bench
