// The routing engine (ACD): a deterministic, single-threaded state machine.
//
//   auto engine = Engine::create(config);          // validates and interns
//   ApplyResult r = engine->apply(cmd, now);        // events in r.events
//
// Contract:
// - Exactly one thread uses an Engine at a time (the engine thread). No
//   locks, no I/O, no clock reads: time only comes in through `now`.
// - `now` must not go backwards. Before executing a command, apply() fires
//   every timer due at or before `now` (offer timeouts / RONA, relaxation,
//   overflow, wrap-up limits), each at its own due instant.
// - The same config and the same (command, now) sequence always produce the
//   same events and state (replay after restart).
// - The span in ApplyResult and the ids resolved through contact_id() stay
//   valid until the next apply().
// - A rejected command (status not ok) changes nothing, though timers due by
//   `now` have still fired (their events are in `events`).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "engine/command.h"
#include "engine/config.h"
#include "engine/event.h"
#include "engine/stats.h"

namespace tamas::engine {

namespace detail {
class Core;
}

struct ApplyResult {
  Status status;
  std::span<const Event> events;
};

// One waiting contact as seen by announcements and wallboards.
struct WaitingContact {
  Ref contact = kNoRef;
  int position = 0;  // 1-based, in the order agents would take them
  Duration waited{0};
  Duration ewt{0};
};

struct AgentView {
  AgentStatus status = AgentStatus::logged_out;
  std::string reason;  // not-ready reason
  int active = 0;      // interactions held (offered, talking, wrap-up)
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> create(const EngineConfig& config);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  ApplyResult apply(const Command& command, Instant now);
  // Same as apply(AdvanceTime{}, now).
  ApplyResult advance_to(Instant now);

  // Ref fast path for the driver (the server's engine thread): ids are
  // resolved once at the edge (agent_ref / contact_ref, or the refs carried
  // by events) and the per-interaction commands then skip string hashing and
  // the id index. Each call behaves exactly like apply() of the matching
  // string command (same events, state and errors; replay may use either).
  // A ref that names nothing gives Error::not_found. Contact refs are reused
  // after a contact is completed and released by its agent's wrap-up, so a
  // driver must drop a contact ref once it has seen contact_completed and
  // (if handled) wrapup_done for it.
  ApplyResult accept_offer(Ref agent, Ref contact, Instant now);  // AcceptOffer
  ApplyResult end_contact(Ref contact, Instant now);              // ContactEnd
  ApplyResult wrapup_done(Ref agent, Ref contact, Instant now);   // WrapUpDone
  // ContactArrive into the queue `queue` (a queue_ref), as apply() of
  // `contact` with contact.queue = queue_id(queue) would; contact.queue
  // itself is ignored. The contact id is still a string (channels name
  // contacts) and checked for uniqueness like apply() does.
  ApplyResult arrive(Ref queue, const ContactArrive& contact, Instant now);

  // Interning at the edge: the current ref of an id, or kNoRef if unknown.
  // Agent and queue refs never change; contact refs see above.
  Ref agent_ref(std::string_view agent) const;
  Ref contact_ref(std::string_view contact) const;
  Ref queue_ref(std::string_view queue) const;

  // Resolving refs carried by events.
  std::string_view contact_id(Ref contact) const;
  std::string_view agent_id(Ref agent) const;
  std::string_view queue_id(Ref queue) const;
  std::string_view reason_name(Ref reason) const;

  // Snapshots (pull). Unknown ids give Error::not_found.
  Result<QueueStats> queue_stats(std::string_view queue) const;
  Result<AgentStats> agent_stats(std::string_view agent) const;
  Result<AgentView> agent_view(std::string_view agent) const;
  // Statistics of one SLO (EngineConfig::slos): overall, per queue, per agent.
  Result<SloStats> slo_stats(std::string_view slo) const;
  std::vector<std::string> slo_ids() const;  // in config order
  // The SLO a live contact resolved at arrival; "" if none or unknown.
  std::string_view contact_slo(std::string_view contact) const;

  // Push support: the queues, agents and SLOs whose statistics changed since
  // the previous call (each once, in first-change order); clears the marks.
  // Marking costs a flag test per event; the driver decides how often to
  // take and publish (services::Switchboard coalesces to stats_interval).
  // With EngineConfig::track_stats_changes off, changes named by events are
  // not recorded (the result may miss them).
  StatsChanges take_stats_changes();
  // Waiting contacts of a queue in service order with position and EWT.
  // O(n log n) in the queue length; for announcements, not per decision.
  Result<std::vector<WaitingContact>> waiting(std::string_view queue) const;
  // Where an agent would currently be offered, in the queue's service order.
  Result<WaitingContact> waiting_contact(std::string_view contact) const;

  // A deterministic text dump of the whole routing state (for replay checks
  // and debugging). Two engines fed the same log produce the same dump.
  std::string dump_state() const;
  Instant now() const;

  // For drivers of simulated time (services/sim): the instant the earliest
  // pending timer (offer timeout, relaxation, overflow, wrap-up limit) is
  // due, or nullopt. A timer cancelled meanwhile may still be reported; it
  // then fires as nothing. advance_to() that instant to let it act on time.
  // O(1); defined in engine_next_timer.cc.
  std::optional<Instant> next_timer() const;

 private:
  explicit Engine(std::unique_ptr<detail::Core> core);
  template <class Run>
  ApplyResult run_at(Instant now, Run&& run);
  std::unique_ptr<detail::Core> core_;
};

}  // namespace tamas::engine
