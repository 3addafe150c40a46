// Events the engine emits: decisions for the adapters (offer, start callback,
// after-hours action) and state changes for the store, wallboards and stats.
// Events name contacts, agents and queues by dense refs; resolve them with
// Engine::contact_id / agent_id / queue_id before the next Engine::apply.
#pragma once

#include <cstdint>

#include "core/time.h"
#include "engine/config.h"

namespace tamas::engine {

using Ref = std::uint32_t;
inline constexpr Ref kNoRef = 0xffffffffu;

enum class EventKind : std::uint8_t {
  offer,                // contact offered to agent (agent reserved)
  offer_revoked,        // reason: rona, rejected, abandoned, logout
  contact_queued,       // position (1-based; 0 if not computed), ewt
  agent_state_changed,  // state, reason (not ready reason)
  contact_answered,     // agent accepted; wait in queue
  contact_abandoned,    // customer left while waiting or offered; wait
  contact_overflowed,   // queue -> queue2
  contact_relaxed,      // step (1-based)
  after_hours_action,   // fallback kind, reason (closed, no_agents, full)
  start_callback,       // virtual-hold callback reached an agent: dial both
  contact_completed,    // outcome; exactly once per contact
  wrapup_done,          // agent finished after-contact work
  contact_transferred,  // to queue (queue2) or agent
  contact_held,         // agent put the contact on hold
  contact_resumed,      // agent took it back
};
const char* to_string(EventKind k);

enum class AgentStatus : std::uint8_t { logged_out, ready, not_ready, reserved, busy, wrap_up };
const char* to_string(AgentStatus s);

enum class Outcome : std::uint8_t { handled, abandoned, after_hours, no_agents, queue_full };
const char* to_string(Outcome o);

enum class RevokeReason : std::uint8_t { rona, rejected, abandoned, logout };
const char* to_string(RevokeReason r);

enum class FallbackReason : std::uint8_t { closed, no_agents, full };
const char* to_string(FallbackReason r);

struct Event {
  std::uint64_t seq = 0;  // 1, 2, 3, ... over the engine's life
  Instant at{};
  EventKind kind = EventKind::offer;
  Ref contact = kNoRef;
  Ref agent = kNoRef;
  Ref queue = kNoRef;
  Ref queue2 = kNoRef;        // overflow / transfer target
  std::int32_t position = 0;  // contact_queued
  std::uint8_t code = 0;      // AgentStatus, Outcome, RevokeReason, FallbackKind, step
  std::uint8_t code2 = 0;     // FallbackReason
  Ref reason = kNoRef;        // not-ready reason (Engine::reason_name)
  Duration wait{0};           // answered / abandoned: time in queue
  Duration ewt{0};            // contact_queued
};

}  // namespace tamas::engine
