// Live statistics for supervisors and wallboards, on the EventBus:
//   topic "queue/<id>"   type "queue_stats"   one queue's statistics, as the
//                        engine pushes them (Switchboard::subscribe_stats)
//   topic "agents/<id>"  type "agent_stats"   one agent's engine statistics
//   topic "agents/<id>"  type "agent_status"  one agent's desk state and
//                        contacts, when poll() sees it changed
//
// Threads: on_stats runs on the engine thread (subscribe it with
// Switchboard::subscribe_stats). prime() and queues_now() wait for the
// engine thread (Switchboard::inspect): never call them on it. poll() from
// one thread at a time (the server's ticker). snapshot() is thread-safe.
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

  void on_stats(const StatsUpdate& update);
  // Reads every queue's statistics once (the snapshot before any push).
  void prime();
  // Publishes agents whose desk state changed; returns how many.
  int poll();
  // {"queues":[...],"agents":[...]}: the latest of each.
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
