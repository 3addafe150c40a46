#include "channels/voice/voice_contacts.h"

#include <algorithm>

#include "core/log.h"

namespace tamas::voice {

void VoiceContacts::attach(VoiceServer* server) {
  std::lock_guard lock(mutex_);
  server_ = server;
}

void VoiceContacts::use_devices(AgentDevices devices, AgentLegOptions options) {
  std::lock_guard lock(mutex_);
  devices_ = std::move(devices);
  options_ = std::move(options);
}

void VoiceContacts::use_care(CallerCare* care) {
  care_.store(care, std::memory_order_release);
}

VoiceEvents VoiceContacts::events() {
  VoiceEvents ev;
  if (care()) {
    care()->add_events(ev);
    ev.on_survey_started = [this](const CallInfo& c) { survey_started(c); };
  }
  ev.on_route = [this](const CallInfo& c, const IvrResult& r) { on_route(c, r); };
  ev.on_call_ended = [this](const CallInfo& c, std::string_view why) { on_call_ended(c, why); };
  ev.on_agent_leg = [this](const CallInfo& c, const AgentLegReport& r) { on_agent_leg(c, r); };
  ev.on_consult = [this](const CallInfo& c, const ConsultReport& r) { on_consult(c, r); };
  return ev;
}

size_t VoiceContacts::calls() const {
  std::lock_guard lock(mutex_);
  return calls_.size();
}

void VoiceContacts::on_route(const CallInfo& call, const IvrResult& result) {
  services::CallSubmission sub;
  sub.entry_point = call.entry_id;
  sub.caller = call.caller;
  sub.fields = result.fields;
  sub.ivr_path = result.path;
  switch (result.action) {
    case IvrActionKind::set_type:
      sub.type = result.target;
      break;
    case IvrActionKind::route:
    case IvrActionKind::agent:
      sub.queue = result.target;
      break;
    case IvrActionKind::transfer:
      sub.partner = result.target;
      break;
    case IvrActionKind::hangup:
    case IvrActionKind::submenu:
    case IvrActionKind::repeat:
      return;  // self-service or impossible: no contact
  }
  const bool queued = result.action != IvrActionKind::transfer;
  if (queued) {
    std::lock_guard lock(mutex_);
    calls_[call.id] = CallState{};
  }
  if (queued && care()) care()->routed(call);
  const uint64_t id = call.id;
  intake_.submit_call(std::move(sub), [this, id, queued](services::IntakeOutcome out) {
    if (queued) committed(id, out);
  });
}

void VoiceContacts::committed(uint64_t call_id, const services::IntakeOutcome& out) {
  bool hang_up = false;
  std::string abandon;
  std::string early_agent;  // offered before we knew the interaction
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call_id);
    if (it == calls_.end()) return;
    if (out.kind != services::IntakeOutcome::Kind::accepted || out.receipt.queue.empty()) {
      hang_up = !it->second.ended;
      calls_.erase(it);
    } else if (it->second.ended) {
      abandon = out.receipt.interaction;
      calls_.erase(it);
    } else {
      it->second.interaction = out.receipt.interaction;
      call_of_interaction_[out.receipt.interaction] = call_id;
      auto early = std::find_if(early_offers_.begin(), early_offers_.end(),
                                [&](const auto& o) { return o.first == out.receipt.interaction; });
      if (early != early_offers_.end()) {
        early_agent = early->second;
        early_offers_.erase(early);
      }
    }
  }
  if (care() && !hang_up && abandon.empty()) care()->queued(call_id, out.receipt);
  if (!early_agent.empty()) offered(call_id, out.receipt.interaction, early_agent);
  if (out.kind != services::IntakeOutcome::Kind::accepted)
    log(LogLevel::warn, "voice.intake_failed", {{"call", call_id}, {"error", out.message}});
  if (!abandon.empty()) leave_queue(abandon);
  if (hang_up && server_) server_->hangup(call_id);
}

void VoiceContacts::on_call_ended(const CallInfo& call, std::string_view) {
  std::string interaction;
  const bool keep = care() && care()->keeps_contact(call.id);  // e.g. a callback
  if (care()) care()->ended(call.id);
  std::optional<ConsultNotice> consult_over;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call.id);
    if (it == calls_.end()) return;
    if (it->second.interaction.empty()) {
      it->second.ended = true;  // committed() abandons it once it is stored
      return;
    }
    if (it->second.consult)
      consult_over = notice(it->second, "consult_ended", {{"reason", "caller_hung_up"}});
    interaction = it->second.interaction;
    call_of_interaction_.erase(interaction);
    calls_.erase(it);
  }
  if (consult_over) publish(*consult_over);
  if (!keep) leave_queue(interaction);
}

// The agent hung up and the caller went on to the survey: the contact ends
// (wrap-up) while the call carries on.
void VoiceContacts::survey_started(const CallInfo& call) {
  std::string interaction;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call.id);
    if (it == calls_.end()) return;
    interaction = it->second.interaction;
    call_of_interaction_.erase(interaction);
    calls_.erase(it);
  }
  if (care()) care()->survey_started(call.id);
  if (!interaction.empty()) switchboard_.post(engine::ContactEnd{interaction});
}

// The caller is gone: abandoned while waiting or offered, else the contact
// with its agent ends.
void VoiceContacts::leave_queue(const std::string& interaction) {
  switchboard_.post(engine::ContactAbandon{interaction},
                    [this, interaction](const Status& st, const auto&) {
                      if (st.ok() || st.error().code != ErrorCode::conflict) return;
                      switchboard_.post(engine::ContactEnd{interaction});
                    });
}

void VoiceContacts::on_engine_event(const services::ResolvedEvent& e) {
  using engine::EventKind;
  if (care()) care()->on_engine_event(e);
  if (e.event.kind == EventKind::offer) return offered(e);
  if (e.event.kind == EventKind::contact_held) return held(e, true);
  if (e.event.kind == EventKind::contact_resumed) return held(e, false);
  if (e.event.kind == EventKind::agent_state_changed) return agent_seen(e);
  if (e.event.kind == EventKind::contact_transferred && consult_transferred(e)) return;
  if (e.event.kind == EventKind::offer_revoked || e.event.kind == EventKind::contact_transferred) {
    uint64_t call_id = 0;
    {
      std::lock_guard lock(mutex_);
      std::erase_if(early_offers_, [&](const auto& o) { return o.first == e.contact; });
      auto it = call_of_interaction_.find(e.contact);
      if (it == call_of_interaction_.end()) return;
      call_id = it->second;
      calls_[call_id].offered.clear();
      calls_[call_id].bridged = false;
    }
    // Revoked: cancel that agent's ringing phone. Transferred: the agent leg
    // ends and the caller waits on hold for the next offer.
    const bool revoked = e.event.kind == EventKind::offer_revoked;
    if (server_) server_->drop_agent(call_id, revoked ? e.agent : std::string());
    return;
  }
  if (e.event.kind != EventKind::contact_completed) return;
  uint64_t call_id = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = call_of_interaction_.find(e.contact);
    if (it == call_of_interaction_.end()) return;
    call_id = it->second;
    if (care() && care()->takes_over(call_id)) return;  // recording a voicemail
    call_of_interaction_.erase(it);
    calls_.erase(call_id);
  }
  // Ended by its agent (the survey may follow), or turned away (closed, no
  // agents, full).
  const bool handled = e.event.code == static_cast<uint8_t>(engine::Outcome::handled);
  if (server_ && care() && handled)
    server_->finish_call(call_id);
  else if (server_)
    server_->hangup(call_id);
}

}  // namespace tamas::voice
