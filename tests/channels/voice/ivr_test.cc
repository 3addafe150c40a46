// The IVR state machine, driven like a caller on a phone would drive it.
#include "channels/voice/ivr.h"

#include <gtest/gtest.h>

namespace tamas::voice {
namespace {

using std::chrono::seconds;

// main: 1 billing (submenu), 2 ticket status (collect 6 digits, route),
//       0 agent, 9 partner transfer, 5 repeat, # hang up
// billing: 1 route to queue "billing", 2 set type "refund"
IvrConfig hotline() {
  IvrConfig c;
  c.start_menu = "main";
  IvrMenu main{"main", "p.main", "p.invalid", seconds(5), 2, {}};
  main.options.push_back({'1', IvrActionKind::submenu, "billing", {}});
  IvrCollect ticket{"ticket", "p.ticket", "p.bad_ticket", "[1-9][0-9]*", 4, 6, '#'};
  main.options.push_back({'2', IvrActionKind::route, "status", ticket});
  main.options.push_back({'0', IvrActionKind::agent, "", {}});
  main.options.push_back({'9', IvrActionKind::transfer, "02188776655", {}});
  main.options.push_back({'5', IvrActionKind::repeat, "", {}});
  main.options.push_back({'#', IvrActionKind::hangup, "", {}});
  IvrMenu billing{"billing", "p.billing", "p.invalid", seconds(3), 1, {}};
  billing.options.push_back({'1', IvrActionKind::route, "billing", {}});
  billing.options.push_back({'2', IvrActionKind::set_type, "refund", {}});
  c.menus = {main, billing};
  c.fallback = IvrActionKind::agent;
  c.fallback_target = "general";
  return c;
}

class IvrTest : public ::testing::Test {
 protected:
  std::shared_ptr<const IvrProgram> program = IvrProgram::compile(hotline()).value();
  Ivr ivr{program};

  IvrStep press(const std::string& digits) {
    IvrStep last;
    for (char d : digits) last = ivr.digit(d);
    return last;
  }
};

using Prompts = std::vector<std::string>;

TEST_F(IvrTest, AnsweredCallHearsTheMainMenuThenWaitsForInput) {
  IvrStep s = ivr.start();
  EXPECT_EQ(s.play, Prompts{"p.main"});
  EXPECT_FALSE(s.wait);
  s = ivr.prompt_finished();
  EXPECT_TRUE(s.play.empty());
  ASSERT_TRUE(s.wait);
  EXPECT_EQ(*s.wait, seconds(5));
  EXPECT_EQ(ivr.menu_id(), "main");
}

TEST_F(IvrTest, SubmenuThenRouteGivesQueueAndPath) {
  ivr.start();
  IvrStep s = ivr.digit('1');
  EXPECT_TRUE(s.stop);
  EXPECT_EQ(s.play, Prompts{"p.billing"});
  EXPECT_EQ(ivr.menu_id(), "billing");
  ivr.prompt_finished();
  s = ivr.digit('1');
  ASSERT_TRUE(s.done);
  EXPECT_TRUE(ivr.finished());
  EXPECT_EQ(s.done->action, IvrActionKind::route);
  EXPECT_EQ(s.done->target, "billing");
  EXPECT_FALSE(s.done->by_fallback);
  EXPECT_EQ(s.done->path, (Prompts{"main:1", "billing:1"}));
}

TEST_F(IvrTest, DigitDuringPromptBargesIn) {
  ivr.start();  // the main prompt is still playing
  IvrStep s = ivr.digit('0');
  ASSERT_TRUE(s.done);
  EXPECT_TRUE(s.stop);
  EXPECT_EQ(s.done->action, IvrActionKind::agent);
}

TEST_F(IvrTest, SetTypeAndTransferAndHangupFinish) {
  ivr.start();
  press("1");
  IvrStep s = ivr.digit('2');
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->action, IvrActionKind::set_type);
  EXPECT_EQ(s.done->target, "refund");

  Ivr second{program};
  second.start();
  s = second.digit('9');
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->action, IvrActionKind::transfer);
  EXPECT_EQ(s.done->target, "02188776655");

  Ivr third{program};
  third.start();
  s = third.digit('#');
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->action, IvrActionKind::hangup);
}

TEST_F(IvrTest, InvalidDigitReplaysInvalidPromptThenMenu) {
  ivr.start();
  IvrStep s = ivr.digit('7');
  EXPECT_TRUE(s.stop);
  EXPECT_EQ(s.play, (Prompts{"p.invalid", "p.main"}));
  EXPECT_FALSE(s.done);
}

TEST_F(IvrTest, NoInputReplaysTheMenuWithoutInvalidPrompt) {
  ivr.start();
  ivr.prompt_finished();
  IvrStep s = ivr.timeout();
  EXPECT_EQ(s.play, Prompts{"p.main"});
}

TEST_F(IvrTest, RunningOutOfRetriesTakesTheFallback) {
  ivr.start();  // main allows 2 replays
  EXPECT_EQ(ivr.digit('7').play.size(), 2u);
  ivr.prompt_finished();
  EXPECT_EQ(ivr.timeout().play, Prompts{"p.main"});
  IvrStep s = ivr.digit('8');
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->action, IvrActionKind::agent);
  EXPECT_EQ(s.done->target, "general");
  EXPECT_TRUE(s.done->by_fallback);
  EXPECT_TRUE(s.done->path.empty());
}

