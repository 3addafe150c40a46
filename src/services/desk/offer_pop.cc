// Screen pop on offers (R41): before an offer reaches the agent, the desk
// reads who the customer is — by the interaction's customer id, else by the
// phone or email it captured — with the open cases and last contacts, on
// the store writer's thread (one bounded read path: crm::screen_pop), and
// publishes the offer with it. A contact that matches nobody, or a read
// that fails, pops "screen_pop": null; the offer itself is never lost.
#include "core/log.h"
#include "services/crm/screen_pop.h"
#include "services/desk/agent_desk.h"
#include "services/desk/desk_json.h"

namespace tamas::services {
namespace {

namespace json = boost::json;

constexpr std::size_t kOpenCases = 5;
constexpr std::size_t kLastContacts = 3;

json::value pop_json(const crm::ScreenPop& p, store::RowId current) {
  const store::Customer& c = p.customer;
  std::string name = c.first_name;
  if (!c.last_name.empty()) name += (name.empty() ? "" : " ") + c.last_name;
  json::array cases, contacts;
  for (const store::Case& k : p.open_cases) {
    if (cases.size() == kOpenCases) break;
    cases.push_back(json::object{{"id", k.id},
                                 {"number", store::format_case_number(k.id)},
                                 {"kind", k.kind},
                                 {"status", store::to_string(k.state)},
                                 {"subject", k.subject}});
  }
  for (const store::TimelineEntry& t : p.last_contacts) {
    if (contacts.size() == kLastContacts) break;
    if (t.source != store::TimelineSource::interaction || t.id == current) continue;
    contacts.push_back(json::object{{"contact", store::format_interaction_id(t.id)},
                                    {"at", desk_json::iso(t.at)},
                                    {"channel", t.channel},
                                    {"type", t.kind},
                                    {"state", t.state}});
  }
  return json::object{{"customer", json::object{{"id", c.id},
                                                {"name", name},
                                                {"segment", p.segment},
                                                {"value_tier", p.value.tier},
                                                {"value_score", p.value.score}}},
                      {"open_cases", std::move(cases)},
                      {"last_contacts", std::move(contacts)}};
}

// The screen pop of `contact` as JSON text ("null" when nobody matches).
std::string read_pop(store::Store& db, const strategy::Strategy& s, store::TenantId tenant,
                     const std::string& contact, Instant now) {
  auto id = store::parse_interaction_id(contact);
  if (!id) return "null";
  auto row = db.interactions().get(tenant, *id);
  if (!row) return "null";
  crm::CrmContext ctx{db, s, tenant};
  auto pop = crm::screen_pop_for_contact(ctx, *row, now);
  if (!pop) {
    log(LogLevel::warn, "desk.screen_pop_failed",
        {{"contact", contact}, {"error", pop.error().message}});
    return "null";
  }
  if (!*pop) return "null";
  return json::serialize(pop_json(**pop, *id));
}

}  // namespace

void AgentDesk::announce_offer(const std::string& agent, const std::string& contact,
                               std::uint64_t serial, BusEvent offer) {
  auto pop = std::make_shared<std::string>("null");
  auto op = [&s = strategy_, tenant = tenant_, contact, now = offer.at,
             pop](store::Store& db) -> Status {
    *pop = read_pop(db, s, tenant, contact, now);
    return {};  // a read: never fails the writer's batch
  };
  auto done = [this, agent, contact, serial, pop,
               offer = std::make_shared<BusEvent>(std::move(offer))](const Status&) {
    {
      std::lock_guard lock(mu_);
      const auto it = contacts_.find(contact);
      if (it == contacts_.end() || it->second.agent != agent || it->second.offer_serial != serial ||
          it->second.announced)
        return;  // revoked, answered or moved on meanwhile
      it->second.announced = true;
    }
    std::string& text = offer->json;
    text.insert(text.size() - 1, ",\"screen_pop\":" + *pop);
    bus_.publish(std::move(*offer));
  };
  writer_.submit(std::move(op), std::move(done));
}

}  // namespace tamas::services
