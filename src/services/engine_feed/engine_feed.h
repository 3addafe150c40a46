// The engine's decisions as integration events: every contact's life
// (queued, offered, answered, abandoned, overflowed, transferred, held,
// resumed, after-hours action, completed) and every agent state change is
// published on the EventBus, where webhooks (services/webhooks) and later
// NATS pick them up.
//
// Topics and types (docs/api.md, "Event types"):
//   topic "contacts/<contact id>", type "contact.<what>"
//   topic "agents/<agent id>",     type "agent.state_changed"
// "contacts/" keeps contact events apart from the desk's "contact/<id>"
// stream (agent and customer chat sockets). "agents/" is the supervisor
// socket's namespace, so supervisors also see agent.state_changed.
//
// Threads: to_bus_event is pure. attach() subscribes to the switchboard
// (before it starts); the callback runs on the engine thread and only
// formats and publishes (EventBus::publish does not block).
#pragma once

#include <optional>

#include "services/events/bus.h"
#include "services/switchboard/switchboard.h"

namespace tamas::services {

// The integration event for one engine event, or nothing for events that
// are internal (relaxation steps, wrap-up ends, callback dialling).
std::optional<BusEvent> to_bus_event(const ResolvedEvent& e, std::int64_t tenant);

// Publishes every engine event that has an integration form.
void attach_engine_feed(Switchboard& board, EventBus& bus, std::int64_t tenant);

}  // namespace tamas::services
