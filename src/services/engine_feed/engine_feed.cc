#include "services/engine_feed/engine_feed.h"

#include <boost/json.hpp>

#include <chrono>

#include "engine/event.h"

namespace tamas::services {
namespace {

using engine::EventKind;
namespace json = boost::json;

std::int64_t millis(Duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

// The event's type name and the fields only it carries.
std::optional<const char*> contact_type(const ResolvedEvent& r, json::object& o) {
  const engine::Event& e = r.event;
  switch (e.kind) {
    case EventKind::contact_queued:
      o["position"] = e.position;
      o["ewt_ms"] = millis(e.ewt);
      return "contact.queued";
    case EventKind::offer:
      return "contact.offered";
    case EventKind::offer_revoked:
      o["reason"] = engine::to_string(static_cast<engine::RevokeReason>(e.code));
      return "contact.offer_revoked";
    case EventKind::contact_answered:
      o["wait_ms"] = millis(e.wait);
      return "contact.answered";
    case EventKind::contact_abandoned:
      o["wait_ms"] = millis(e.wait);
      return "contact.abandoned";
    case EventKind::contact_overflowed:
      o["to_queue"] = r.queue2;
      return "contact.overflowed";
    case EventKind::contact_transferred:
      if (!r.queue2.empty()) o["to_queue"] = r.queue2;
      return "contact.transferred";
    case EventKind::contact_held:
      return "contact.held";
    case EventKind::contact_resumed:
      return "contact.resumed";
    case EventKind::after_hours_action:
      o["reason"] = engine::to_string(static_cast<engine::FallbackReason>(e.code2));
      return "contact.after_hours";
    case EventKind::contact_completed:
      o["outcome"] = engine::to_string(static_cast<engine::Outcome>(e.code));
      return "contact.completed";
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<BusEvent> to_bus_event(const ResolvedEvent& r, std::int64_t tenant) {
  json::object o;
  if (r.event.kind == EventKind::agent_state_changed) {
    if (r.agent.empty()) return std::nullopt;
    o["agent"] = r.agent;
    o["state"] = engine::to_string(static_cast<engine::AgentStatus>(r.event.code));
    if (!r.reason.empty()) o["reason"] = r.reason;
    return BusEvent{
        0, tenant, "agents/" + r.agent, "agent.state_changed", r.event.at, json::serialize(o)};
  }
  if (r.contact.empty()) return std::nullopt;
  o["contact"] = r.contact;
  if (!r.queue.empty()) o["queue"] = r.queue;
  if (!r.agent.empty()) o["agent"] = r.agent;
  auto type = contact_type(r, o);
  if (!type) return std::nullopt;
  return BusEvent{0, tenant, "contacts/" + r.contact, *type, r.event.at, json::serialize(o)};
}

void attach_engine_feed(Switchboard& board, EventBus& bus, std::int64_t tenant) {
  board.subscribe([&bus, tenant](const ResolvedEvent& e) {
    if (auto b = to_bus_event(e, tenant)) bus.publish(std::move(*b));
  });
}

}  // namespace tamas::services
