// Live statistics for supervisors and wallboards: polls the engine's queue
// statistics and the desk's agent states, and publishes what changed since
// the last poll on the EventBus:
//   topic "queue/<id>"   type "queue_stats"   (one queue's stats)
//   topic "agents/<id>"  type "agent_status"  (one agent's state, contacts)
// (The engine will publish stats itself — Switchboard::subscribe_stats —
// then poll() becomes a subscriber; the bus side stays the same.)
//
// Threads: poll() from one thread at a time (the server's ticker; it waits
// for the engine thread via Switchboard::inspect). snapshot() and
// queues_now() are thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "services/desk/agent_desk.h"

namespace tamas::services {

class SupervisorFeed {
 public:
  SupervisorFeed(const strategy::Strategy& s, store::TenantId tenant, Switchboard& board,
                 AgentDesk& desk, EventBus& bus, const Clock& clock);

  // Publishes changed queues and agents; returns how many events it published.
  int poll();
  // {"queues":[...],"agents":[...]}: the state as of the last poll.
  std::string snapshot() const;
  // [{"queue":"sales","waiting":0,...}] read from the engine now.
  std::string queues_now();

 private:
  std::map<std::string, std::string> read_queues();

  const strategy::Strategy& strategy_;
  store::TenantId tenant_;
  Switchboard& board_;
  AgentDesk& desk_;
  EventBus& bus_;
  const Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, std::string> queues_;  // guarded by mu_: id -> JSON
  std::map<std::string, std::string> agents_;  // guarded by mu_
};

// JSON of one desk agent as supervisors see it.
std::string agent_status_json(const DeskAgent& a);

}  // namespace tamas::services
