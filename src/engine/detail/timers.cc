// Timer handling: offer timeout (RONA), skill relaxation, overflow and the
// wrap-up limit. Timers are cancelled lazily: each carries the generation of
// the thing it belongs to and is ignored if that has moved on.
#include "engine/detail/core.h"

namespace tamas::engine::detail {

void Core::on_timer(const Timer& t) {
  switch (t.kind) {
    case TimerKind::offer_timeout: {
      const ContactRt& ct = contacts_[t.obj];
      if (ct.state == ContactState::offered && ct.gen == t.gen) {
        return_to_head(t.obj, RevokeReason::rona, "rona");
      }
      return;
    }
    case TimerKind::relax: {
      const ContactRt& ct = contacts_[t.obj];
      if (ct.queue_gen != t.gen || ct.completed || ct.state == ContactState::free) return;
      relax(t.obj, t.aux);
      return;
    }
    case TimerKind::overflow: {
      const ContactRt& ct = contacts_[t.obj];
      if (ct.queue_gen != t.gen || ct.state != ContactState::waiting) return;
      overflow(t.obj);
      return;
    }
    case TimerKind::wrapup_limit: {
      AgentRt& ag = agents_[t.obj];
      for (std::size_t i = 0; i < ag.slots.size(); ++i) {
        if (ag.slots[i].state == SlotState::wrapup && ag.slots[i].gen == t.gen) {
          finish_wrapup(t.obj, static_cast<int>(i));
          return;
        }
      }
      return;
    }
  }
}

// Requirements become those of relaxation step `step`; a waiting contact
// moves to the wider profile (keeping its place) and may meet an idle agent.
void Core::relax(Ref c, int step) {
  ContactRt& ct = contacts_[c];
  ct.relax_step = static_cast<std::uint8_t>(step);
  if (ct.state != ContactState::waiting) return;  // applies if it comes back
  unqueue(c);
  const Ref profile = current_profile(c);
  contact_more_[c].profile = profile;
  place(c);
  Event& e = emit(EventKind::contact_relaxed, c, kNoRef, ct.queue);
  e.code = static_cast<std::uint8_t>(step);
  drain(profile);
}

void Core::overflow(Ref c) {
  ContactRt& ct = contacts_[c];
  Ref from = ct.queue;
  Ref to = queues_[from].overflow_target;
  unqueue(c);
  ++queues_[from].counters.overflowed;
  emit(EventKind::contact_overflowed, c, kNoRef, from, to);
  ct.head = false;
  Ref base = intern_profile(to, ct.channel, ct.callback, queues_[to].default_reqs);
  enqueue(c, to, base, true, now_);
}

}  // namespace tamas::engine::detail
