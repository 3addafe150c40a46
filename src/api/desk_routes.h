// The agent desk over HTTP (all JSON; errors as {"error":{...}}):
//   agent_desk permission (the caller's own agent session):
//     POST /api/v1/agent/login, POST /api/v1/agent/logout {reason?}
//     GET  /api/v1/agent                       own state, offers, contacts
//     POST /api/v1/agent/state                 {state:"ready"|"not_ready", reason?}
//     POST /api/v1/agent/offers/{contact}/accept | /reject
//     GET  /api/v1/agent/contacts/{contact}    with transcript
//     POST /api/v1/agent/contacts/{contact}/messages {text}   -> 201 {seq}
//     POST /api/v1/agent/contacts/{contact}/typing | /hold | /resume | /end
//     POST /api/v1/agent/contacts/{contact}/transfer {queue} | {agent}
//     POST /api/v1/agent/contacts/{contact}/wrapup {disposition, notes?}
//     POST /api/v1/agent/contacts/{contact}/partner-transfer {partner}
//          (calls only: the caller is bridged to the partner's line, R31;
//          add_partner_transfer_route)
//     POST /api/v1/agent/contacts/{contact}/consult {agent} | {queue} | {number}
//     POST /api/v1/agent/contacts/{contact}/consult/complete | /consult/cancel
//          (attended transfer of calls, docs/voice.md; add_consult_routes)
//   supervise permission:
//     GET  /api/v1/agents, POST /api/v1/agents/{agent}/state {state, reason?}
//     GET  /api/v1/queues                      live queue statistics
// Errors: 404 unknown contact, 403 another agent's contact, 409 wrong state
// (or not logged in to the contact center), 422 bad body fields.
#pragma once

#include "api/route_helpers.h"

#include "api/access.h"
#include "api/router.h"
#include "services/desk/agent_desk.h"
#include "services/desk/supervisor_feed.h"

namespace tamas::api {

// Everything referenced must outlive the router.
void add_desk_routes(Router& router, const Guard& guard, services::AgentDesk& desk,
                     services::SupervisorFeed& feed);

// The voice channel's transfer of `agent`'s call `contact` to a partner's
// line: ok, not_found (no such call of ours or partner), permission_denied
// (another agent's call). Any thread; must not block.
using PartnerTransfer = std::function<Status(const std::string& agent, const std::string& contact,
                                             const std::string& partner)>;
void add_partner_transfer_route(Router& router, const Guard& guard, PartnerTransfer transfer);

// The voice channel's attended (consult) transfer (consult_routes.cc). The
// body of /consult names exactly one of agent, queue, number (else 422).
// Answers: /consult 202 {"ok":true,"consult":"ringing"}, the others 200
// {"ok":true}; errors as error_response (not_found 404, permission_denied
// 403, conflict 409, invalid_argument 422, unavailable 503). `done` may be
// called on any thread, exactly once. Functions must not block.
struct ConsultTo {
  std::string agent, queue, number;  // exactly one is set
};
struct ConsultActions {
  using Done = std::function<void(const Status&)>;
  std::function<void(const std::string& agent, const std::string& contact, const ConsultTo& to,
                     Done done)>
      start;
  std::function<void(const std::string& agent, const std::string& contact, Done done)> complete;
  std::function<void(const std::string& agent, const std::string& contact, Done done)> cancel;
};
void add_consult_routes(Router& router, const Guard& guard, ConsultActions actions);

}  // namespace tamas::api
