#include "channels/voice/strategy_voice.h"

#include <filesystem>
#include <set>

#include "channels/voice/caller_prompts.h"

namespace tamas::voice {
namespace {

struct Speaker {
  std::string language;
  std::vector<std::pair<std::string, PromptSource>>* prompts;
  std::set<std::string> ids;

  std::string pick(const strategy::Text& t) const {
    const std::string& first = language == "en" ? t.en : t.fa;
    return first.empty() ? (language == "en" ? t.fa : t.en) : first;
  }
  // Registers a prompt id with its text once; returns the id.
  std::string say(const std::string& id, const std::string& text) {
    if (ids.insert(id).second) {
      PromptSource src;
      src.text = text;
      src.voice = language;
      prompts->emplace_back(id, std::move(src));
    }
    return id;
  }
};

strategy::Text fixed_text(const std::string& id) {
  if (id == "hold")
    return {
        "لطفاً منتظر بمانید. همکاران ما به زودی پاسخ "
        "می‌دهند.",
        "Please hold. One of our agents will be with you shortly."};
  if (id == "transferring") return {"در حال انتقال تماس شما.", "Transferring your call."};
  if (id == "goodbye")
    return {"از تماس شما سپاسگزاریم. خدانگهدار.", "Thank you for calling. Goodbye."};
  if (id == "invalid") return {"گزینه نامعتبر است.", "That is not a valid option."};
  return {"به مرکز تماس خوش آمدید.", "Welcome. Connecting you to an agent."};  // greeting
}

IvrActionKind action_of(strategy::IvrActionKind k) {
  switch (k) {
    case strategy::IvrActionKind::set_type:
      return IvrActionKind::set_type;
    case strategy::IvrActionKind::submenu:
      return IvrActionKind::submenu;
    case strategy::IvrActionKind::transfer:
      return IvrActionKind::transfer;
    case strategy::IvrActionKind::route:
      return IvrActionKind::route;
    case strategy::IvrActionKind::agent:
      return IvrActionKind::agent;
    case strategy::IvrActionKind::repeat:
      return IvrActionKind::repeat;
  }
  return IvrActionKind::agent;
}

IvrMenu menu_of(const strategy::IvrMenu& m, Speaker& speaker) {
  IvrMenu out;
  out.id = m.id;
  out.prompt = speaker.say("menu." + m.id, speaker.pick(m.prompt));
  const std::string invalid = speaker.pick(m.invalid);
  out.invalid = invalid.empty() ? speaker.say("invalid", speaker.pick(fixed_text("invalid")))
                                : speaker.say("menu." + m.id + ".invalid", invalid);
  out.timeout = m.timeout;
  out.max_retries = m.max_retries;
  for (const auto& o : m.options) {
    IvrOption option;
    option.digit = o.digit;
    option.action = action_of(o.action);
    option.target = o.target;
    if (o.collect) {
      IvrCollect c;
      c.field = o.collect->field;
      c.prompt = speaker.say("collect." + m.id + "." + std::string(1, o.digit),
                             speaker.pick(o.collect->prompt));
      c.pattern = o.collect->pattern;
      c.min_digits = o.collect->min_digits;
      c.max_digits = o.collect->max_digits;
      option.collect = std::move(c);
    }
    out.options.push_back(std::move(option));
  }
  return out;
}

// An entry point without an IVR: a greeting, then straight to an agent.
IvrConfig direct_ivr(Speaker& speaker) {
  IvrMenu m;
  m.id = "greeting";
  m.prompt = speaker.say("greeting", speaker.pick(fixed_text("greeting")));
  m.invalid = m.prompt;
  m.timeout = std::chrono::milliseconds(1);
  m.max_retries = 0;
  IvrConfig c;
  c.start_menu = m.id;
  c.menus.push_back(std::move(m));
  return c;
}

uint32_t millis(Duration d) {
  return static_cast<uint32_t>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}

}  // namespace

CallerCareOptions care_options_from(const strategy::Strategy& s, const std::string& language) {
  const strategy::VoiceSettings& v = s.voice;
  CallerCareOptions o;
  o.language = language;
  o.first_announcement = v.first_announcement;
  o.announce_every = v.announce_every;
  o.announce_position = v.announce_position;
  o.announce_wait = v.announce_wait;
  o.offer_callback = v.offer_callback;
  o.callback_offer_ewt = v.callback_offer_wait;
  o.voicemail_max_ms = millis(v.voicemail_max);
  return o;
}

Result<VoicePlan> voice_plan_from(const strategy::Strategy& s, const std::string& language,
                                  const std::string& base_dir) {
  VoicePlan plan;
  plan.care = care_options_from(s, language);
  plan.ring_ms = millis(s.voice.ring_timeout);
  Speaker speaker{language, &plan.prompts, {}};
  std::vector<IvrMenu> menus;
  for (const auto& m : s.ivr_menus) menus.push_back(menu_of(m, speaker));
  if (!s.voice.hold_music.empty()) {  // music on hold instead of the spoken prompt
    std::filesystem::path music(s.voice.hold_music);
    if (music.is_relative() && !base_dir.empty()) music = std::filesystem::path(base_dir) / music;
    PromptSource src;
    src.wav_path = music.string();
    plan.prompts.emplace_back("hold", std::move(src));
    speaker.ids.insert("hold");
  }
  for (const char* id : {"hold", "transferring", "goodbye"})
    speaker.say(id, speaker.pick(fixed_text(id)));

  for (const auto& ep : s.entry_points) {
    if (ep.channel != strategy::ChannelKind::voice) continue;
    if (ep.address.empty())
      return Error::invalid("voice entry point '" + ep.id + "' has no number");
    IvrConfig config;
    if (ep.ivr.empty()) {
      config = direct_ivr(speaker);
    } else {
      config.start_menu = ep.ivr;
      config.menus = menus;
    }
    config.fallback = IvrActionKind::agent;
    auto program = IvrProgram::compile(std::move(config));
    if (!program)
      return Error::invalid("voice entry point '" + ep.id + "': " + program.error().message);
    VoiceEntryPoint vep;
    vep.number = ep.address;
    vep.id = ep.id;
    vep.ivr = std::move(program).value();
    vep.hold_prompt = "hold";
    vep.hold_is_music = !s.voice.hold_music.empty();
    vep.transferring_prompt = "transferring";
    vep.goodbye_prompt = "goodbye";
    plan.config.entry_points.push_back(std::move(vep));
  }
  // Caller care: announcements, callback, voicemail, survey (caller_prompts.h).
  for (auto& p : caller_care_prompts(s, language)) plan.prompts.push_back(std::move(p));
  return plan;
}

}  // namespace tamas::voice
