// Numbers spoken from a few recorded words: position in the queue and
// minutes of estimated wait are read as words in Persian ("بیست و سه") or
// English ("twenty three") by concatenating prompts "num.<n>" (0..19 and the
// tens) and, in Persian, "num.and" (و). Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tamas::voice {

inline constexpr int kMaxSpokenNumber = 99;

// Prompt ids that say n (0..99; larger values are said as 99).
std::vector<std::string> number_prompts(int n, const std::string& language);
// Every prompt id number_prompts() may use, with its text ("fa" or "en").
std::vector<std::pair<std::string, std::string>> number_words(const std::string& language);

}  // namespace tamas::voice
