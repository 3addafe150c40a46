#include "services/events/event_types.h"

#include <algorithm>

namespace tamas::services {

const std::vector<std::string_view>& webhook_event_types() {
  static const std::vector<std::string_view> types{
      // Engine (services/engine_feed).
      "contact.queued", "contact.offered", "contact.offer_revoked", "contact.answered",
      "contact.abandoned", "contact.overflowed", "contact.transferred", "contact.held",
      "contact.resumed", "contact.after_hours", "contact.completed", "agent.state_changed",
      // Cases (services/cases).
      "case.created", "case.updated", "case.assigned", "case.transitioned", "case.reopened",
      "case.closed", "case.forwarded", "case.forward_answered", "case.forward_overdue",
      "case.sla_warning", "case.sla_breached",
      // The agent desk's own stream (services/desk).
      "offer", "message", "typing", "agent_state",
      // POST /api/v1/webhooks/{id}/ping.
      "ping"};
  return types;
}

bool is_webhook_event_type(std::string_view type) {
  if (type == "*") return true;
  const auto& all = webhook_event_types();
  return std::find(all.begin(), all.end(), type) != all.end();
}

}  // namespace tamas::services
