#include "world.h"

#include <cassert>

namespace tamas::bench {

using namespace tamas::engine;

extern long long g_live_bytes;
std::size_t heap_in_use() {
  return static_cast<std::size_t>(g_live_bytes);
}

std::vector<AgentPlan> plan_agents(int n) {
  Lcg rng;
  std::vector<AgentPlan> plans(n);
  for (auto& p : plans) {
    for (int i = 0; i < kQueuesPerAgent; ++i) {
      int q;
      bool dup;
      do {
        q = rng.below(kQueues);
        dup = false;
        for (int j = 0; j < i; ++j) dup |= p.queues[j] == q;
      } while (dup);
      p.queues[i] = q;
      p.skills.emplace_back(q, 1 + rng.below(5));  // queue q needs skill q
    }
    for (int i = 0; i < 4; ++i) p.skills.emplace_back(kQueues + rng.below(kSkills - kQueues), 3);
  }
  return plans;
}

static EngineConfig bench_config() {
  EngineConfig c;
  for (int s = 0; s < kSkills; ++s) c.skills.push_back("s" + std::to_string(s));
  const SelectionPolicy policies[] = {SelectionPolicy::longest_idle, SelectionPolicy::most_skilled,
                                      SelectionPolicy::least_occupied,
                                      SelectionPolicy::round_robin};
  for (int q = 0; q < kQueues; ++q) {
    QueueConfig qc;
    qc.id = "q" + std::to_string(q);
    qc.policy = policies[q % 4];
    qc.default_skills = {{"s" + std::to_string(q), 1}};
    qc.aging_per_second = (q % 2) ? 0.1 : 0.0;
    qc.announce_position = false;  // exact positions are pulled, not per decision
    c.queues.push_back(qc);
  }
  return c;
}

static std::string contact_name(std::uint64_t n) {
  return "c" + std::to_string(n);
}

void World::apply(const Command& c) {
  ApplyResult r = engine_->apply(c, from_millis(now_ms_));
  assert(r.status.ok());
  for (const Event& e : r.events) {
    if (e.kind != EventKind::offer) continue;
    ++offers_;
    auto& acc = std::get<AcceptOffer>(accept_);
    acc.agent = agent_ids_[e.agent];
    acc.contact.assign(engine_->contact_id(e.contact));
    active_[e.agent] = acc.contact;
    std::get<ContactArrive>(arrive_).queue = queue_ids_[e.queue];
    ApplyResult r2 = engine_->apply(accept_, from_millis(now_ms_));
    assert(r2.status.ok());
    (void)r2;
    return;  // one agent frees at a time: at most one offer per command here
  }
}

World::World(int agents) {
  engine_ = Engine::create(bench_config()).value();
  for (int q = 0; q < kQueues; ++q) queue_ids_.push_back("q" + std::to_string(q));
  std::vector<AgentPlan> plans = plan_agents(agents);
  agent_ids_.reserve(agents);
  for (int i = 0; i < agents; ++i) agent_ids_.push_back("agent" + std::to_string(i));
  active_.resize(agents);
  std::vector<std::string> warm(agents, "c0000000");  // pre-size the harness's own strings
  for (int i = 0; i < agents; ++i) active_[i] = warm[i];
  // Engine memory only: the harness's vectors are sized before measuring.
  std::size_t base = heap_in_use();
  end_ = ContactEnd{};
  wrap_ = WrapUpDone{};
  accept_ = AcceptOffer{};
  arrive_ = ContactArrive{};
  for (int i = 0; i < agents; ++i) {
    AgentLogin l;
    l.agent = agent_ids_[i];
    for (auto [s, lv] : plans[i].skills) l.skills.push_back({"s" + std::to_string(s), lv});
    for (int q : plans[i].queues) l.queues.push_back(queue_ids_[q]);
    l.ready = true;
    apply(l);
    // Give the fresh agent a call: it is the only idle one.
    ContactArrive a;
    a.contact = contact_name(next_contact_++);
    a.queue = queue_ids_[plans[i].queues[0]];
    apply(a);
  }
  std::size_t with_agents = heap_in_use();
  Lcg rng;
  for (int i = 0; i < kWaiting; ++i) {
    ContactArrive a;
    a.contact = contact_name(next_contact_++);
    a.queue = queue_ids_[rng.below(kQueues)];
    apply(a);
  }
  std::size_t with_waiting = heap_in_use();
  bytes_per_agent = (with_agents - base) / agents;
  bytes_per_waiting = (with_waiting - with_agents) / kWaiting;
}

int World::step() {
  offers_ = 0;
  std::size_t i = cursor_++ % agent_ids_.size();
  now_ms_ += 1;
  std::get<ContactEnd>(end_).contact = active_[i];
  apply(end_);
  auto& w = std::get<WrapUpDone>(wrap_);
  w.agent = agent_ids_[i];
  w.contact = active_[i];
  apply(wrap_);  // the agent frees: routing decision, offer, accept
  auto& a = std::get<ContactArrive>(arrive_);
  a.contact = contact_name(next_contact_++);
  apply(arrive_);  // queued behind the backlog (or offered to an idle agent)
  return offers_;
}

}  // namespace tamas::bench
