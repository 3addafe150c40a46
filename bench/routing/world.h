// A steady-state contact center for the routing benchmarks: 200 skills,
// 100 queues, N agents each serving 4 queues (skills for them at levels 1-5
// plus 4 unrelated skills), every agent on a call, 50,000 contacts waiting.
// Deterministic (fixed LCG), so tamas and the baseline see the same center.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace tamas::bench {

inline constexpr int kSkills = 200;
inline constexpr int kQueues = 100;
inline constexpr int kWaiting = 50'000;
inline constexpr int kQueuesPerAgent = 4;

struct Lcg {
  std::uint64_t s = 0x9e3779b97f4a7c15ull;
  std::uint32_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(s >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

struct AgentPlan {
  int queues[kQueuesPerAgent];
  std::vector<std::pair<int, int>> skills;  // (skill, level)
};

std::vector<AgentPlan> plan_agents(int n);

// The tamas side.
class World {
 public:
  explicit World(int agents);
  // One routing decision: the next agent finishes its call and wrap-up, is
  // offered the best waiting contact across its queues and accepts; a new
  // contact arrives in that contact's queue so the backlog stays constant.
  // Returns the number of offers made (1 in steady state).
  int step();

  std::size_t bytes_per_agent = 0;
  std::size_t bytes_per_waiting = 0;

 private:
  void apply(const engine::Command& c);
  std::unique_ptr<engine::Engine> engine_;
  std::vector<std::string> agent_ids_;
  void on_events(const engine::ApplyResult& r);
  std::vector<engine::Ref> agent_refs_;  // resolved once, at login
  std::vector<engine::Ref> active_;      // contact each agent is talking to (by agent ref)
  std::vector<std::string> queue_ids_;
  std::int64_t now_ms_ = 1767254400000LL;
  std::uint64_t next_contact_ = 0;
  std::size_t cursor_ = 0;
  int offers_ = 0;
  // The arrival of each step, reused: its id is the next contact's name,
  // advanced in place (see next_name()), and its queue is the ref of the
  // queue the step's offer came from (queues resolved once, at the edge).
  engine::ContactArrive arrive_;
  engine::Ref arrive_queue_ = engine::kNoRef;
};

// "c41" -> "c42", "c99" -> "c100": the next contact name without formatting
// a number. Equal to "c" + std::to_string(n + 1) for a name "c" + n.
void next_name(std::string& name);

std::size_t heap_in_use();

}  // namespace tamas::bench
