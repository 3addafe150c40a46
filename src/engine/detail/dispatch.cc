// Matching contacts and agents: queueing, offering, revoking, and picking the
// best contact for an agent across the profiles it is linked to.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "engine/detail/core.h"

namespace tamas::engine::detail {

std::int64_t Core::score_now(Ref c) const {
  return contact_more_[c].key + queues_[contacts_[c].queue].aging * ms(now_);
}

Ref Core::current_profile(Ref c) {
  ContactRt& ct = contacts_[c];
  if (ct.relax_step == 0) return contact_more_[c].base_profile;
  const auto& step = queues_[ct.queue].relax[ct.relax_step - 1];
  return intern_profile(ct.queue, ct.channel, ct.callback, step.second);
}

void Core::enqueue(Ref c, Ref queue, Ref base_profile, bool fresh_queue, Instant since) {
  ContactRt& ct = contacts_[c];
  ContactMore& more = contact_more_[c];
  QueueRt& q = queues_[queue];
  more.base_profile = base_profile;
  if (fresh_queue) {
    slo_offered(ct, queue, ct.state == ContactState::free);  // free: arriving
    ct.queue = queue;
    more.queued_at = since;
    ct.relax_step = 0;
    ++ct.queue_gen;
    ++q.counters.offered;
    for (std::size_t i = 0; i < q.relax.size(); ++i) {
      add_timer(since + q.relax[i].first, TimerKind::relax, c, ct.queue_gen,
                static_cast<std::uint8_t>(i + 1));
    }
    if (q.overflow_after.count() > 0) {
      add_timer(since + q.overflow_after, TimerKind::overflow, c, ct.queue_gen);
    }
  }
  more.key = static_cast<std::int64_t>(more.priority) * 1'000'000 - q.aging * ms(more.arrived);
  more.profile = current_profile(c);
  place(c);
  Event& e = emit(EventKind::contact_queued, c, kNoRef, queue);
  e.code = ct.callback ? 1 : 0;
  e.position = position_of(c);
  e.ewt = ewt_for(q, e.position);
  drain(more.profile);
}

void Core::place(Ref c) {
  ContactRt& ct = contacts_[c];
  ct.state = ContactState::waiting;
  ++queues_[ct.queue].waiting;
  slo_waiting(ct, +1);
  const ContactMore& more = contact_more_[c];
  Profile& p = profiles_[more.profile];
  const HeapEntry e{more.key, more.seq, c, ct.head};
  p.contacts.push(e, heap_pos_);
  if (p.front.contact == kNoRef || served_before(e, p.front)) p.front = e;
}

void Core::unqueue(Ref c) {
  ContactRt& ct = contacts_[c];
  Profile& p = profiles_[contact_more_[c].profile];
  ContactHeap& heap = p.contacts;
  // Offers take the front, whose position needs no lookup.
  if (p.front.contact == c) {
    heap.pop_top(heap_pos_);
  } else {
    heap.erase(heap_pos_[c], heap_pos_);
  }
  if (heap.empty()) {
    p.front = HeapEntry{};
  } else {
    p.front = heap.top();
    // The new front is the profile's next offer: start loading its record
    // now so that offer finds it in cache (with a long backlog it was last
    // touched when it arrived).
    const Ref next = p.front.contact;
    __builtin_prefetch(&contacts_[next]);
    __builtin_prefetch(&contact_more_[next]);  // read when it is answered
  }
  --queues_[ct.queue].waiting;
  slo_waiting(ct, -1);
}

void Core::drain(Ref profile) {
  Profile& p = profiles_[profile];
  if (p.held_when_closed && !queues_[p.queue].open) return;
  while (!p.contacts.empty() && !p.idle.empty()) {
    offer(p.contacts.top().contact, p.idle.top().agent);
  }
}

void Core::offer(Ref c, Ref a) {
  ContactRt& ct = contacts_[c];
  if (ct.state == ContactState::waiting) unqueue(c);
  ct.state = ContactState::offered;
  ct.agent = a;
  ct.head = false;
  ++ct.gen;
  ++ct.pins;
  AgentRt& ag = agents_[a];
  ag.slots.push_back(Slot{c, ct.channel, SlotState::offered, ct.queue, 0, now_, {}});
  recount(ag);
  ag.last_offer = ++offer_seq_;
  const QueueRt& q = queues_[ct.queue];
  if (q.offer_timeout.count() > 0)
    add_timer(now_ + q.offer_timeout, TimerKind::offer_timeout, c, ct.gen);
  emit(ct.callback ? EventKind::start_callback : EventKind::offer, c, a, ct.queue);
  update_status(a);
  refresh_idle(a);
}

void Core::revoke(Ref c, RevokeReason why) {
  ContactRt& ct = contacts_[c];
  Ref a = ct.agent;
  AgentRt& ag = agents_[a];
  ag.slots.erase(ag.slots.begin() + find_slot(ag, c));
  recount(ag);
  --ct.pins;
  ct.agent = kNoRef;
  ++ct.gen;
  Event& e = emit(EventKind::offer_revoked, c, a, ct.queue);
  e.code = static_cast<std::uint8_t>(why);
}

// RONA and reject: the agent goes not ready, the contact goes back to the
// head of its queue and to the next agent if one is idle.
void Core::return_to_head(Ref c, RevokeReason why, std::string_view reason) {
  Ref a = contacts_[c].agent;
  revoke(c, why);
  make_not_ready(a, intern_reason(reason));
  ContactRt& ct = contacts_[c];
  ct.head = true;
  const Ref profile = current_profile(c);
  contact_more_[c].profile = profile;
  place(c);
  drain(profile);
}

Ref Core::best_contact_for(const AgentRt& a) const {
  Ref best = kNoRef;
  bool best_head = false;
  std::int64_t best_score = 0;
  std::uint64_t best_seq = 0;
  const std::int64_t now = ms(now_);
  if (!takes_work(a)) return kNoRef;
  for (const Membership& m : a.members) {
    const Profile& p = profiles_[m.profile];
    const HeapEntry& e = p.front;
    assert(e.contact == (p.contacts.empty() ? kNoRef : p.contacts.top().contact));
    if (e.contact == kNoRef || !slot_free(a, p.channel)) continue;
    if (p.held_when_closed && !queues_[p.queue].open) continue;
    std::int64_t score = e.key + p.aging * now;
    bool better = best == kNoRef || (e.head != best_head   ? e.head
                                     : score != best_score ? score > best_score
                                                           : e.seq < best_seq);
    if (better) {
      best = e.contact;
      best_head = e.head;
      best_score = score;
      best_seq = e.seq;
    }
  }
  return best;
}

int Core::position_of(Ref c) const {
  const ContactRt& ct = contacts_[c];
  const QueueRt& q = queues_[ct.queue];
  if (!q.announce) return 0;
  HeapEntry mine{contact_more_[c].key, contact_more_[c].seq, c, ct.head};
  int ahead = 0;
  for (Ref p : q.profiles) {
    profiles_[p].contacts.for_each([&](const HeapEntry& e) { ahead += served_before(e, mine); });
  }
  return ahead + 1;
}

Duration Core::ewt_for(const QueueRt& q, int position) const {
  if (position <= 0) return Duration{0};
  double n = std::max<double>(1.0, static_cast<double>(q.agents.size()));
  double seconds = std::round(position * q.aht_ms / n / 1000.0);
  return std::chrono::seconds(static_cast<std::int64_t>(seconds));
}

}  // namespace tamas::engine::detail
