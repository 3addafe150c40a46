// The catalogue of event types a webhook may subscribe to (docs/api.md,
// "Event types"): the engine's contact.* and agent.* events, the case
// system's case.* events, the desk's own stream and ping. Registering a
// webhook for a type outside it is refused, so a typo ("case.create") does
// not silently receive nothing.
//
// Pure and thread-safe. Add a type here when a publisher starts emitting it.
#pragma once

#include <string_view>
#include <vector>

namespace tamas::services {

// Every known type, in documentation order ("*" not included).
const std::vector<std::string_view>& webhook_event_types();

// "*" or one of webhook_event_types().
bool is_webhook_event_type(std::string_view type);

}  // namespace tamas::services
