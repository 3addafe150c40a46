// VoiceContacts: the desk's transfer to a partner's line.
#include "channels/voice/voice_contacts.h"
#include "core/log.h"

namespace tamas::voice {

void VoiceContacts::use_partners(std::map<std::string, std::string> uris) {
  std::lock_guard lock(mutex_);
  partner_uris_ = std::move(uris);
}

Status VoiceContacts::transfer_to_partner(const std::string& interaction, const std::string& agent,
                                          const std::string& partner) {
  uint64_t call_id = 0;
  std::string uri;
  {
    std::lock_guard lock(mutex_);
    auto p = partner_uris_.find(partner);
    if (p == partner_uris_.end()) return Error::not_found("no line for partner '" + partner + "'");
    auto it = call_of_interaction_.find(interaction);
    if (it == call_of_interaction_.end())
      return Error::not_found("'" + interaction + "' is not a call of ours");
    auto call = calls_.find(it->second);
    if (call == calls_.end() || call->second.offered != agent)
      return Error{ErrorCode::permission_denied,
                   "'" + interaction + "' is not " + agent + "'s call"};
    call_id = it->second;
    uri = p->second;
    // The call is no longer a contact: its end and the engine's completion
    // must not hang up the caller, who now talks to the partner.
    call_of_interaction_.erase(it);
    calls_.erase(call);
  }
  log(LogLevel::info, "voice.partner_transfer",
      {{"interaction", interaction}, {"agent", agent}, {"partner", partner}});
  if (server_) server_->transfer_out(call_id, uri);
  if (care()) care()->survey_started(call_id);  // no more announcements, no survey
  switchboard_.post(engine::ContactEnd{interaction});
  return {};
}

}  // namespace tamas::voice
