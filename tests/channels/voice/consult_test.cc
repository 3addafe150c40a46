// Attended (consult) transfer with real peers on loopback: a sipp caller
// who keeps quiet for 4 s and then talks, baresip phones for alice (who
// takes the call) and bob (whom she consults). Who hears what tells where
// the audio went: a phone whose own voice is silence cannot have been heard.
#include <gtest/gtest.h>

#include "center.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using testing::BaresipAgent;
using testing::Center;
using testing::has;
using testing::joined;

class Consult : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_tone_wav(voice_, 660, 20000);
    testing::write_tone_wav(silence_, 0, 20000);  // sin(0): a phone that says nothing
  }
  void TearDown() override {
    fs::remove(voice_);
    fs::remove(silence_);
  }
  std::string wav(const char* what) {
    return (fs::temp_directory_path() /
            ("tamas-consult-" + std::string(what) + std::to_string(::getpid()) + ".wav"))
        .string();
  }
  // Alice takes the caller (she logs in first: idle longest).
  std::jthread call_for_alice(Center& center) {
    center.login("alice");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    center.login("bob");
    std::jthread caller([&center] {
      auto sipp = testing::run_sipp("quiet_then_talk.xml", center.port(), "194");
      EXPECT_EQ(sipp.exit_code, 0) << sipp.output;  // tamas hung up at the end
    });
    auto events = center.events_until("contact_answered alice");
    EXPECT_TRUE(has(events, "contact_answered alice")) << joined(events);
    return caller;
  }
  std::string voice_ = wav("voice"), silence_ = wav("silence");
};

std::string all(const std::vector<std::string>& notices) {
  return joined(notices);
}

TEST_F(Consult, CompletedTheCallerTalksToTheConsultedAgentAndTheFirstIsHungUp) {
  BaresipAgent alice("alice", "auto", silence_);
  BaresipAgent bob("bob", "auto", voice_);
  ASSERT_TRUE(alice.running() && bob.running());
  Center center({{"alice", alice.uri()}, {"bob", bob.uri()}}, testing::kAnswerRingMs);
  std::jthread caller = call_for_alice(center);

  ASSERT_TRUE(center.consult("alice", {"bob", "", ""}).ok());
  auto notices = center.notices_until("consult_answered");
  ASSERT_TRUE(has(notices, "alice consult_answered {\"contact\":\"" + center.contact() +
                               "\",\"target\":{\"agent\":\"bob\"}}"))
      << all(notices);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // alice and bob talk
  ASSERT_TRUE(center.complete_consult("alice").ok());
  auto events = center.events_until("contact_answered bob");
  EXPECT_TRUE(has(events, "contact_transferred bob")) << joined(events);
  ASSERT_TRUE(has(events, "contact_answered bob")) << joined(events);
  notices = center.notices_until("consult_completed");
  EXPECT_NE(all(notices).find("alice consult_completed"), std::string::npos) << all(notices);
  EXPECT_EQ(center.agent_status("alice"), "wrap_up");
  bool alice_hung_up = false;  // tamas's BYE ended alice's call
  for (int i = 0; i < 40 && !alice_hung_up; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    alice_hung_up = alice.log().find("session closed") != std::string::npos;
  }
  EXPECT_TRUE(alice_hung_up) << alice.log();
  EXPECT_EQ(center.agent_status("bob"), "busy");
  const std::string history = center.consult_history();  // the interaction's timeline
  EXPECT_NE(history.find(R"("type":"consult_started")"), std::string::npos) << history;
  EXPECT_NE(history.find(R"("type":"consult_completed")"), std::string::npos) << history;

  std::this_thread::sleep_for(std::chrono::milliseconds(5500));  // the caller talks from 4 s on
  ASSERT_TRUE(bob.hang_up());
  caller.join();  // bob hung up: tamas hung up the caller
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // The caller (quiet until alice was gone, alice silent) reached bob: his
  // recording is silence but for the caller's last seconds ...
  EXPECT_GT(bob.heard_rms(), 100.0) << bob.log();
  // ... and bob's voice reached alice during the consult.
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
  EXPECT_EQ(center.recorded().size(), 1u);  // one recording, bob's now as well
}

