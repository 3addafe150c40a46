// Agents' phones and recordings from the store: AgentDevices for the app to
// hand to VoiceContacts. Look-ups and updates go through the StoreWriter's
// thread, so neither the engine nor the voice thread ever waits on the
// database.
//
// - find(agent): the engine's agent id is the username; its User row links
//   the Agent row whose sip_uri is the device ("" or missing: nullopt).
//   Answers on the writer thread.
// - recorded(interaction, path, agent): sets fields_json "recording" and
//   "recording_agent" (the username) on the
//   interaction (the path of its stereo WAV).
#pragma once

#include "channels/voice/voice_contacts.h"
#include "store/records.h"
#include "store/writer.h"

namespace tamas::voice {

// `writer` must outlive the returned functions' last use.
AgentDevices store_agent_devices(store::StoreWriter& writer, store::TenantId tenant);

// The registrar's look-ups (VoiceEvents::sip_credentials / on_registered):
// - credentials(user): the agent's sip_ha1 when it was made for `realm`,
//   answered on the writer thread;
// - registered(user, contact, expires_s): stores sip_contact and
//   sip_contact_until = now() + expires_s (cleared for 0).
struct PhoneRegistry {
  std::function<void(const std::string&, VoiceEvents::Ha1Answer)> credentials;
  std::function<void(const std::string&, const std::string&, uint32_t)> registered;
};
PhoneRegistry store_phone_registry(store::StoreWriter& writer, store::TenantId tenant,
                                   std::string realm, std::function<Instant()> now);

}  // namespace tamas::voice
