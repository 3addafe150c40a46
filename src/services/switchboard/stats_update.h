// Live statistics pushed to wallboards and supervisors: what changed in the
// engine since the previous update, with ids resolved to strings.
//
// Produced by Switchboard (see subscribe_stats) on the engine thread at most
// once per Switchboard::Options::stats_interval of its Clock's time, and
// only when some statistic changed. Each update carries full snapshots (not
// deltas) of the queues, agents and SLOs that changed, taken at `at`; a
// consumer keeps the latest snapshot per id. Time-driven gauges (longest
// wait, occupancy) are exact at `at` and do not by themselves cause an
// update: extrapolate longest_wait from `at` between updates.
#pragma once

#include <string>
#include <vector>

#include "core/time.h"
#include "engine/engine.h"
#include "engine/stats.h"

namespace tamas::services {

struct StatsUpdate {
  struct Queue {
    std::string queue;
    engine::QueueStats stats;
  };
  struct Agent {
    std::string agent;
    engine::AgentStats stats;
  };
  Instant at{};
  std::vector<Queue> queues;        // in first-change order
  std::vector<Agent> agents;        // in first-change order
  std::vector<engine::SloStats> slos;  // each with its per-queue and per-agent rows
  bool empty() const { return queues.empty() && agents.empty() && slos.empty(); }
};

// Snapshots of what `changes` names, taken from `engine` at its now().
// Names the engine no longer knows are skipped.
StatsUpdate collect_stats(const engine::Engine& engine, const engine::StatsChanges& changes);

}  // namespace tamas::services
