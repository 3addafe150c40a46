// Transfers (to a queue, to an agent) and queue opening hours.
#include "engine/detail/core.h"

namespace tamas::engine::detail {

Status Core::transfer_to_queue(const TransferToQueue& cmd) {
  auto ci = find_contact(cmd.contact);
  if (!ci) return ci.error();
  auto qi = queue_ids_.find(cmd.queue);
  if (qi == queue_ids_.end()) return Error::not_found("queue '" + cmd.queue + "'");
  Ref c = *ci, to = qi->second;
  ContactRt& ct = contacts_[c];
  if (ct.state == ContactState::waiting) {
    unqueue(c);
  } else if (ct.state == ContactState::active) {
    if (!consults_.empty()) release_consulted(c);
    release_agent_slot(c);
  } else {
    return Error::conflict("contact '" + cmd.contact + "' cannot be transferred now");
  }
  emit(EventKind::contact_transferred, c, kNoRef, ct.queue, to);
  ct.head = false;
  ct.callback = false;
  Ref base = intern_profile(to, ct.channel, false, queues_[to].default_reqs);
  enqueue(c, to, base, true, now_);
  return {};
}

Status Core::transfer_to_agent(const TransferToAgent& cmd) {
  auto ci = find_contact(cmd.contact);
  if (!ci) return ci.error();
  auto ai = find_agent(cmd.agent);
  if (!ai) return ai.error();
  Ref c = *ci, b = *ai;
  ContactRt& ct = contacts_[c];
  if (ct.state != ContactState::waiting && ct.state != ContactState::active) {
    return Error::conflict("contact '" + cmd.contact + "' cannot be transferred now");
  }
  if (ct.agent == b) return Error::conflict("contact is already with '" + cmd.agent + "'");
  const bool consulted = takes_consulted(agents_[b], c, ct.channel);
  if (!consulted && !eligible(agents_[b], ct.channel)) {
    return Error::conflict("agent '" + cmd.agent + "' cannot take this contact now");
  }
  if (consulted) {  // the consult ends in the transfer: no offers in between
    agents_[b].consulting = kNoRef;
    consults_.erase(consulted_on(c));
  } else if (!consults_.empty()) {
    release_consulted(c);  // transferred to someone else than the consulted agent
  }
  if (ct.state == ContactState::waiting) {
    unqueue(c);
  } else {
    release_agent_slot(c);
  }
  emit(EventKind::contact_transferred, c, b, ct.queue);
  offer(c, b);
  return {};
}

Status Core::open_queue(const QueueOpen& cmd, bool open) {
  auto qi = queue_ids_.find(cmd.queue);
  if (qi == queue_ids_.end()) return Error::not_found("queue '" + cmd.queue + "'");
  QueueRt& q = queues_[qi->second];
  if (q.open == open) return {};
  q.open = open;
  if (open) {
    for (std::size_t i = 0; i < q.profiles.size(); ++i) drain(q.profiles[i]);
  }
  return {};
}

}  // namespace tamas::engine::detail
