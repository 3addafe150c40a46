// The strategy's voice entry points and IVR menus become the voice server's
// numbers and programs, spoken in the organisation's language.
#include "channels/voice/strategy_voice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "strategy/loader.h"

namespace tamas::voice {
namespace {

strategy::Strategy load(const std::string& example) {
  auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/" + example +
                                   "/strategy.yaml");
  EXPECT_TRUE(r.errors.empty());
  return std::move(*r.strategy);
}

const PromptSource* prompt(const VoicePlan& plan, const std::string& id) {
  for (const auto& [pid, src] : plan.prompts)
    if (pid == id) return &src;
  return nullptr;
}

TEST(StrategyVoice, EachVoiceNumberAnswersWithItsMenuInPersian) {
  auto plan = voice_plan_from(load("automotive"), "fa");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->config.entry_points.size(), 1u);
  const auto& hotline = plan->config.entry_points[0];
  EXPECT_EQ(hotline.number, "1560");
  EXPECT_EQ(hotline.id, "hotline");
  EXPECT_EQ(hotline.ivr->config().start_menu, "main");
  const auto* main_menu = prompt(*plan, "menu.main");
  ASSERT_NE(main_menu, nullptr);
  EXPECT_EQ(main_menu->voice, "fa");
  EXPECT_NE(main_menu->text.find("کویر"), std::string::npos);
  // The complaint option collects the mobile number with its pattern.
  const auto& main = hotline.ivr->menu(hotline.ivr->menu_index("main"));
  auto four = std::find_if(main.options.begin(), main.options.end(),
                           [](const IvrOption& o) { return o.digit == '4'; });
  ASSERT_NE(four, main.options.end());
  ASSERT_TRUE(four->collect.has_value());
  EXPECT_EQ(four->collect->field, "mobile");
  EXPECT_EQ(four->collect->pattern, "09[0-9]{9}");
  EXPECT_NE(prompt(*plan, four->collect->prompt), nullptr);
}

TEST(StrategyVoice, ANumberWithoutAMenuGreetsAndGoesToAnAgent) {
  auto plan = voice_plan_from(load("gas-utility"), "en");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->config.entry_points.size(), 2u);
  const auto& emergency = plan->config.entry_points[0];
  EXPECT_EQ(emergency.number, "194");
  EXPECT_EQ(emergency.ivr->config().start_menu, "greeting");
  EXPECT_EQ(emergency.ivr->config().fallback, IvrActionKind::agent);
}

TEST(StrategyVoice, WithoutHoldMusicTheHoldPromptIsSpoken) {
  strategy::Strategy s = load("gas-utility");
  s.voice.hold_music.clear();
  auto plan = voice_plan_from(s, "en");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(prompt(*plan, "hold")->text,
            "Please hold. One of our agents will be with you shortly.");
  EXPECT_EQ(prompt(*plan, "hold")->wav_path, "");
}

TEST(StrategyVoice, HoldMusicIsTheHoldPromptsAudio) {
  // The example names ../audio/hold-music.wav; the loader resolved it.
  auto plan = voice_plan_from(load("gas-utility"), "fa");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  const PromptSource* hold = prompt(*plan, "hold");
  ASSERT_NE(hold, nullptr);
  EXPECT_EQ(std::filesystem::weakly_canonical(hold->wav_path),
            std::filesystem::weakly_canonical(std::string(TAMAS_SOURCE_DIR) +
                                              "/examples/audio/hold-music.wav"));
  EXPECT_EQ(std::count_if(plan->prompts.begin(), plan->prompts.end(),
                          [](const auto& p) { return p.first == "hold"; }),
            1);
  // A stored strategy keeps the path as written: the server's directory.
  strategy::Strategy stored = load("gas-utility");
  stored.voice.hold_music = "music/moh.wav";
  auto from_store = voice_plan_from(stored, "fa", "/srv/tamas");
  ASSERT_TRUE(from_store.ok());
  EXPECT_EQ(prompt(*from_store, "hold")->wav_path, "/srv/tamas/music/moh.wav");
}

TEST(StrategyVoice, TheVoiceSectionSetsCallerCareAndTheRingTimeout) {
  strategy::Strategy s = load("automotive");
  s.voice.first_announcement = std::chrono::seconds(4);
  s.voice.announce_every = std::chrono::seconds(45);
  s.voice.announce_position = false;
  s.voice.offer_callback = false;
  s.voice.callback_offer_wait = std::chrono::seconds(300);
  s.voice.ring_timeout = std::chrono::seconds(12);
  s.voice.voicemail_max = std::chrono::seconds(90);
  auto plan = voice_plan_from(s, "en");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->care.language, "en");
  EXPECT_EQ(plan->care.first_announcement, std::chrono::seconds(4));
  EXPECT_EQ(plan->care.announce_every, std::chrono::seconds(45));
  EXPECT_FALSE(plan->care.announce_position);
  EXPECT_TRUE(plan->care.announce_wait);
  EXPECT_FALSE(plan->care.offer_callback);
  EXPECT_EQ(plan->care.callback_offer_ewt, std::chrono::seconds(300));
  EXPECT_EQ(plan->care.voicemail_max_ms, 90000u);
  EXPECT_EQ(plan->ring_ms, 12000u);
}

TEST(StrategyVoice, EveryPromptItNamesIsInThePlan) {
  for (const char* example : {"automotive", "gas-utility"}) {
    auto plan = voice_plan_from(load(example), "fa");
    ASSERT_TRUE(plan.ok());
    // check_prompts needs audio; a silent set with every planned id stands in.
    auto set = std::make_shared<PromptSet>();
    for (const auto& [id, src] : plan->prompts) set->add(id, std::vector<int16_t>(160, 0));
    plan->config.prompts = set;
    EXPECT_TRUE(check_prompts(plan->config).ok()) << example;
  }
}

}  // namespace
}  // namespace tamas::voice