TEST_F(IvrTest, RetriesStartAgainInASubmenu) {
  ivr.start();
  ivr.digit('7');
  ivr.digit('7');  // two replays used in main
  ivr.digit('1');  // billing allows 1 replay of its own
  EXPECT_EQ(ivr.digit('7').play, (Prompts{"p.invalid", "p.billing"}));
  EXPECT_TRUE(ivr.digit('7').done);
}

TEST_F(IvrTest, RepeatReplaysWithoutUsingARetry) {
  ivr.start();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(ivr.digit('5').play, Prompts{"p.main"});
  EXPECT_FALSE(ivr.finished());
  ivr.digit('7');
  ivr.digit('7');
  EXPECT_TRUE(ivr.digit('7').done);  // only the invalid digits counted
}

TEST_F(IvrTest, CollectsTicketNumberEndedByHash) {
  ivr.start();
  IvrStep s = ivr.digit('2');
  EXPECT_EQ(s.play, Prompts{"p.ticket"});
  s = ivr.digit('4');  // barge into the collect prompt
  EXPECT_TRUE(s.stop);
  ASSERT_TRUE(s.wait);
  EXPECT_EQ(*s.wait, seconds(5));
  s = press("521#");
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->action, IvrActionKind::route);
  EXPECT_EQ(s.done->target, "status");
  ASSERT_EQ(s.done->fields.size(), 1u);
  EXPECT_EQ(s.done->fields[0].first, "ticket");
  EXPECT_EQ(s.done->fields[0].second, "4521");
  EXPECT_EQ(s.done->path, Prompts{"main:2"});
}

TEST_F(IvrTest, CollectionEndsByItselfAtMaxDigits) {
  ivr.start();
  ivr.digit('2');
  IvrStep s = press("123456");
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->fields[0].second, "123456");
}

TEST_F(IvrTest, PauseAfterEnoughDigitsTakesWhatWasTyped) {
  ivr.start();
  ivr.digit('2');
  press("98765");
  IvrStep s = ivr.timeout();
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->fields[0].second, "98765");
}

TEST_F(IvrTest, TooShortOrPatternMismatchIsInvalidAndStartsOver) {
  ivr.start();
  ivr.digit('2');
  IvrStep s = press("12#");  // shorter than 4
  EXPECT_EQ(s.play, (Prompts{"p.bad_ticket", "p.ticket"}));
  s = press("0123#");  // must not start with 0
  EXPECT_EQ(s.play, (Prompts{"p.bad_ticket", "p.ticket"}));
  EXPECT_FALSE(ivr.finished());
  s = press("5555#");  // the earlier digits were discarded
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->fields[0].second, "5555");
}

TEST_F(IvrTest, StarClearsTheCollectedDigits) {
  ivr.start();
  ivr.digit('2');
  press("99");
  EXPECT_EQ(ivr.digit('*').play, Prompts{"p.ticket"});
  IvrStep s = press("1234#");
  ASSERT_TRUE(s.done);
  EXPECT_EQ(s.done->fields[0].second, "1234");
}

TEST_F(IvrTest, SilenceDuringCollectionRunsOutToTheFallback) {
  ivr.start();  // the collection counts its own replays against main's limit of 2
  ivr.digit('2');
  ivr.prompt_finished();
  EXPECT_EQ(ivr.timeout().play, Prompts{"p.ticket"});
  EXPECT_EQ(ivr.timeout().play, Prompts{"p.ticket"});
  IvrStep s = ivr.timeout();
  ASSERT_TRUE(s.done);
  EXPECT_TRUE(s.done->by_fallback);
  EXPECT_EQ(s.done->path, Prompts{"main:2"});
}

TEST_F(IvrTest, PromptFinishedOnlyCountsForTheCurrentPlay) {
  ivr.start();
  ivr.prompt_finished();
  EXPECT_TRUE(ivr.prompt_finished().empty());  // nothing is playing
}

TEST_F(IvrTest, InputAfterTheEndIsIgnored) {
  ivr.start();
  ivr.digit('0');
  EXPECT_TRUE(ivr.digit('1').empty());
  EXPECT_TRUE(ivr.timeout().empty());
  EXPECT_TRUE(ivr.prompt_finished().empty());
  EXPECT_TRUE(ivr.start().empty());
}

TEST_F(IvrTest, InputBeforeStartIsIgnored) {
  EXPECT_TRUE(ivr.digit('1').empty());
  EXPECT_TRUE(ivr.timeout().empty());
}

TEST(IvrProgramTest, RejectsBrokenConfigs) {
  auto broken = [](auto edit) {
    IvrConfig c = hotline();
    edit(c);
    return IvrProgram::compile(c);
  };
  EXPECT_TRUE(broken([](IvrConfig&) {}).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.start_menu = "nope"; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus.clear(); }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[1].id = "main"; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].options[0].target = "nope"; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].options[1].digit = '1'; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].options[1].digit = 'x'; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.fallback = IvrActionKind::submenu; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].options[1].collect->pattern = "[0-"; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].options[1].collect->min_digits = 9; }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].options[3].target.clear(); }).ok());
  EXPECT_FALSE(broken([](IvrConfig& c) { c.menus[0].invalid.clear(); }).ok());
  auto bad = broken([](IvrConfig& c) { c.menus[0].options[0].target = "nope"; });
  EXPECT_NE(bad.error().message.find("unknown submenu 'nope'"), std::string::npos);
}

}  // namespace
}  // namespace tamas::voice
