// What callers hear from caller care (caller_care.h): queue announcements,
// the callback offer, the after-hours message and the survey, as prompt ids
// with their texts in Persian or English, synthesised with the other prompts
// (strategy_voice.h adds them to every voice plan).
//
// Prompt ids: "care.position", "care.in_line", "care.wait", "care.minutes",
// "care.callback_offer", "care.callback_ok", "care.closed",
// "care.voicemail_saved", "care.survey_intro", "care.survey_thanks",
// "num.<n>" (number_words.h) and one "survey.<survey>.<question>" per survey
// question (the question followed by its scale, e.g. "press one to five").
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "channels/voice/prompt.h"
#include "channels/voice/survey.h"
#include "core/time.h"
#include "strategy/model.h"

namespace tamas::voice {

std::vector<std::pair<std::string, PromptSource>> caller_care_prompts(const strategy::Strategy& s,
                                                                      const std::string& language);

// "You are number <position> in line. Your estimated wait is <m> minutes."
// (minutes rounded up, at least one; position 0 is not said), then the
// callback offer when `offer_callback`. `say_position` / `say_wait` false
// leave that sentence out (the strategy's voice.announce_position/_wait);
// the result may then be empty.
std::vector<std::string> announcement_prompts(int position, Duration ewt, bool offer_callback,
                                              const std::string& language, bool say_position = true,
                                              bool say_wait = true);

// The strategy's first survey for a voice interaction of `type`, or nullopt
// (none, or this interaction is not in the sample). Sampling is
// deterministic: interaction number * 2654435761 mod 100 < sample_percent.
// Free-text questions cannot be answered by keys and are left out.
std::optional<SurveyPlan> voice_survey_for(const strategy::Strategy& s, const std::string& type,
                                           const std::string& interaction);

}  // namespace tamas::voice
