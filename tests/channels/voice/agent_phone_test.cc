// Agents' phones beyond static URIs, with real peers on loopback: a baresip
// phone that REGISTERs with tamas (digest authentication) is rung at the
// contact it registered; a wrong password is refused; the desk puts a
// bridged caller on hold and back; a transfer to another agent rings that
// agent's phone, who then hears the caller.
#include <gtest/gtest.h>

#include "center.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using testing::BaresipAgent;
using testing::Center;
using testing::has;
using testing::joined;

class AgentPhone : public ::testing::Test {
 protected:
  void SetUp() override { testing::write_tone_wav(voice_, 660, 20000); }
  void TearDown() override { fs::remove(voice_); }
  std::string voice_ =
      (fs::temp_directory_path() / ("tamas-phone-voice-" + std::to_string(::getpid()) + ".wav"))
          .string();
};

TEST_F(AgentPhone, APhoneThatRegisteredWithTheRightPasswordIsRungThere) {
  // No static URI for alice: only her registration tells tamas where she is.
  Center center({}, testing::kAnswerRingMs, {{"alice", "alice-secret-1"}});
  const std::string registrar = "127.0.0.1:" + std::to_string(center.port());
  BaresipAgent alice("alice", "auto", voice_, "PCMU/8000/1", registrar, "alice-secret-1");
  ASSERT_TRUE(alice.running());
  const std::string contact = center.registered("alice");
  ASSERT_FALSE(contact.empty()) << alice.log();
  EXPECT_NE(contact.find("127.0.0.1"), std::string::npos) << contact;
  center.login("alice");

  auto sipp = testing::run_sipp("talk_to_agent.xml", center.port(), "194");
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output << alice.log();
  auto events = center.events_until("contact_completed ");
  EXPECT_TRUE(has(events, "contact_answered alice")) << joined(events);
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
}

TEST_F(AgentPhone, AWrongPasswordIsChallengedThenRefused) {
  Center center({}, testing::kAnswerRingMs, {{"alice", "alice-secret-1"}});
  auto sipp = testing::run_sipp("register_wrong_password.xml", center.port(), "alice");
  EXPECT_EQ(sipp.exit_code, 0) << sipp.output;  // 401, then 403
  // A real phone with the wrong password never gets a binding.
  BaresipAgent mallory("alice", "auto", voice_, "PCMU/8000/1",
                       "127.0.0.1:" + std::to_string(center.port()), "guessed-wrong");
  ASSERT_TRUE(mallory.running());
  EXPECT_EQ(center.registered("alice", 2000), "") << mallory.log();
}

TEST_F(AgentPhone, TheDeskHoldsAndResumesABridgedCaller) {
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(alice.running());
  Center center({{"alice", alice.uri()}}, testing::kAnswerRingMs);
  center.login("alice");
  std::jthread caller([&] {
    auto sipp = testing::run_sipp("talk_to_agent.xml", center.port(), "194");
    EXPECT_EQ(sipp.exit_code, 0) << sipp.output;
  });
  auto events = center.events_until("contact_answered alice");
  ASSERT_TRUE(has(events, "contact_answered alice")) << joined(events);
  center.post(engine::ContactHold{center.contact()});
  events = center.events_until("contact_held alice");
  EXPECT_TRUE(has(events, "contact_held alice")) << joined(events);
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  center.post(engine::ContactResume{center.contact()});
  events = center.events_until("contact_resumed alice");
  EXPECT_TRUE(has(events, "contact_resumed alice")) << joined(events);
  caller.join();  // the call went on after the hold: the caller hung up normally
  events = center.events_until("contact_completed ");
  EXPECT_TRUE(has(events, "contact_completed ")) << joined(events);
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
}

TEST_F(AgentPhone, ATransferToAnotherAgentRingsThatAgentWhoHearsTheCaller) {
  BaresipAgent alice("alice", "auto", voice_);
  BaresipAgent bob("bob", "auto", voice_);
  ASSERT_TRUE(alice.running() && bob.running());
  Center center({{"alice", alice.uri()}, {"bob", bob.uri()}}, testing::kAnswerRingMs);
  center.login("alice");  // idle longest: offered first
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  center.login("bob");
  std::jthread caller([&] {
    auto sipp = testing::run_sipp("talk_to_agent.xml", center.port(), "194");
    EXPECT_EQ(sipp.exit_code, 0) << sipp.output;
  });
  auto events = center.events_until("contact_answered alice");
  ASSERT_TRUE(has(events, "contact_answered alice")) << joined(events);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  center.post(engine::TransferToAgent{center.contact(), "bob"});
  events = center.events_until("contact_answered bob");
  EXPECT_TRUE(has(events, "contact_transferred bob")) << joined(events);
  EXPECT_TRUE(has(events, "contact_answered bob")) << joined(events);
  caller.join();
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(bob.heard_rms(), 300.0) << bob.log();  // the caller's voice reached bob
}

TEST_F(AgentPhone, TheDeskTransfersACallerToAPartnersLineWhoHearsTheCaller) {
  BaresipAgent alice("alice", "auto", voice_);
  BaresipAgent partner("roadside", "auto", voice_);  // the partner's line
  ASSERT_TRUE(alice.running() && partner.running());
  Center center({{"alice", alice.uri()}}, testing::kAnswerRingMs);
  center.use_partners({{"roadside_a", partner.uri()}});
  center.login("alice");
  std::jthread caller([&] {
    auto sipp = testing::run_sipp("talk_to_agent.xml", center.port(), "194");
    EXPECT_EQ(sipp.exit_code, 0) << sipp.output;  // the call went on, the caller hung up
  });
  auto events = center.events_until("contact_answered alice");
  ASSERT_TRUE(has(events, "contact_answered alice")) << joined(events);
  EXPECT_EQ(center.transfer_to_partner("bob", "roadside_a").error().code,
            ErrorCode::permission_denied);  // not bob's call
  EXPECT_EQ(center.transfer_to_partner("alice", "nobody").error().code, ErrorCode::not_found);
  ASSERT_TRUE(center.transfer_to_partner("alice", "roadside_a").ok());
  events = center.events_until("contact_completed ");  // alice is done with it: wrap-up
  EXPECT_TRUE(has(events, "contact_completed ")) << joined(events);
  caller.join();
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(partner.heard_rms(), 300.0) << partner.log();  // the caller's voice reached the partner
}

}  // namespace
}  // namespace tamas::voice
