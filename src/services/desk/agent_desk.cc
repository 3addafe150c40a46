// Contact actions of the agent desk: checked against the mirror, carried out
// by the engine (and the store for messages and wrap-up data).
#include "services/desk/agent_desk.h"

#include <algorithm>

#include "services/desk/desk_json.h"
#include "store/records.h"

namespace tamas::services {

namespace json = boost::json;

AgentDesk::AgentDesk(const strategy::Strategy& s, store::TenantId tenant,
                     store::StoreWriter& writer, Switchboard& board, EventBus& bus,
                     const Clock& clock)
    : strategy_(s), tenant_(tenant), writer_(writer), board_(board), bus_(bus), clock_(clock) {
  customer_feed_ =
      bus_.subscribe(tenant_, {"contact/"}, [this](const BusEvent& e) { relay_from_customer(e); });
}

AgentDesk::~AgentDesk() {
  customer_feed_.reset();
}

void AgentDesk::publish(const std::string& topic, const std::string& type,
                        const std::string& payload) {
  BusEvent e;
  e.tenant = tenant_;
  e.topic = topic;
  e.type = type;
  e.at = clock_.now();
  e.json = payload;
  bus_.publish(std::move(e));
}

Status AgentDesk::check(const std::string& agent, const std::string& contact,
                        std::initializer_list<const char*> states) const {
  const auto s = sessions_.find(agent);
  if (s == sessions_.end() || !s->second.logged_in)
    return Error::conflict("log in to the contact center first");
  const auto c = contacts_.find(contact);
  if (c == contacts_.end()) return Error::not_found("no contact '" + contact + "' on your desk");
  if (c->second.agent != agent)
    return Error{ErrorCode::permission_denied, "contact '" + contact + "' is another agent's"};
  for (const char* st : states)
    if (c->second.state == st) return {};
  return Error::conflict("contact '" + contact + "' is " + c->second.state);
}

void AgentDesk::post_checked(const std::string& agent, const std::string& contact,
                             std::initializer_list<const char*> states, engine::Command cmd,
                             Done done) {
  {
    std::lock_guard lock(mu_);
    if (auto st = check(agent, contact, states); !st.ok()) return done(st);
  }
  board_.post(std::move(cmd), [done](const Status& st, const auto&) { done(st); });
}

void AgentDesk::accept(const std::string& agent, const std::string& contact, Done done) {
  post_checked(agent, contact, {"offered"}, engine::AcceptOffer{agent, contact}, std::move(done));
}

void AgentDesk::reject(const std::string& agent, const std::string& contact, Done done) {
  post_checked(agent, contact, {"offered"}, engine::RejectOffer{agent, contact}, std::move(done));
}

void AgentDesk::end(const std::string& agent, const std::string& contact, Done done) {
  post_checked(agent, contact, {"active", "held"}, engine::ContactEnd{contact}, std::move(done));
}

void AgentDesk::transfer(const std::string& agent, const std::string& contact,
                         const TransferTarget& to, Done done) {
  if (to.queue.empty() == to.agent.empty())
    return done(Error::invalid("give exactly one of queue or agent"));
  if (!to.queue.empty() && !strategy_.index.queues.count(to.queue))
    return done(Error::not_found("no queue '" + to.queue + "'"));
  if (!to.agent.empty() && to.agent == agent)
    return done(Error::conflict("the contact is already yours"));
  engine::Command cmd = to.queue.empty()
                            ? engine::Command(engine::TransferToAgent{contact, to.agent})
                            : engine::Command(engine::TransferToQueue{contact, to.queue});
  post_checked(agent, contact, {"active", "held"}, std::move(cmd), std::move(done));
}

void AgentDesk::hold(const std::string& agent, const std::string& contact, bool on, Done done) {
  engine::Command cmd = on ? engine::Command(engine::ContactHold{contact})
                           : engine::Command(engine::ContactResume{contact});
  post_checked(agent, contact, {on ? "active" : "held"}, std::move(cmd), std::move(done));
}

void AgentDesk::wrap_up(const std::string& agent, const std::string& contact,
                        const std::string& disposition, const std::string& notes, Done done) {
  {
    std::lock_guard lock(mu_);
    if (auto st = check(agent, contact, {"wrap_up"}); !st.ok()) return done(st);
  }
  auto id = store::parse_interaction_id(contact);
  if (!id) return done(Error::not_found("no interaction '" + contact + "'"));
  const auto tenant = tenant_;
  auto op = [tenant, id = *id, disposition, notes](store::Store& db) -> Status {
    auto row = db.interactions().get(tenant, id);
    if (!row) return row.error();
    row->disposition = disposition;
    row->notes = notes;
    return db.interactions().update(*row);
  };
  writer_.submit(op, [this, agent, contact, done](const Status& st) {
    if (!st.ok()) return done(st);
    board_.post(engine::WrapUpDone{agent, contact},
                [done](const Status& s, const auto&) { done(s); });
  });
}

void AgentDesk::send_message(const std::string& agent, const std::string& contact,
                             const std::string& text,
                             std::function<void(Result<std::int64_t>)> done) {
  {
    std::lock_guard lock(mu_);
    if (auto st = check(agent, contact, {"active", "held"}); !st.ok()) return done(st.error());
  }
  auto id = store::parse_interaction_id(contact);
  if (!id) return done(Error::not_found("no interaction '" + contact + "'"));
  store::InteractionMessage m;
  m.tenant = tenant_;
  m.interaction = *id;
  m.sender_kind = store::SenderKind::agent;
  m.sender_id = agent;
  m.text = text;
  m.sent_at = clock_.now();
  auto seq = std::make_shared<std::int64_t>(0);
  writer_.submit(
      [m, seq](store::Store& db) -> Status {
        auto r = db.messages().append(m);
        if (!r) return r.error();
        *seq = *r;
        return {};
      },
      [this, m, seq, agent, contact, done](const Status& st) {
        if (!st.ok()) return done(st.error());
        json::object o{{"contact", contact}, {"seq", *seq},    {"from", "agent"},
                       {"sender", agent},    {"text", m.text}, {"at", desk_json::iso(m.sent_at)}};
        publish("contact/" + contact, "message", desk_json::text(o));
        done(*seq);
      });
}

Status AgentDesk::typing(const std::string& agent, const std::string& contact) {
  {
    std::lock_guard lock(mu_);
    if (auto st = check(agent, contact, {"active", "held"}); !st.ok()) return st;
  }
  publish("contact/" + contact, "typing",
          desk_json::text({{"contact", contact}, {"from", "agent"}}));
  return {};
}

DeskAgent AgentDesk::view_of(const Session& s) const {
  DeskAgent v = s.view;
  v.contacts.clear();
  for (const auto& c : s.contacts) {
    const auto it = contacts_.find(c);
    if (it == contacts_.end()) continue;
    v.contacts.push_back(DeskContact{c, it->second.state, it->second.queue, it->second.since,
                                     it->second.offer_expires});
  }
  return v;
}

Result<DeskContact> AgentDesk::contact_of(const std::string& agent,
                                          const std::string& contact) const {
  std::lock_guard lock(mu_);
  if (auto st = check(agent, contact, {"offered", "active", "held", "wrap_up"}); !st.ok())
    return st.error();
  const auto& h = contacts_.at(contact);
  return DeskContact{contact, h.state, h.queue, h.since, h.offer_expires};
}

Result<DeskAgent> AgentDesk::agent(const std::string& agent) const {
  std::lock_guard lock(mu_);
  const auto it = sessions_.find(agent);
  if (it == sessions_.end()) return Error::not_found("agent '" + agent + "' has not logged in");
  return view_of(it->second);
}

std::vector<DeskAgent> AgentDesk::agents() const {
  std::lock_guard lock(mu_);
  std::vector<DeskAgent> out;
  for (const auto& [id, s] : sessions_) out.push_back(view_of(s));
  return out;
}

Duration AgentDesk::offer_timeout(const std::string& queue) const {
  const auto it = strategy_.index.queues.find(queue);
  if (it == strategy_.index.queues.end()) return Duration{0};
  return strategy_.queues[static_cast<size_t>(it->second)].offer_timeout;
}

}  // namespace tamas::services
