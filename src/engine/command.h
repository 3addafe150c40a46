// Commands the engine accepts. Each is applied at an Instant supplied by the
// driver (Engine::apply); the engine never reads a clock. Commands are plain
// values so the driver can persist them and replay them after a restart.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/config.h"

namespace tamas::engine {

struct AgentSkill {
  std::string skill;
  int level = 1;  // 1..5
};

struct AgentLogin {
  std::string agent;
  std::vector<AgentSkill> skills;
  std::vector<std::string> queues;          // queues the agent serves
  std::optional<CapacityProfile> capacity;  // default: config default
  bool ready = false;                       // start ready (else not ready "login")
};
struct AgentReady {
  std::string agent;
};
struct AgentNotReady {
  std::string agent;
  std::string reason;
};
struct AgentLogout {
  std::string agent;
};  // REQUIRES no interaction held
struct AcceptOffer {
  std::string agent;
  std::string contact;
};
struct RejectOffer {
  std::string agent;
  std::string contact;
};

struct ContactArrive {
  std::string contact;
  Channel channel = Channel::voice;
  std::string type;
  std::string segment;
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<int> priority;       // overrides rule and queue
  std::optional<std::string> queue;  // bypasses the rules (e.g. IVR choice)
  // Re-queueing an open contact after a restart: when set and earlier than
  // `now`, the contact's wait (stats, SLO, ASA), aging, relaxation and
  // overflow count from this instant; timers already due fire within the
  // same apply. Re-queue open contacts in their arrival order, before new
  // arrivals: equal-priority order among waiting contacts is arrival order
  // in the engine.
  std::optional<Instant> arrived_at;
};
struct ContactAbandon {
  std::string contact;
};  // customer left
struct ContactEnd {
  std::string contact;
};  // agent finished; wrap-up starts
// The agent puts a connected contact on hold / takes it back. REQUIRES the
// contact is connected to an agent (answered, not ended); holding a held
// contact or resuming one not on hold is Error::conflict. Hold time stays
// part of the handle time (AHT) and is also reported on its own.
struct ContactHold {
  std::string contact;
};
struct ContactResume {
  std::string contact;
};
struct WrapUpDone {
  std::string agent;
  std::string contact;
};
struct TransferToQueue {
  std::string contact;
  std::string queue;
};
struct TransferToAgent {
  std::string contact;
  std::string agent;
};
// Attended transfer: the agent holding `contact` consults `agent`. Until
// ConsultEnd, a TransferToAgent of this contact to them, or the contact's end,
// the consulted agent is busy (status busy, offered nothing), whatever state
// they were in. REQUIRES the contact is connected to an agent; the consulted
// agent is logged in, is not that agent and is in no other consult; one
// consult per contact.
struct ConsultBegin {
  std::string contact;
  std::string agent;
};
// The consult of `contact` is over without a transfer (cancelled, not
// answered, rejected): the consulted agent is back in their state.
struct ConsultEnd {
  std::string contact;
};
struct CallbackRequest {
  std::string contact;
};  // virtual hold
struct QueueOpen {
  std::string queue;
};
struct QueueClose {
  std::string queue;
};
struct AdvanceTime {};  // only fires timers up to `now`
struct ResetStats {};   // start of a new stats day

using Command = std::variant<AgentLogin, AgentReady, AgentNotReady, AgentLogout, AcceptOffer,
                             RejectOffer, ContactArrive, ContactAbandon, ContactEnd, WrapUpDone,
                             TransferToQueue, TransferToAgent, CallbackRequest, QueueOpen,
                             QueueClose, AdvanceTime, ResetStats, ContactHold, ContactResume,
                             ConsultBegin, ConsultEnd>;

}  // namespace tamas::engine
