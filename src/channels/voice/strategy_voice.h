// The voice side of a strategy: each voice entry point with a number becomes
// a VoiceEntryPoint whose IVR is the strategy's menus, spoken in one of the
// organisation's languages. Prompt ids are derived from the menu ids
// ("menu.<menu>", "menu.<menu>.invalid", "collect.<menu>.<digit>") plus the
// fixed "hold", "transferring", "goodbye" and "greeting" prompts.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "channels/voice/caller_care.h"
#include "channels/voice/prompt.h"
#include "channels/voice/voice_server.h"
#include "core/result.h"
#include "strategy/model.h"

namespace tamas::voice {

struct VoicePlan {
  VoiceConfig config;  // config.prompts is left empty: load `prompts` first
  std::vector<std::pair<std::string, PromptSource>> prompts;
  CallerCareOptions care;    // care_options_from(s, language)
  uint32_t ring_ms = 20000;  // an agent's phone rings this long (voice.ring_timeout)
};

// `language` is "fa" or "en"; a text missing in it falls back to the other.
// The strategy's voice.hold_music, when set, is the "hold" prompt's audio
// (looped while a caller waits or is on hold, converted once by
// load_prompts); a relative path is resolved against `base_dir` (the
// strategy file's directory; the loader already resolved it when it knew
// the file). Errors: a voice entry point without a number, or an IVR the
// voice channel cannot compile (the message names the entry point).
Result<VoicePlan> voice_plan_from(const strategy::Strategy& s, const std::string& language,
                                  const std::string& base_dir = "");

// Caller care's options from the strategy's `voice:` section (the other
// options keep their defaults).
CallerCareOptions care_options_from(const strategy::Strategy& s, const std::string& language);

}  // namespace tamas::voice
