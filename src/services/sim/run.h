// One replication of the simulator (see simulator.h for the model). Internal
// to services/sim. The hot loop works on refs and PODs only: contact ids are
// formatted into reused command objects (short ids stay in the small-string
// buffer), accept / end / wrap-up go through the engine's ref fast path, and
// every container keeps its capacity, so no allocation happens per event
// once the run has warmed up.
#pragma once

#include <memory>
#include <vector>

#include "engine/engine.h"
#include "services/sim/calendar.h"
#include "services/sim/rng.h"
#include "services/sim/simulator.h"

namespace tamas::services::sim::detail {

enum class ContactPhase : std::uint8_t { waiting, answered, done };

struct SimContact {
  std::int64_t arrived = 0;    // ms
  std::int64_t handle_ms = 0;  // talk time, drawn at arrival
  engine::Ref ref = engine::kNoRef;
  engine::Ref agent = engine::kNoRef;
  std::uint32_t traffic = 0;
  std::uint32_t interval = 0;
  std::uint32_t number = 0;  // customer number: the engine id is "c<number>"
  ContactPhase phase = ContactPhase::waiting;
  bool counted = false;
  bool held = false;              // answered and its agent's wrap-up not done
  bool patience_pending = false;  // a patience entry in the calendar names it
};

struct Stream {
  Rng rng;
  std::int64_t next_at = 0;     // ms of the pending arrival
  std::size_t next_record = 0;  // recorded traffic: the next contact to replay
};

class Run {
 public:
  Run(const SimConfig& config, std::uint64_t seed, std::unique_ptr<engine::Engine> engine);
  Result<RunResult> go();

 private:
  Status start();
  Status step(const CalendarEntry& e);
  Status arrival(std::uint32_t stream);
  Status service_end(std::uint32_t n);
  Status wrapup_end(std::uint32_t n);
  Status patience(std::uint32_t n);
  Status shift_start(std::uint32_t agent);
  Status shift_end(std::uint32_t agent);
  Status wake();
  void schedule_wake();
  bool schedule_next_arrival(std::uint32_t stream, std::int64_t from);
  Status react(const engine::ApplyResult& r);
  void bind(const engine::Event& e);
  void on_answered(const engine::Event& e);
  void on_completed(const engine::Event& e);
  Status login(std::uint32_t agent);
  void release(std::uint32_t n);
  void credit_busy(engine::Ref agent, std::int64_t from, std::int64_t to);
  void set_contact_id(std::string& out, std::uint32_t n) const;
  RunResult finish();

  const SimConfig& config_;
  std::unique_ptr<engine::Engine> engine_;
  std::vector<Stream> streams_;
  Calendar calendar_;  // everything but arrivals
  Calendar arrivals_;  // the next arrival of each traffic stream
  std::int64_t now_ = 0;
  std::int64_t warmup_ = 0, length_ = 0, interval_ = 1;
  std::vector<SimContact> contacts_;  // slots, reused once nothing names them
  std::vector<std::uint32_t> free_slots_;
  std::uint32_t arriving_ = 0;  // slot of the contact arriving now
  std::int64_t customers_ = 0;
  const std::string* arrive_stream_type_ = nullptr;  // what arrive_ holds now
  const std::string* arrive_stream_queue_ = nullptr;
  std::vector<std::uint32_t> by_ref_;       // engine contact ref -> simulated contact
  std::vector<std::uint32_t> agent_index_;  // engine agent ref -> config index
  std::vector<std::uint8_t> leaving_;       // by config index: shift over, log out when free
  std::vector<double> agent_busy_ms_;       // by config index
  std::vector<std::pair<engine::Ref, engine::Ref>> accepts_;  // (agent, contact) offers to accept
  // Commands kept as variants so that apply() takes them by reference
  // without copying; arrive_ / abandon_ point into them.
  engine::Command arrive_cmd_{engine::ContactArrive{}}, abandon_cmd_{engine::ContactAbandon{}};
  engine::ContactArrive& arrive_ = std::get<engine::ContactArrive>(arrive_cmd_);
  engine::ContactAbandon& abandon_ = std::get<engine::ContactAbandon>(abandon_cmd_);
  std::vector<QueueResult> per_stream_, per_interval_;
  std::vector<QueueResult> per_queue_;      // by engine queue ref
  std::vector<std::int64_t> threshold_ms_;  // by engine queue ref
  std::vector<std::uint32_t> queue_index_;  // engine queue ref -> routing.queues index
  std::int64_t commands_ = 0, events_ = 0;
  std::int64_t wake_at_ = -1;  // pending wake entry, -1 = none
};

}  // namespace tamas::services::sim::detail
