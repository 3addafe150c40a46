// The desk follows the engine: each routing event updates the mirror of who
// holds what and becomes bus events for the agent and the customer.
#include <string>

#include "services/desk/agent_desk.h"
#include "services/desk/desk_json.h"

namespace tamas::services {
namespace {

namespace json = boost::json;
using engine::EventKind;

std::int64_t seconds(Duration d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

}  // namespace

void AgentDesk::on_engine_event(const ResolvedEvent& e) {
  std::vector<BusEvent> out;
  std::uint64_t offer = 0;
  {
    std::lock_guard lock(mu_);
    handle(e, out);
    if (e.event.kind == EventKind::offer) offer = contacts_[e.contact].offer_serial;
  }
  for (auto& b : out) {
    b.tenant = tenant_;
    b.at = e.event.at;
    if (offer != 0 && b.type == "offer")
      announce_offer(e.agent, e.contact, offer, std::move(b));
    else
      bus_.publish(std::move(b));
  }
}

// REQUIRES mu_ held. Appends the bus events `e` causes to `out`.
void AgentDesk::handle(const ResolvedEvent& e, std::vector<BusEvent>& out) {
  const auto to_agent = [&](const std::string& agent, const char* type, const json::object& o) {
    out.push_back(BusEvent{0, 0, "agent/" + agent, type, {}, desk_json::text(o)});
  };
  const auto to_contact = [&](const char* type, const json::object& o) {
    out.push_back(BusEvent{0, 0, "contact/" + e.contact, type, {}, desk_json::text(o)});
  };
  const Instant at = e.event.at;
  switch (e.event.kind) {
    case EventKind::offer: {
      const auto timeout = offer_timeout(e.queue);
      Held h{e.agent, "offered", e.queue, at, std::nullopt, ++offers_, false};
      if (timeout.count() > 0) h.offer_expires = at + timeout;
      contacts_[e.contact] = h;
      sessions_[e.agent].contacts.insert(e.contact);
      json::object o{{"contact", e.contact}, {"queue", e.queue}, {"timeout_ms", timeout.count()}};
      if (h.offer_expires) o["expires_at"] = desk_json::iso(*h.offer_expires);
      return to_agent(e.agent, "offer", o);
    }
    case EventKind::offer_revoked: {
      const auto it = contacts_.find(e.contact);
      const bool untold =
          it != contacts_.end() && it->second.agent == e.agent && !it->second.announced;
      if (it != contacts_.end() && it->second.agent == e.agent) contacts_.erase(it);
      sessions_[e.agent].contacts.erase(e.contact);
      if (untold) return;  // the agent never saw the offer
      const auto reason = engine::to_string(static_cast<engine::RevokeReason>(e.event.code));
      return to_agent(e.agent, "offer_withdrawn", {{"contact", e.contact}, {"reason", reason}});
    }
    case EventKind::contact_answered: {
      contacts_[e.contact] = Held{e.agent, "active", e.queue, at, std::nullopt};
      sessions_[e.agent].contacts.insert(e.contact);
      to_agent(e.agent, "contact_assigned",
               {{"contact", e.contact}, {"queue", e.queue}, {"waited_s", seconds(e.event.wait)}});
      const auto& name = sessions_[e.agent].view.display_name;
      return to_contact("agent_joined", {{"agent", name.empty() ? e.agent : name}});
    }
    case EventKind::contact_completed: {
      const auto outcome = engine::to_string(static_cast<engine::Outcome>(e.event.code));
      const auto it = contacts_.find(e.contact);
      if (it != contacts_.end() && (it->second.state == "active" || it->second.state == "held")) {
        it->second.state = "wrap_up";
        it->second.since = at;
        to_agent(it->second.agent, "contact_ended", {{"contact", e.contact}, {"outcome", outcome}});
      }
      return to_contact("ended", {{"outcome", outcome}});
    }
    case EventKind::wrapup_done: {
      const auto it = contacts_.find(e.contact);
      if (it != contacts_.end() && it->second.agent == e.agent) contacts_.erase(it);
      sessions_[e.agent].contacts.erase(e.contact);
      return to_agent(e.agent, "wrapup_done", {{"contact", e.contact}});
    }
    case EventKind::contact_transferred: {
      json::object o{{"contact", e.contact}};
      if (!e.queue2.empty()) o["queue"] = e.queue2;
      if (!e.agent.empty()) o["agent"] = e.agent;
      const auto it = contacts_.find(e.contact);
      if (it != contacts_.end()) {
        const std::string from = it->second.agent;
        sessions_[from].contacts.erase(e.contact);
        contacts_.erase(it);
        to_agent(from, "contact_transferred", o);
      }
      return to_contact("transferred", o);
    }
    case EventKind::agent_state_changed: {
      auto& s = sessions_[e.agent];
      s.view.agent = e.agent;
      s.view.state = engine::to_string(static_cast<engine::AgentStatus>(e.event.code));
      s.view.reason = e.reason;
      s.view.since = at;
      s.logged_in = s.view.state != "logged_out";
      if (!s.logged_in && !s.logout_reason.empty()) s.view.reason = std::move(s.logout_reason);
      s.logout_reason.clear();
      return to_agent(
          e.agent, "agent_state",
          {{"state", s.view.state}, {"reason", s.view.reason}, {"since", desk_json::iso(at)}});
    }
    case EventKind::contact_held:
    case EventKind::contact_resumed: {
      const bool on = e.event.kind == EventKind::contact_held;
      const auto it = contacts_.find(e.contact);
      if (it == contacts_.end()) return;
      it->second.state = on ? "held" : "active";
      it->second.since = at;
      to_agent(it->second.agent, on ? "contact_held" : "contact_resumed", {{"contact", e.contact}});
      return to_contact(on ? "hold" : "resume", {{"contact", e.contact}});
    }
    case EventKind::contact_queued:
      return to_contact(
          "queue",
          {{"queue", e.queue}, {"position", e.event.position}, {"ewt_s", seconds(e.event.ewt)}});
    default:
      return;
  }
}

// Customer messages and typing reach the agent who holds the contact.
void AgentDesk::relay_from_customer(const BusEvent& e) {
  if (e.type != "message" && e.type != "typing" && e.type != "left") return;
  if (e.type != "left" && e.json.find(R"("from":"customer")") == std::string::npos) return;
  const std::string contact = e.topic.substr(std::string("contact/").size());
  std::string agent;
  {
    std::lock_guard lock(mu_);
    const auto it = contacts_.find(contact);
    if (it == contacts_.end() || it->second.state == "offered") return;
    agent = it->second.agent;
  }
  BusEvent out{0,    tenant_, "agent/" + agent, e.type == "left" ? "customer_left" : e.type,
               e.at, e.json};
  bus_.publish(std::move(out));
}

}  // namespace tamas::services