TEST_F(Consult, CancelledTheCallerIsBackWithTheAgent) {
  BaresipAgent alice("alice", "auto", voice_);
  BaresipAgent bob("bob", "auto", silence_);
  ASSERT_TRUE(alice.running() && bob.running());
  Center center({{"alice", alice.uri()}, {"bob", bob.uri()}}, testing::kAnswerRingMs);
  std::jthread caller = call_for_alice(center);

  ASSERT_TRUE(center.consult("alice", {"", "", ""}).error().code == ErrorCode::invalid_argument);
  ASSERT_TRUE(center.consult("alice", {"", "emergency", ""}).ok());  // bob: its ready agent
  auto notices = center.notices_until("consult_answered");
  ASSERT_NE(all(notices).find("consult_answered"), std::string::npos) << all(notices);
  EXPECT_NE(all(notices).find(R"("target":{"queue":"emergency","agent":"bob"})"), std::string::npos)
      << all(notices);
  EXPECT_EQ(center.agent_status("bob"), "busy");  // consulted: offered nothing meanwhile
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  ASSERT_TRUE(center.cancel_consult("alice").ok());
  notices = center.notices_until("consult_ended");
  EXPECT_NE(all(notices).find(R"(alice consult_ended {"reason":"cancelled")"), std::string::npos)
      << all(notices);
  std::string bob_now;
  for (int i = 0; i < 40 && (bob_now = center.agent_status("bob")) != "ready"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(bob_now, "ready");  // back in the state he was in
  EXPECT_EQ(center.complete_consult("alice").error().code, ErrorCode::conflict);  // none runs

  std::this_thread::sleep_for(std::chrono::milliseconds(5000));  // the caller talks from 4 s on
  ASSERT_TRUE(alice.hang_up());
  caller.join();
  auto events = center.events_until("contact_completed ");
  EXPECT_FALSE(has(events, "contact_answered bob")) << joined(events);
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();  // the caller, after the cancel
  EXPECT_GT(bob.heard_rms(), 300.0) << bob.log();      // alice, during the consult
}

TEST_F(Consult, CancelledBeforeThePhoneRangTheColleagueIsFreedAndNeverRung) {
  BaresipAgent alice("alice", "auto", voice_);
  BaresipAgent bob("bob", "auto", silence_);
  ASSERT_TRUE(alice.running() && bob.running());
  Center center({{"alice", alice.uri()}, {"bob", bob.uri()}}, testing::kAnswerRingMs);
  std::jthread caller = call_for_alice(center);

  center.hold_lookups();  // bob's phone is still being looked up ...
  ASSERT_TRUE(center.consult("alice", {"bob", "", ""}).ok());
  EXPECT_EQ(center.agent_status("bob"), "busy");
  ASSERT_TRUE(center.cancel_consult("alice").ok());  // ... when alice changes her mind
  auto notices = center.notices_until("consult_ended");
  EXPECT_NE(all(notices).find(R"(alice consult_ended {"reason":"cancelled")"), std::string::npos)
      << all(notices);
  std::string bob_now;
  for (int i = 0; i < 40 && (bob_now = center.agent_status("bob")) != "ready"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(bob_now, "ready");
  center.release_lookups();  // the answer comes late: nothing rings
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(bob.log().find("answering call"), std::string::npos) << bob.log();
  notices = center.notices_until("consult_ended");  // every notice so far, at once
  EXPECT_EQ(all(notices).find("consult_answered"), std::string::npos) << all(notices);
  EXPECT_TRUE(center.consult("alice", {"bob", "", ""}).ok());  // and may be consulted again
  notices = center.notices_until("consult_answered");
  EXPECT_NE(all(notices).find("consult_answered"), std::string::npos) << all(notices);
  EXPECT_NE(bob.log().find("answering call"), std::string::npos) << bob.log();  // rung this time
  ASSERT_TRUE(center.cancel_consult("alice").ok());

  std::this_thread::sleep_for(std::chrono::milliseconds(4000));  // the caller talks from 4 s on
  ASSERT_TRUE(alice.hang_up());
  caller.join();
  center.stop_voice();
}

TEST_F(Consult, NotAnsweredInTimeTheConsultEndsAndTheCallerIsBack) {
  BaresipAgent alice("alice", "auto", voice_);
  BaresipAgent bob("bob", "manual", voice_);  // rings, never answers
  ASSERT_TRUE(alice.running() && bob.running());
  Center center({{"alice", alice.uri()}, {"bob", bob.uri()}}, 1500);
  std::jthread caller = call_for_alice(center);
  const std::string contact = center.contact();

  // What the desk gets wrong is refused before anything rings.
  EXPECT_EQ(center.consult("alice", {"bob", "", ""}, "I-999999").error().code,
            ErrorCode::not_found);
  EXPECT_EQ(center.consult("bob", {"alice", "", ""}).error().code, ErrorCode::permission_denied);
  EXPECT_EQ(center.consult("alice", {"bob", "dispatch", ""}).error().code,
            ErrorCode::invalid_argument);
  EXPECT_EQ(center.consult("alice", {"alice", "", ""}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(center.consult("alice", {"carol", "", ""}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(center.consult("alice", {"", "no_such_queue", ""}).error().code,
            ErrorCode::invalid_argument);
  EXPECT_EQ(center.consult("alice", {"", "", "0912x"}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(center.consult("alice", {"", "", "09121234567"}).error().code,
            ErrorCode::unavailable);  // no outbound gateway
  EXPECT_EQ(center.cancel_consult("alice").error().code, ErrorCode::conflict);
  EXPECT_EQ(center.complete_consult("alice").error().code, ErrorCode::conflict);

  ASSERT_TRUE(center.consult("alice", {"bob", "", ""}).ok());
  EXPECT_EQ(center.consult("alice", {"bob", "", ""}).error().code, ErrorCode::conflict);
  EXPECT_EQ(center.complete_consult("alice").error().code, ErrorCode::conflict);  // ringing
  auto notices = center.notices_until("consult_ended");
  EXPECT_NE(all(notices).find(R"(alice consult_ended {"reason":"no_answer")"), std::string::npos)
      << all(notices);

  std::this_thread::sleep_for(std::chrono::milliseconds(4000));  // the caller talks from 4 s on
  ASSERT_TRUE(alice.hang_up());
  caller.join();
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
  EXPECT_EQ(center.contact(), contact);
}

}  // namespace
}  // namespace tamas::voice
