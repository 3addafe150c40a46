#include "channels/voice/caller_prompts.h"

#include <algorithm>

#include "channels/voice/number_words.h"
#include "store/records.h"

namespace tamas::voice {
namespace {

struct Line {
  const char* id;
  const char* fa;
  const char* en;
};

constexpr Line kLines[] = {
    {"care.position", "شما نفر", "You are number"},
    {"care.in_line", "در صف هستید.", "in line."},
    {"care.wait", "زمان تقریبی انتظار شما", "Your estimated wait is"},
    {"care.minutes", "دقیقه است.", "minutes."},
    {"care.callback_offer",
     "اگر می‌خواهید بدون از دست دادن نوبت با شما تماس بگیریم، عدد یک را "
     "فشار "
     "دهید.",
     "To keep your place and be called back, press one."},
    {"care.callback_ok",
     "نوبت شما حفظ شد. به زودی با شما تماس می‌گیریم. "
     "خدانگهدار.",
     "Your place is kept. We will call you back. Goodbye."},
    {"care.closed",
     "در حال حاضر خارج از ساعت کاری هستیم. لطفاً پیام خود را بگذارید و در پایان کلید مربع را "
     "فشار دهید.",
     "We are closed now. Please leave a message after this announcement, and press hash when you "
     "are done."},
    {"care.voicemail_saved",
     "پیام شما ثبت شد. در اولین ساعت کاری با شما تماس "
     "می‌گیریم. "
     "خدانگهدار.",
     "Your message is saved. We will call you back when we open. Goodbye."},
    {"care.survey_intro", "لطفاً به چند پرسش کوتاه پاسخ دهید.", "Please answer a short survey."},
    {"care.survey_thanks", "از پاسخ شما سپاسگزاریم. خدانگهدار.",
     "Thank you for your answers. Goodbye."},
};

struct Scale {
  int min, max;
  const char* fa;
  const char* en;
};

std::optional<Scale> scale_of(strategy::SurveyScale k) {
  switch (k) {
    case strategy::SurveyScale::csat:
      return Scale{1, 5, "از یک تا پنج را فشار دهید.", "Press one to five."};
    case strategy::SurveyScale::nps:
      return Scale{0, 10, "از صفر تا ده را فشار دهید.", "Press zero to ten."};
    case strategy::SurveyScale::ces:
      return Scale{1, 7, "از یک تا هفت را فشار دهید.", "Press one to seven."};
    case strategy::SurveyScale::free_text:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string pick(const strategy::Text& t, const std::string& language) {
  const std::string& first = language == "en" ? t.en : t.fa;
  return first.empty() ? (language == "en" ? t.fa : t.en) : first;
}

PromptSource spoken(std::string text, const std::string& language) {
  PromptSource p;
  p.text = std::move(text);
  p.voice = language == "en" ? "en" : "fa";
  return p;
}

bool any_or(const std::vector<std::string>& list, const std::string& v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

std::vector<std::pair<std::string, PromptSource>> caller_care_prompts(const strategy::Strategy& s,
                                                                      const std::string& language) {
  const bool en = language == "en";
  std::vector<std::pair<std::string, PromptSource>> out;
  for (const Line& l : kLines) out.emplace_back(l.id, spoken(en ? l.en : l.fa, language));
  for (auto& [id, text] : number_words(language)) out.emplace_back(id, spoken(text, language));
  for (const auto& survey : s.surveys) {
    for (const auto& q : survey.questions) {
      auto scale = scale_of(q.scale);
      if (!scale) continue;
      out.emplace_back(
          "survey." + survey.id + "." + q.id,
          spoken(pick(q.prompt, language) + " " + (en ? scale->en : scale->fa), language));
    }
  }
  return out;
}

std::vector<std::string> announcement_prompts(int position, Duration ewt, bool offer_callback,
                                              const std::string& language, bool say_position,
                                              bool say_wait) {
  std::vector<std::string> out;
  if (say_position && position > 0) {
    out.push_back("care.position");
    for (auto& p : number_prompts(position, language)) out.push_back(std::move(p));
    out.push_back("care.in_line");
  }
  if (say_wait) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(ewt).count();
    const int minutes = std::max<int>(1, static_cast<int>((ms + 59999) / 60000));
    out.push_back("care.wait");
    for (auto& p : number_prompts(minutes, language)) out.push_back(std::move(p));
    out.push_back("care.minutes");
  }
  if (offer_callback) out.push_back("care.callback_offer");
  return out;
}

std::optional<SurveyPlan> voice_survey_for(const strategy::Strategy& s, const std::string& type,
                                           const std::string& interaction) {
  auto number = store::parse_interaction_id(interaction);
  const uint64_t n = number ? static_cast<uint64_t>(*number) : 0;
  for (const auto& survey : s.surveys) {
    if (!any_or(survey.channels, "voice") || !any_or(survey.types, type)) continue;
    if (static_cast<int>(n * 2654435761u % 100) >= survey.sample_percent) return std::nullopt;
    SurveyPlan plan;
    plan.id = survey.id;
    plan.intro_prompt = "care.survey_intro";
    plan.thanks_prompt = "care.survey_thanks";
    for (const auto& q : survey.questions) {
      auto scale = scale_of(q.scale);
      if (!scale) continue;
      plan.questions.push_back({q.id, "survey." + survey.id + "." + q.id, scale->min, scale->max});
    }
    if (plan.questions.empty()) return std::nullopt;
    return plan;
  }
  return std::nullopt;
}

}  // namespace tamas::voice
