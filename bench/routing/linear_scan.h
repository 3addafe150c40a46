// The baseline: routing the way Asterisk app_queue and FreeSWITCH
// mod_callcenter select, i.e. for each decision a linear scan over every
// agent (member/tier) computing eligibility and the strategy metric, with
// plain FIFO lists of waiting callers per queue. Same center, same steps as
// World (world.h).
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "world.h"

namespace tamas::bench {

class LinearScanWorld {
 public:
  explicit LinearScanWorld(int agents);
  int step();  // same step as World::step

 private:
  struct Agent {
    bool available = false;
    std::int64_t idle_since = 0;
    std::uint64_t queue_mask[2] = {0, 0};
    std::uint8_t levels[kSkills] = {};
    std::uint32_t contact = 0;
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

  std::vector<Agent> agents_;
  std::vector<std::deque<Waiting>> queues_;
  std::int64_t now_ = 0;
  std::uint32_t next_contact_ = 0;
  std::size_t cursor_ = 0;
  int last_queue_ = 0;
};

}  // namespace tamas::bench
