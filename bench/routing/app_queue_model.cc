#include "app_queue_model.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tamas::bench {

AppQueueWorld::AppQueueWorld(int n) : queues_(kQueues), by_agent_(n), agents_(n) {
  std::vector<AgentPlan> plans = plan_agents(n);
  // Members are allocated agent by agent (as they log in) and sit in each
  // queue's container in that order.
  for (int i = 0; i < n; ++i) {
    char name[80];
    std::snprintf(name, sizeof name, "PJSIP/agent%d", i);
    devices_[name] = Device{};
    for (int q : plans[i].queues) {
      auto* m = new Member;
      std::snprintf(m->interface, sizeof m->interface, "%s", name);
      m->agent = i;
      queues_[q].members.push_back(m);
      by_agent_[i].push_back(m);
      agent_queues_.push_back(q);
    }
    // The fresh agent is the only free one; it takes a call of its first queue.
    for (Member* m : by_agent_[i]) m->in_call = false;
    devices_[name].in_use = false;
    arrive(plans[i].queues[0]);
  }
  Lcg rng;
  for (int i = 0; i < kWaiting; ++i) arrive(rng.below(kQueues));
}

AppQueueWorld::~AppQueueWorld() {
  for (auto& ms : by_agent_)
    for (Member* m : ms) delete m;
}

bool AppQueueWorld::device_free(const Member& m) {
  std::lock_guard lock(devices_lock_);  // ast_device_state: locked cache lookup
  auto it = devices_.find(m.interface);
  return it != devices_.end() && !it->second.in_use;
}

int AppQueueWorld::available_members(Queue& q) {
  int avail = 0;
  for (Member* m : q.members) {
    std::lock_guard lock(q.lock);  // ao2_iterator_next locks the container
    m->refs.fetch_add(1, std::memory_order_acq_rel);
    if (!m->paused && !m->in_call && device_free(*m)) ++avail;
    m->refs.fetch_sub(1, std::memory_order_acq_rel);
  }
  return avail;
}

int AppQueueWorld::try_calling(Queue& q) {
  Attempt* outgoing = nullptr;
  {
    std::lock_guard lock(q.lock);
    for (Member* m : q.members) {
      m->refs.fetch_add(1, std::memory_order_acq_rel);
      auto* a = static_cast<Attempt*>(std::calloc(1, sizeof(Attempt)));
      a->member = m;
      a->stillgoing = 1;
      std::snprintf(a->interface, sizeof a->interface, "%s", m->interface);
      // leastrecent: the member whose last call is oldest first.
      a->metric = m->lastcall ? 1'000'000 - (now_ - m->lastcall) : 0;
      a->metric += static_cast<std::int64_t>(m->penalty) * 1'000'000;
      a->q_next = outgoing;
      outgoing = a;
    }
  }
  int reached = -1;
  for (;;) {  // ring_one
    Attempt* best = nullptr;
    for (Attempt* a = outgoing; a; a = a->q_next) {
      if (a->stillgoing && (!best || a->metric < best->metric)) best = a;
    }
    if (!best) break;
    const Member& m = *best->member;
    if (!m.paused && !m.in_call && device_free(m)) {  // can_ring_entry
      reached = m.agent;
      break;
    }
    best->stillgoing = 0;
  }
  while (outgoing) {
    Attempt* next = outgoing->q_next;
    outgoing->member->refs.fetch_sub(1, std::memory_order_acq_rel);
    std::free(outgoing);
    outgoing = next;
  }
  return reached;
}

void AppQueueWorld::take_call(int agent, std::uint32_t) {
  for (Member* m : by_agent_[agent]) m->in_call = true;
  devices_[by_agent_[agent][0]->interface].in_use = true;
}

void AppQueueWorld::arrive(int q) {
  Queue& queue = queues_[q];
  std::uint32_t id = next_contact_++;
  queue.callers.push_back(id);
  // The new caller checks its turn; only the head caller dials.
  if (available_members(queue) == 0 || queue.callers.front() != id) return;
  int agent = try_calling(queue);
  if (agent < 0) return;
  queue.callers.pop_front();
  take_call(agent, id);
}

int AppQueueWorld::step() {
  int agent = static_cast<int>(cursor_++ % static_cast<std::size_t>(agents_));
  ++now_;
  for (Member* m : by_agent_[agent]) {  // call and wrap-up done
    m->in_call = false;
    m->lastcall = now_;
  }
  devices_[by_agent_[agent][0]->interface].in_use = false;
  // The oldest head caller among the agent's queues gets to try first.
  int q = -1;
  for (int i = 0; i < kQueuesPerAgent; ++i) {
    int cand = agent_queues_[static_cast<std::size_t>(agent) * kQueuesPerAgent + i];
    if (queues_[cand].callers.empty()) continue;
    if (q < 0 || queues_[cand].callers.front() < queues_[q].callers.front()) q = cand;
  }
  int offers = 0;
  if (q >= 0 && available_members(queues_[q]) > 0) {
    int reached = try_calling(queues_[q]);
    if (reached >= 0) {
      take_call(reached, queues_[q].callers.front());
      queues_[q].callers.pop_front();
      ++offers;
      last_queue_ = q;
    }
  }
  arrive(last_queue_);
  return offers;
}

}  // namespace tamas::bench
