// Attended (consult) transfer: while an agent consults a colleague about a
// connected contact, the colleague is busy for routing — offered nothing,
// shown busy — until the consult ends, the contact is transferred to them,
// or the contact ends.
#include <algorithm>

#include "engine/detail/core.h"

namespace tamas::engine::detail {

Status Core::begin_consult(const ConsultBegin& cmd) {
  auto ci = find_contact(cmd.contact);
  if (!ci) return ci.error();
  auto ai = find_agent(cmd.agent);
  if (!ai) return ai.error();
  const Ref c = *ci, b = *ai;
  const ContactRt& ct = contacts_[c];
  if (ct.state != ContactState::active || ct.agent == kNoRef)
    return Error::conflict("contact '" + cmd.contact + "' is not connected to an agent");
  AgentRt& ag = agents_[b];
  if (!ag.logged_in) return Error::conflict("agent '" + cmd.agent + "' is logged out");
  if (ct.agent == b) return Error::invalid("'" + cmd.agent + "' holds the contact themself");
  if (ag.consulting != kNoRef)
    return Error::conflict("agent '" + cmd.agent + "' is already in a consult");
  if (consulted_on(c) != consults_.end())
    return Error::conflict("a consult already runs on '" + cmd.contact + "'");
  consults_.emplace_back(c, b);
  ag.consulting = c;
  refresh_idle(b);  // out of every idle set
  update_status(b);
  return {};
}

Status Core::end_consult(const ConsultEnd& cmd) {
  auto ci = find_contact(cmd.contact);
  if (!ci) return ci.error();
  if (!release_consulted(*ci)) return Error::conflict("no consult runs on '" + cmd.contact + "'");
  return {};
}

bool Core::release_consulted(Ref contact) {
  const auto it = consulted_on(contact);
  if (it == consults_.end()) return false;
  const Ref b = it->second;
  consults_.erase(it);
  AgentRt& ag = agents_[b];
  ag.consulting = kNoRef;
  if (ag.slots.empty()) ag.idle_since = now_;
  update_status(b);
  agent_available(b);
  return true;
}

// The consulted agent takes the contact they were consulted on whether or
// not they were ready (a supervisor on a break may take it), if a slot of the
// channel is free.
bool Core::takes_consulted(const AgentRt& a, Ref contact, Channel ch) const {
  return a.logged_in && a.consulting == contact && slot_free(a, ch);
}

std::vector<std::pair<Ref, Ref>>::iterator Core::consulted_on(Ref contact) {
  return std::find_if(consults_.begin(), consults_.end(),
                      [&](const auto& p) { return p.first == contact; });
}

}  // namespace tamas::engine::detail
