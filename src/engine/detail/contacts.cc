// Contact commands: arrival (rules, fallbacks), accept, reject, abandon, end,
// wrap-up, virtual-hold callback; and the one place a contact completes.
#include <algorithm>

#include "engine/detail/core.h"

namespace tamas::engine::detail {

namespace {

bool rule_matches(const RoutingRule& r, const ContactArrive& c) {
  if (r.type && *r.type != c.type) return false;
  if (r.channel && *r.channel != c.channel) return false;
  if (r.segment && *r.segment != c.segment) return false;
  for (const auto& want : r.fields) {
    auto it = std::find_if(c.fields.begin(), c.fields.end(),
                           [&](const auto& f) { return f.first == want.first; });
    if (it == c.fields.end() || it->second != want.second) return false;
  }
  return true;
}

Outcome outcome_for(FallbackReason why) {
  switch (why) {
    case FallbackReason::closed:
      return Outcome::after_hours;
    case FallbackReason::no_agents:
      return Outcome::no_agents;
    case FallbackReason::full:
      return Outcome::queue_full;
  }
  return Outcome::after_hours;
}

}  // namespace

Status Core::arrive(const ContactArrive& c) {
  return arrive(c, IdIndex::hash(c.contact), false, kNoRef);
}

Status Core::arrive(const ContactArrive& c, std::uint32_t id_hash, bool by_ref, Ref queue_ref) {
  if (c.contact.empty()) return Error::invalid("empty contact id");
  if (contact_ids_.find(id_hash, c.contact,
                        [this](Ref r) -> std::string_view { return contact_names_[r]; }) != kNoRef)
    return Error::conflict("contact '" + c.contact + "' exists");
  Ref queue = default_queue_;
  std::optional<int> prio;
  RuleRt* rule = nullptr;
  if (by_ref) {
    if (queue_ref >= queues_.size())
      return Error::not_found("queue ref " + std::to_string(queue_ref));
    queue = queue_ref;
  } else if (c.queue) {
    auto it = queue_ids_.find(*c.queue);
    if (it == queue_ids_.end()) return Error::not_found("queue '" + *c.queue + "'");
    queue = it->second;
  } else {
    for (RuleRt& r : rules_) {
      if (!rule_matches(r.match, c)) continue;
      queue = r.queue;
      prio = r.priority;
      if (r.reqs) rule = &r;
      break;
    }
  }
  if (queue == kNoRef) return Error::not_found("no routing rule matches '" + c.contact + "'");
  QueueRt& q = queues_[queue];
  Ref ref;
  if (!free_contacts_.empty()) {
    ref = free_contacts_.back();
    free_contacts_.pop_back();
  } else {
    ref = static_cast<Ref>(contacts_.size());
    contacts_.emplace_back();
    contact_more_.emplace_back();
    contact_names_.emplace_back();
    heap_pos_.push_back(0);
  }
  ContactRt& ct = contacts_[ref];
  contact_names_[ref] = c.contact;  // the ref's id string keeps its buffer
  ct.id_hash = id_hash;
  contact_ids_.insert_hashed(id_hash, ref);
  ct.channel = c.channel;
  ContactMore& more = contact_more_[ref];
  {
    ContactMore fresh;  // written whole: no read of the previous occupant's
    fresh.arrived = c.arrived_at && *c.arrived_at < now_ ? *c.arrived_at : now_;
    fresh.queued_at = fresh.arrived;
    fresh.seq = ++arrival_seq_;
    fresh.priority = c.priority.value_or(prio.value_or(q.default_priority));
    more = fresh;
  }
  ct.slo = resolve_slo(c);
  ct.queue = queue;
  if (!q.open && c.channel != Channel::callback &&
      q.closed_action.kind != FallbackKind::queue_anyway) {
    fallback(ref, queue, q.closed_action, FallbackReason::closed);
  } else if (q.agents.empty() && q.no_agents_action.kind != FallbackKind::queue_anyway) {
    fallback(ref, queue, q.no_agents_action, FallbackReason::no_agents);
  } else if (q.max_size > 0 && q.waiting >= q.max_size &&
             q.full_action.kind != FallbackKind::queue_anyway) {
    fallback(ref, queue, q.full_action, FallbackReason::full);
  } else {
    // Profiles are interned once per (queue or rule, channel) and cached.
    Ref& base = (rule ? rule->arrival_profile : q.arrival_profile)[static_cast<int>(c.channel)];
    if (base == kNoRef)
      base = intern_profile(queue, c.channel, false, rule ? *rule->reqs : q.default_reqs);
    enqueue(ref, queue, base, true, more.arrived);
  }
  return {};
}

void Core::fallback(Ref c, Ref queue, const FallbackAction& action, FallbackReason why) {
  ++queues_[queue].counters.fallback;
  Event& e = emit(EventKind::after_hours_action, c, kNoRef, queue);
  e.code = static_cast<std::uint8_t>(action.kind);
  e.code2 = static_cast<std::uint8_t>(why);
  complete(c, outcome_for(why));
}

void Core::complete(Ref c, Outcome outcome) {
  ContactRt& ct = contacts_[c];
  assert(!ct.completed);
  ct.completed = true;
  ct.state = ContactState::done;
  ct.agent = kNoRef;
  Event& e = emit(EventKind::contact_completed, c, kNoRef, ct.queue);
  e.code = static_cast<std::uint8_t>(outcome);
  if (ct.pins == 0) retire(c);
  if (!consults_.empty()) release_consulted(c);  // after the event: its offers follow it
}

Status Core::accept(const AcceptOffer& cmd) {
  auto a = find_agent(cmd.agent);
  if (!a) return a.error();
  auto c = find_contact(cmd.contact);
  if (!c) return c.error();
  return accept(*a, *c);
}

Status Core::accept(Ref a, Ref c) {
  ContactRt& ct = contacts_[c];
  if (ct.state != ContactState::offered || ct.agent != a) {
    return Error::conflict("contact '" + contact_names_[c] + "' is not offered to '" +
                           agents_[a].id + "'");
  }
  AgentRt& ag = agents_[a];
  Slot& s = ag.slots[find_slot(ag, c)];
  s.state = SlotState::active;
  s.answered = now_;
  s.since = now_;
  ct.state = ContactState::active;
  ++ct.gen;
  const ContactMore& more = contact_more_[c];
  Duration wait = now_ - more.queued_at;
  QueueStats& qs = queues_[ct.queue].counters;
  ++qs.answered;
  qs.total_wait_answered += wait;
  const QueueRt& q = queues_[ct.queue];
  const Duration judged = q.sl_business_time ? q.sl_business_time(more.queued_at, now_) : wait;
  if (judged <= q.sl_threshold) ++qs.answered_within;
  ++ag.stats.handled;
  slo_answered(ct, more.arrived, a, now_ - more.arrived);
  Event& e = emit(EventKind::contact_answered, c, a, ct.queue);
  e.wait = wait;
  update_status(a);
  return {};
}

Status Core::reject(const RejectOffer& cmd) {
  auto a = find_agent(cmd.agent);
  if (!a) return a.error();
  auto c = find_contact(cmd.contact);
  if (!c) return c.error();
  ContactRt& ct = contacts_[*c];
  if (ct.state != ContactState::offered || ct.agent != *a) {
    return Error::conflict("contact '" + cmd.contact + "' is not offered to '" + cmd.agent + "'");
  }
  return_to_head(*c, RevokeReason::rejected, "rejected");
  return {};
}

Status Core::abandon(const ContactAbandon& cmd) {
  auto c = find_contact(cmd.contact);
  if (!c) return c.error();
  ContactRt& ct = contacts_[*c];
  if (ct.state != ContactState::waiting && ct.state != ContactState::offered) {
    return Error::conflict("contact '" + cmd.contact + "' is not waiting");
  }
  Ref a = kNoRef;
  if (ct.state == ContactState::waiting) {
    unqueue(*c);
  } else {
    a = ct.agent;
    revoke(*c, RevokeReason::abandoned);
  }
  Duration wait = now_ - contact_more_[*c].queued_at;
  ++queues_[ct.queue].counters.abandoned;
  slo_abandoned(ct, now_ - contact_more_[*c].arrived);
  Event& e = emit(EventKind::contact_abandoned, *c, kNoRef, ct.queue);
  e.wait = wait;
  complete(*c, Outcome::abandoned);
  if (a != kNoRef) {
    if (agents_[a].slots.empty()) agents_[a].idle_since = now_;
    update_status(a);
    agent_available(a);
  }
  return {};
}

Status Core::end_contact(const ContactEnd& cmd) {
  auto c = find_contact(cmd.contact);
  if (!c) return c.error();
  return end_contact(*c);
}

Status Core::end_contact(Ref c) {
  if (contacts_[c].state != ContactState::active) {
    return Error::conflict("contact '" + contact_names_[c] + "' is not connected to an agent");
  }
  release_agent_slot(c);
  complete(c, Outcome::handled);
  return {};
}

// The agent's part of an active contact ends: its slot enters wrap-up.
void Core::release_agent_slot(Ref c) {
  ContactRt& ct = contacts_[c];
  Ref a = ct.agent;
  AgentRt& ag = agents_[a];
  // Wrap-up ends next and looks for new work: load the agent's profile
  // links and statistics alongside its slots.
  prefetch_lines(ag.members.data(), ag.members.size() * sizeof(Membership));
  prefetch_lines(&ag.stats, sizeof ag.stats);
  Slot& s = ag.slots[find_slot(ag, c)];
  s.state = SlotState::wrapup;
  s.since = now_;
  s.gen = ++slot_gen_;
  end_hold(s);
  ag.stats.talk_time += now_ - s.answered - s.hold;
  ag.stats.hold_time += s.hold;
  mark_agent(a);
  const QueueRt& q = queues_[s.queue];
  if (q.wrapup_limit.count() > 0)
    add_timer(now_ + q.wrapup_limit, TimerKind::wrapup_limit, a, s.gen);
  ct.agent = kNoRef;
  update_status(a);
}

Status Core::wrapup_done(const WrapUpDone& cmd) {
  auto a = find_agent(cmd.agent);
  if (!a) return a.error();
  auto c = find_contact(cmd.contact);
  if (!c) return c.error();
  return wrapup_done(*a, *c);
}

Status Core::wrapup_done(Ref a, Ref c) {
  int i = find_slot(agents_[a], c);
  if (i < 0 || agents_[a].slots[i].state != SlotState::wrapup) {
    return Error::conflict("agent '" + agents_[a].id + "' is not wrapping up '" +
                           contact_names_[c] + "'");
  }
  finish_wrapup(a, i);
  return {};
}

void Core::finish_wrapup(Ref a, int slot_index) {
  AgentRt& ag = agents_[a];
  Slot s = ag.slots[slot_index];
  ag.slots.erase(ag.slots.begin() + slot_index);
  recount(ag);
  Duration wrap = now_ - s.since;
  Duration handle = now_ - s.answered;
  ag.stats.wrap_time += wrap;
  QueueRt& q = queues_[s.queue];
  ++q.counters.completed;
  q.counters.total_handle += handle;
  q.counters.total_hold += s.hold;
  slo_handled(contacts_[s.contact], a, s.queue, handle, s.hold);
  q.aht_ms = aht_alpha_ * static_cast<double>(handle.count()) + (1 - aht_alpha_) * q.aht_ms;
  ContactRt& ct = contacts_[s.contact];
  emit(EventKind::wrapup_done, s.contact, a, s.queue);
  if (--ct.pins == 0 && ct.completed) retire(s.contact);
  if (ag.slots.empty()) ag.idle_since = now_;
  // Offer first: an agent who gets new work goes straight from wrap-up to
  // reserved, without a momentary "ready" event (the offer updated it).
  if (!agent_available(a)) update_status(a);
}

Status Core::request_callback(const CallbackRequest& cmd) {
  auto c = find_contact(cmd.contact);
  if (!c) return c.error();
  ContactRt& ct = contacts_[*c];
  if (ct.state != ContactState::waiting) {
    return Error::conflict("contact '" + cmd.contact + "' is not waiting");
  }
  if (ct.callback) return {};
  unqueue(*c);
  ct.callback = true;
  Reqs reqs = profiles_[contact_more_[*c].base_profile].reqs;  // copy: interning may grow profiles_
  Ref base = intern_profile(ct.queue, ct.channel, true, reqs);
  enqueue(*c, ct.queue, base, false, now_);
  return {};
}

}  // namespace tamas::engine::detail
