// Agents' phones and recordings from the store: AgentDevices for the app to
// hand to VoiceContacts. Look-ups and updates go through the StoreWriter's
// thread, so neither the engine nor the voice thread ever waits on the
// database.
//
// - find(agent): the engine's agent id is the username; its User row links
//   the Agent row whose sip_uri is the device ("" or missing: nullopt).
//   Answers on the writer thread.
// - recorded(interaction, path): sets fields_json "recording" on the
//   interaction (the path of its stereo WAV).
#pragma once

#include "channels/voice/voice_contacts.h"
#include "store/records.h"
#include "store/writer.h"

namespace tamas::voice {

// `writer` must outlive the returned functions' last use.
AgentDevices store_agent_devices(store::StoreWriter& writer, store::TenantId tenant);

}  // namespace tamas::voice
