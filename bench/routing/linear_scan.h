// The baseline: routing the way Asterisk app_queue and FreeSWITCH
// mod_callcenter select, i.e. for each decision a linear scan over every
// agent (member/tier) computing eligibility and the strategy metric, with
// plain FIFO lists of waiting callers per queue. Same center, same steps as
// World (world.h).
//
// Two member layouts:
// - compact (BM_RouteCompactScan): agents in one contiguous array, a
//   tight loop with no allocation, locking or reference counting: a lower
//   bound for any linear scan (~1.2 ns per member).
// - object model (BM_RouteLinearScanObjects): what app_queue's member walk
//   costs structurally: each member a separately allocated object reached
//   through a linked container (ao2 container iteration), in allocation
//   order unrelated to agent order, and a reference taken and dropped per
//   member visited (ao2_iterator_next / ao2_ref(-1), atomic). Same checks and
//   metric, same selection result. Still cheaper than the product, which
//   also locks the container, copies strings and consults device state.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "world.h"

namespace tamas::bench {

class LinearScanWorld {
 public:
  explicit LinearScanWorld(int agents, bool object_model = false);
  ~LinearScanWorld();
  int step();  // same step as World::step

 private:
  struct Agent {
    bool available = false;
    std::int64_t idle_since = 0;
    std::uint64_t queue_mask[2] = {0, 0};
    std::uint8_t levels[kSkills] = {};
    std::uint32_t contact = 0;
    // Object model only.
    Agent* next = nullptr;  // container link
    std::atomic<int> refs{1};
    int index = 0;
  };
  struct Waiting {
    std::uint32_t id;
    std::int64_t arrived;
  };
  // Longest-idle available member of queue q (needs skill q), or -1.
  int scan_agents(int q) const;
  // Head caller across the agent's queues (oldest first), or -1.
  int best_queue_for(const Agent& a) const;
  void arrive(int q);

  Agent& agent(int i) { return object_model_ ? *members_[i] : agents_[i]; }
  int scan_compact(int q) const;
  int scan_objects(int q) const;

  std::vector<Agent> agents_;
  bool object_model_ = false;
  std::vector<Agent*> members_;  // object model: separately allocated members
  Agent* first_ = nullptr;       // object model: container iteration order
  std::vector<std::deque<Waiting>> queues_;
  std::int64_t now_ = 0;
  std::uint32_t next_contact_ = 0;
  std::size_t cursor_ = 0;
  int last_queue_ = 0;
};

}  // namespace tamas::bench
