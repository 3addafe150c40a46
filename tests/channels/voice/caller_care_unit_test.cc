// Caller care without the network: the survey by keys, numbers as words,
// what an announcement says, and which survey a call gets.
#include <gtest/gtest.h>

#include "channels/voice/caller_prompts.h"
#include "channels/voice/number_words.h"
#include "channels/voice/survey.h"
#include "strategy/loader.h"

namespace tamas::voice {
namespace {

using namespace std::chrono_literals;
using Strings = std::vector<std::string>;

SurveyPlan csat_and_nps() {
  SurveyPlan p;
  p.id = "after_call";
  p.intro_prompt = "intro";
  p.thanks_prompt = "thanks";
  p.questions = {{"csat", "q.csat", 1, 5}, {"nps", "q.nps", 0, 10}};
  return p;
}

TEST(Survey, AsksEachQuestionAndTakesOneKeyAnswers) {
  SurveyRun run(csat_and_nps());
  auto s = run.start();
  EXPECT_EQ(s.play, (Strings{"intro", "q.csat"}));
  EXPECT_EQ(s.wait_ms, 6000u);
  s = run.digit('4');
  EXPECT_EQ(s.play, (Strings{"q.nps"}));
  s = run.digit('9');
  EXPECT_EQ(s.play, (Strings{"thanks"}));
  EXPECT_TRUE(s.done);
  EXPECT_EQ(run.answers(), (SurveyAnswers{{"csat", 4}, {"nps", 9}}));
}

TEST(Survey, NpsTenIsOneThenZeroAndOneAloneIsOne) {
  SurveyPlan plan = csat_and_nps();
  plan.questions.erase(plan.questions.begin());
  SurveyRun ten(plan);
  ten.start();
  auto s = ten.digit('1');
  EXPECT_TRUE(s.play.empty());
  EXPECT_TRUE(s.wait_ms.has_value());  // waits for the 0 of 10
  s = ten.digit('0');
  EXPECT_TRUE(s.done);
  EXPECT_EQ(ten.answers(), (SurveyAnswers{{"nps", 10}}));

  SurveyRun one(plan);
  one.start();
  one.digit('1');
  EXPECT_TRUE(one.timeout().done);
  EXPECT_EQ(one.answers(), (SurveyAnswers{{"nps", 1}}));
}

TEST(Survey, OutOfScaleRepeatsTheQuestionThenSkipsIt) {
  SurveyRun run(csat_and_nps());
  run.start();
  EXPECT_EQ(run.digit('7').play, (Strings{"q.csat"}));  // 7 is not 1..5: asked again
  EXPECT_EQ(run.digit('0').play, (Strings{"q.nps"}));   // again wrong: skipped
  EXPECT_TRUE(run.timeout().done);                      // silence: skipped
  EXPECT_TRUE(run.answers().empty());
}

TEST(NumberWords, PersianNumbersAreWordsJoinedByVa) {
  EXPECT_EQ(number_prompts(7, "fa"), (Strings{"num.7"}));
  EXPECT_EQ(number_prompts(23, "fa"), (Strings{"num.20", "num.and", "num.3"}));
  EXPECT_EQ(number_prompts(23, "en"), (Strings{"num.20", "num.3"}));
  EXPECT_EQ(number_prompts(40, "fa"), (Strings{"num.40"}));
  EXPECT_EQ(number_prompts(500, "fa"), (Strings{"num.90", "num.and", "num.9"}));
  auto words = number_words("fa");
  auto find = [&](const std::string& id) {
    for (auto& [k, v] : words)
      if (k == id) return v;
    return std::string();
  };
  EXPECT_EQ(find("num.20"), "بیست");
  EXPECT_EQ(find("num.3"), "سه");
  EXPECT_EQ(find("num.and"), "و");
}

TEST(Announcement, SaysPositionAndMinutesRoundedUpThenTheOffer) {
  EXPECT_EQ(
      announcement_prompts(3, 61s, false, "fa"),
      (Strings{"care.position", "num.3", "care.in_line", "care.wait", "num.2", "care.minutes"}));
  auto with_offer = announcement_prompts(1, 10s, true, "en");
  EXPECT_EQ(with_offer.back(), "care.callback_offer");
  EXPECT_EQ(with_offer[4], "num.1");  // at least one minute
}

TEST(Announcement, TheStrategyMayLeaveOutThePositionOrTheWait) {
  EXPECT_EQ(announcement_prompts(3, 61s, false, "en", false, true),
            (Strings{"care.wait", "num.2", "care.minutes"}));
  EXPECT_EQ(announcement_prompts(3, 61s, false, "en", true, false),
            (Strings{"care.position", "num.3", "care.in_line"}));
  EXPECT_EQ(announcement_prompts(3, 61s, true, "en", false, false),
            (Strings{"care.callback_offer"}));
  EXPECT_TRUE(announcement_prompts(3, 61s, false, "en", false, false).empty());
}

TEST(Announcement, EveryCareAndSurveyPromptHasText) {
  auto loaded = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                        "/tests/channels/voice/care_strategy.yaml");
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().message;
  auto prompts = caller_care_prompts(*loaded.strategy, "fa");
  std::set<std::string> ids;
  for (auto& [id, src] : prompts) {
    EXPECT_FALSE(src.text.empty()) << id;
    EXPECT_EQ(src.voice, "fa");
    ids.insert(id);
  }
  for (const auto& id : announcement_prompts(57, 3600s, true, "fa"))
    EXPECT_TRUE(ids.count(id)) << id;
  auto plan = voice_survey_for(*loaded.strategy, "billing", "I-000001");
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->questions.size(), 2u);
  EXPECT_EQ(plan->questions[1].max, 10);
  for (const auto& q : plan->questions) EXPECT_TRUE(ids.count(q.prompt)) << q.prompt;
  EXPECT_FALSE(voice_survey_for(*loaded.strategy, "late", "I-000001").has_value());
}

}  // namespace
}  // namespace tamas::voice
