// VoiceContacts and agents' phones: ring on offer, accept on answer, reject
// when the phone does not take the call.
#include "channels/voice/voice_contacts.h"

#include "core/log.h"

namespace tamas::voice {

std::optional<std::pair<uint64_t, std::string>> VoiceContacts::offered_call(
    const std::string& interaction, const std::string& agent) {
  std::lock_guard lock(mutex_);
  auto it = call_of_interaction_.find(interaction);
  if (it == call_of_interaction_.end()) return std::nullopt;
  auto call = calls_.find(it->second);
  if (call == calls_.end() || call->second.offered != agent) return std::nullopt;
  return std::make_pair(it->second, interaction);
}

// Engine thread: one of our calls is offered to `e.agent`. The device
// look-up may answer later, on another thread.
void VoiceContacts::offered(const services::ResolvedEvent& e) {
  uint64_t call_id = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = call_of_interaction_.find(e.contact);
    if (it == call_of_interaction_.end()) {
      early_offers_.emplace_back(e.contact, e.agent);
      if (early_offers_.size() > 64) early_offers_.pop_front();
      return;
    }
    call_id = it->second;
  }
  offered(call_id, e.contact, e.agent);
}

void VoiceContacts::offered(uint64_t call_id, const std::string& contact,
                            const std::string& agent) {
  if (consult_offered(call_id, contact, agent)) return;  // the consulted agent's leg is up
  std::function<void(const std::string&, AgentDevices::Found)> find;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call_id);
    if (it == calls_.end()) return;
    it->second.offered = agent;
    find = devices_.find;
  }
  if (!find) {
    log(LogLevel::warn, "voice.agent_no_device", {{"agent", agent}, {"contact", contact}});
    return;  // the engine's own RONA, or the desk, decides
  }
  find(agent, [this, call_id, agent, contact](std::optional<std::string> uri) {
    dial(call_id, agent, contact, uri);
  });
}

void VoiceContacts::dial(uint64_t call_id, const std::string& agent, const std::string& interaction,
                         std::optional<std::string> uri) {
  if (!offered_call(interaction, agent)) return;  // revoked meanwhile
  // Without a static URI the voice thread still tries the phone the agent
  // registered; neither → the leg fails → RejectOffer.
  AgentDial d;
  d.agent = agent;
  d.uri = uri.value_or("");
  {
    std::lock_guard lock(mutex_);
    d.ring_ms = options_.ring_ms;
    if (!options_.recordings_dir.empty())
      d.recording_path = options_.recordings_dir + "/" + interaction + ".wav";
  }
  if (server_) server_->dial_agent(call_id, std::move(d));
}

// Engine thread: the agent put our caller on hold, or took them back.
void VoiceContacts::held(const services::ResolvedEvent& e, bool on) {
  uint64_t call_id = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = call_of_interaction_.find(e.contact);
    if (it == call_of_interaction_.end()) return;
    if (calls_[it->second].consult) return;  // consulting: the caller stays on hold
    call_id = it->second;
  }
  if (server_) server_->hold(call_id, on);
}

// Voice thread: what the agent's phone did.
void VoiceContacts::on_agent_leg(const CallInfo& call, const AgentLegReport& r) {
  std::string interaction;
  std::function<void(const std::string&, const std::string&, const std::string&)> recorded;
  std::string path;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call.id);
    if (it == calls_.end() || it->second.offered != r.agent) return;
    interaction = it->second.interaction;
    if (r.outcome != AgentLegOutcome::answered) it->second.offered.clear();
    it->second.bridged = r.outcome == AgentLegOutcome::answered;
    recorded = devices_.recorded;
    if (!options_.recordings_dir.empty())
      path = options_.recordings_dir + "/" + interaction + ".wav";
  }
  switch (r.outcome) {
    case AgentLegOutcome::answered:
      switchboard_.post(
          engine::AcceptOffer{r.agent, interaction},
          [this, id = call.id, agent = r.agent](const Status& st, const auto&) {
            if (st.ok()) return;
            log(LogLevel::warn, "voice.accept_failed", {{"error", st.error().message}});
            if (server_) server_->drop_agent(id, agent);
          });
      if (recorded && !path.empty()) recorded(interaction, path, r.agent);
      return;
    case AgentLegOutcome::rejected:
    case AgentLegOutcome::no_answer:
    case AgentLegOutcome::failed:
      // The engine treats it like its own RONA: the agent goes not ready and
      // the call is offered again (conflict when it revoked first: ignored).
      switchboard_.post(engine::RejectOffer{r.agent, interaction});
      return;
    case AgentLegOutcome::hung_up:
      return;  // tamas hangs up the caller: on_call_ended ends the contact
  }
}

}  // namespace tamas::voice
