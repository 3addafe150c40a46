// The strategy's voice entry points and IVR menus become the voice server's
// numbers and programs, spoken in the organisation's language.
#include "channels/voice/strategy_voice.h"

#include <gtest/gtest.h>

#include <algorithm>

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
  EXPECT_EQ(prompt(*plan, "hold")->text,
            "Please hold. One of our agents will be with you shortly.");
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
