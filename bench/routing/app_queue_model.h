// A structural model of how Asterisk app_queue selects a member for the
// caller at the head of a queue (apps/app_queue.c: is_our_turn ->
// num_available_members, try_calling, ring_one -> find_best / ring_entry ->
// can_ring_entry), on the same center and the same steps as World.
//
// Modelled per decision (the head caller of one queue trying to reach a
// member), over that queue's member container only (each agent is a member
// of its 4 queues, so a queue holds ~4% of the agents):
// 1. num_available_members: walk every member (container lock, reference
//    taken and dropped) checking device state, paused and in-call.
// 2. try_calling: walk every member again; for each, allocate a call
//    attempt (calloc), copy the member's interface name and compute the
//    strategy metric (leastrecent: longest since its last call first); all
//    members go on the outgoing list, available or not.
// 3. ring_one: repeatedly take the best-metric attempt still going
//    (find_best walks the list) and check it (can_ring_entry: paused,
//    in-call, and the device state looked up by interface name in a locked
//    hash table); a busy member is dropped and the next best is tried.
// 4. The attempts are freed.
// Not modelled (all would add cost): channel and datastore work per attempt,
// connected-line copies, queue_log and manager events, penalties and
// weights, the once-per-second is_our_turn polling of every waiting caller.
// Single-threaded, so every lock is uncontended.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "world.h"

namespace tamas::bench {

class AppQueueWorld {
 public:
  explicit AppQueueWorld(int agents);
  ~AppQueueWorld();
  int step();  // same step as World::step

 private:
  struct Device {  // device state cache entry, one per agent interface
    bool in_use = true;
  };
  struct Member {  // struct member: one per (queue, agent), separately allocated
    std::atomic<int> refs{1};
    char interface[80] = {};
    int agent = 0;
    int penalty = 0;
    bool paused = false;
    bool in_call = true;
    std::int64_t lastcall = 0;
  };
  struct Attempt {  // struct callattempt
    Attempt* q_next;
    Member* member;
    char interface[256];
    std::int64_t metric;
    int stillgoing;
  };
  struct Queue {
    std::mutex lock;               // ao2_lock(queue) and the container lock
    std::vector<Member*> members;  // ao2 container, iteration order
    std::deque<std::uint32_t> callers;
  };

  int available_members(Queue& q);
  int try_calling(Queue& q);  // the agent index reached, or -1
  bool device_free(const Member& m);
  void take_call(int agent, std::uint32_t caller);
  void arrive(int q);

  std::vector<Queue> queues_;
  std::vector<std::vector<Member*>> by_agent_;  // the agent's member objects
  std::unordered_map<std::string, Device> devices_;
  std::mutex devices_lock_;
  std::vector<int> agent_queues_;  // 4 per agent
  std::int64_t now_ = 1;
  std::uint32_t next_contact_ = 0;
  std::size_t cursor_ = 0;
  int last_queue_ = 0;
  int agents_ = 0;
};

}  // namespace tamas::bench
