// Hold and resume of a contact connected to an agent. The agent stays busy;
// hold time is part of the handle time and is also counted on its own.
#include "engine/detail/core.h"

namespace tamas::engine::detail {

namespace {

// The agent slot of a connected contact, or an error.
Result<Slot*> connected_slot(Core& core, std::string_view id) {
  auto c = core.find_contact(id);
  if (!c) return c.error();
  ContactRt& ct = core.contacts_[*c];
  if (ct.state != ContactState::active || ct.agent == kNoRef) {
    return Error::conflict("contact '" + std::string(id) + "' is not connected to an agent");
  }
  AgentRt& ag = core.agents_[ct.agent];
  return &ag.slots[core.find_slot(ag, *c)];
}

void emit_hold(Core& core, EventKind kind, const Slot& s) {
  core.emit(kind, s.contact, core.contacts_[s.contact].agent, s.queue);
}

}  // namespace

Status Core::hold(const ContactHold& c) {
  auto s = connected_slot(*this, c.contact);
  if (!s) return s.error();
  if ((*s)->held) return Error::conflict("contact '" + c.contact + "' is already on hold");
  (*s)->held = true;
  (*s)->hold_since = now_;
  emit_hold(*this, EventKind::contact_held, **s);
  return {};
}

Status Core::resume(const ContactResume& c) {
  auto s = connected_slot(*this, c.contact);
  if (!s) return s.error();
  if (!(*s)->held) return Error::conflict("contact '" + c.contact + "' is not on hold");
  end_hold(**s);
  emit_hold(*this, EventKind::contact_resumed, **s);
  return {};
}

void Core::end_hold(Slot& s) {
  if (!s.held) return;
  s.hold += now_ - s.hold_since;
  s.held = false;
}

}  // namespace tamas::engine::detail
