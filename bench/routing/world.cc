#include "world.h"

#include <cassert>
#include <cstdlib>

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

void next_name(std::string& name) {
  for (std::size_t i = name.size(); i-- > 1;) {
    if (name[i] != '9') {
      ++name[i];
      return;
    }
    name[i] = '0';
  }
  name.insert(name.begin() + 1, '1');
}

// The driver as the server's engine thread runs it: ids are resolved once at
// the edge and the per-interaction commands go through the ref fast path.
void World::apply(const Command& c) {
  on_events(engine_->apply(c, from_millis(now_ms_)));
}

void World::on_events(const ApplyResult& r) {
  assert(r.status.ok());
  for (const Event& e : r.events) {
    if (e.kind != EventKind::offer) continue;
    ++offers_;
    active_[e.agent] = e.contact;
    arrive_queue_ = e.queue;
    ApplyResult r2 = engine_->accept_offer(e.agent, e.contact, from_millis(now_ms_));
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
  active_.assign(agents, kNoRef);
  agent_refs_.reserve(agents);
  // Engine memory only: the harness's vectors are sized before measuring.
  std::size_t base = heap_in_use();
  for (int i = 0; i < agents; ++i) {
    AgentLogin l;
    l.agent = agent_ids_[i];
    for (auto [s, lv] : plans[i].skills) l.skills.push_back({"s" + std::to_string(s), lv});
    for (int q : plans[i].queues) l.queues.push_back(queue_ids_[q]);
    l.ready = true;
    apply(l);
    agent_refs_.push_back(engine_->agent_ref(agent_ids_[i]));
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
  arrive_.contact = contact_name(next_contact_);
}

int World::step() {
  offers_ = 0;
  std::size_t i = cursor_++ % agent_refs_.size();
  now_ms_ += 1;
  Ref agent = agent_refs_[i];
  Ref contact = active_[agent];
  on_events(engine_->end_contact(contact, from_millis(now_ms_)));
  // The agent frees: routing decision, offer, accept.
  on_events(engine_->wrapup_done(agent, contact, from_millis(now_ms_)));
  // A new contact, "c" + its number as before (checked in debug builds),
  // named without formatting a number in the timed loop: the baselines
  // format nothing either. Its id is still hashed and checked for
  // uniqueness by the engine; a duplicate would be refused (status checked).
  assert(arrive_.contact == contact_name(next_contact_));
  ApplyResult r = engine_->arrive(arrive_queue_, arrive_, from_millis(now_ms_));
  if (!r.status.ok()) std::abort();
  on_events(r);  // queued behind the backlog (or offered to an idle agent)
  ++next_contact_;
  next_name(arrive_.contact);
  return offers_;
}

}  // namespace tamas::bench
