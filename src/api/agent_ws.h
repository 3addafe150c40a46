// Live events over WebSocket.
//   /api/v1/agent/ws       (agent_desk)  the caller's own events: offers,
//                          withdrawn offers, assignments, messages, typing,
//                          state changes. First frame {"type":"hello",...}.
//   /api/v1/supervisor/ws  (supervise)   queue and agent statistics as they
//                          change. First frame {"type":"snapshot",...}.
// Every event frame is {"seq":N,"type":"...","at":"...","data":{...}}; seq
// is the EventBus sequence number. Connect with ?since=N to have events after
// N replayed first (then {"type":"replay_incomplete"} if some were too old).
#pragma once

#include "api/access.h"
#include "api/router.h"
#include "services/desk/agent_desk.h"
#include "services/desk/supervisor_feed.h"
#include "services/events/bus.h"

namespace tamas::api {

// Everything referenced must outlive the router and every connection.
void add_live_ws(Router& router, const Guard& guard, services::AgentDesk& desk,
                 services::SupervisorFeed& feed, services::EventBus& bus);

// {"seq":N,"type":"...","at":"...","data":{...}}
std::string event_frame(const services::BusEvent& e);

}  // namespace tamas::api
