#include "channels/voice/number_words.h"

#include <algorithm>
#include <array>

namespace tamas::voice {
namespace {

constexpr std::array<const char*, 20> kFaUnits = {
    "صفر", "یک",    "دو",     "سه",    "چهار",   "پنج",    "شش",     "هفت",  "هشت",  "نه",
    "ده",  "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"};
constexpr std::array<const char*, 10> kFaTens = {"",      "",    "بیست",  "سی",    "چهل",
                                                 "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"};
constexpr std::array<const char*, 20> kEnUnits = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> kEnTens = {"",      "",      "twenty",  "thirty", "forty",
                                                 "fifty", "sixty", "seventy", "eighty", "ninety"};

std::string id(int n) {
  return "num." + std::to_string(n);
}

}  // namespace

std::vector<std::string> number_prompts(int n, const std::string& language) {
  n = std::clamp(n, 0, kMaxSpokenNumber);
  if (n < 20) return {id(n)};
  std::vector<std::string> out = {id(n / 10 * 10)};
  if (n % 10 != 0) {
    if (language != "en") out.push_back("num.and");
    out.push_back(id(n % 10));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> number_words(const std::string& language) {
  const bool en = language == "en";
  std::vector<std::pair<std::string, std::string>> out;
  for (int n = 0; n < 20; ++n) out.emplace_back(id(n), en ? kEnUnits[n] : kFaUnits[n]);
  for (int t = 2; t < 10; ++t) out.emplace_back(id(t * 10), en ? kEnTens[t] : kFaTens[t]);
  if (!en) out.emplace_back("num.and", "و");
  return out;
}

}  // namespace tamas::voice
