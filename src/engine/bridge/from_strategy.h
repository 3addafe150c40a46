// Compiles a customer access strategy into the engine's routing tables.
//
// Mapping (one-way, pure):
// - skills, queues (policy, size, ring timeout, wrap-up) one to one;
// - every routing rule that targets a queue becomes engine rules, expanded
//   over its types x channels x segments x field values, in file order, so
//   the engine's first match is the strategy's first match (rules that
//   transfer to a partner never reach the engine: the intake handles them);
// - relaxation, overflow, after-hours and no-agents actions are per queue
//   in the engine: each queue takes them from the first rule targeting it;
// - a voicemail-and-callback after-hours action on a queue whose first rule
//   only takes written channels (email, web form, SMS, fax, social) becomes
//   "wait in queue": written contacts are answered when the queue opens;
// - a queue's "answered within" threshold comes from the service level of
//   that first rule's (type, channel) if it is a real-time one;
// - channels the engine does not model map to the nearest it does: fax to
//   email, video to voice, kiosk to walk-in, community to social;
// - every service level becomes an engine SLO (same wildcards, threshold,
//   target as a fraction), id "type/channel/segment" with the strategy's
//   names ("*/voice/*"). The engine resolves it per contact at arrival as
//   strategy::service_level_for does, on the engine channel: a fax contact
//   (routed as email) gets the email SLO when both exist. Business-hours
//   SLOs keep their flag; the engine measures their wait in elapsed time.
#pragma once

#include <string_view>

#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"
#include "engine/command.h"
#include "engine/config.h"
#include "strategy/model.h"

namespace tamas::engine {

// With `calendar` (the organisation's: time zone and holidays), service
// levels marked "business" judge waits in business time of their schedule;
// without one they judge elapsed time.
Result<EngineConfig> engine_config_from(const strategy::Strategy& s,
                                        const BusinessCalendar* calendar = nullptr);

// An agent's login from the strategy's agent groups: skills are the highest
// level any of the groups gives; queues are those served by any of them.
// Unknown group ids are an error.
Result<AgentLogin> agent_login_from(const strategy::Strategy& s, const std::string& agent,
                                    const std::vector<std::string>& groups, bool ready);

// The engine channel for a strategy channel name ("walk_in" -> walkin, ...).
Result<Channel> engine_channel(std::string_view strategy_channel);

}  // namespace tamas::engine
