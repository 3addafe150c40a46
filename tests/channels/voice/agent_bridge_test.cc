// Callers reach agents' phones: a real sipp caller dials the gas emergency
// number 194, the engine offers the call to an agent, tamas rings the agent's
// baresip softphone, bridges the legs and records the conversation; an agent
// who does not answer in time loses the call to the next one (RONA).
// In-process: strategy, in-memory store, engine thread (Switchboard),
// intake, VoiceContacts and the VoiceServer on 127.0.0.1:0.
#include <gtest/gtest.h>

#include "center.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using testing::BaresipAgent;
using testing::Center;
using testing::has;
using testing::joined;

class AgentBridge : public ::testing::Test {
 protected:
  void SetUp() override { testing::write_tone_wav(voice_, 660, 20000); }
  void TearDown() override { fs::remove(voice_); }
  std::string voice_ =
      (fs::temp_directory_path() / ("tamas-agent-voice-" + std::to_string(::getpid()) + ".wav"))
          .string();
};

TEST_F(AgentBridge, TheAgentsPhoneRingsAnswersHearsTheCallerAndTheCallIsRecorded) {
  // The caller speaks PCMA, the agent's phone only PCMU: tamas transcodes.
  BaresipAgent alice("alice", "auto", voice_, "PCMU/8000/1");
  ASSERT_TRUE(alice.running());
  Center center({{"alice", alice.uri()}}, testing::kAnswerRingMs);
  center.login("alice");

  auto sipp = testing::run_sipp("talk_to_agent.xml", center.port(), "194");
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output << alice.log();

  auto events = center.events_until("contact_completed ");
  EXPECT_TRUE(has(events, "offer alice")) << joined(events);
  EXPECT_TRUE(has(events, "contact_answered alice")) << joined(events);
  EXPECT_TRUE(has(events, "contact_completed ")) << joined(events);  // the caller hung up
  // The agent heard the caller (decoded audio clearly above silence).
  center.stop_voice();  // BYE to the agent; recordings written
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
  // Stereo recording: the caller on the left, the agent on the right.
  auto recorded = center.recorded();
  ASSERT_EQ(recorded.size(), 1u);
  const std::string path = recorded.begin()->second;
  EXPECT_EQ(fs::path(path).filename().string(), recorded.begin()->first + ".wav");
  EXPECT_GT(testing::wav_rms(path, 0), 300.0) << path;
  EXPECT_GT(testing::wav_rms(path, 1), 300.0) << path;
}

TEST_F(AgentBridge, AnAgentWhoDoesNotAnswerLosesTheCallToTheNextAgent) {
  BaresipAgent bob("bob", "manual", voice_);
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(bob.running() && alice.running());
  Center center({{"bob", bob.uri()}, {"alice", alice.uri()}}, 800);
  center.login("bob");  // idle longest: offered first
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  center.login("alice");

  auto sipp = testing::run_sipp("talk_to_agent.xml", center.port(), "194");
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output;

  auto events = center.events_until("contact_completed ");
  EXPECT_TRUE(has(events, "offer bob")) << joined(events);
  EXPECT_TRUE(has(events, "offer_revoked bob")) << joined(events);  // our ring timeout
  EXPECT_TRUE(has(events, "contact_answered alice")) << joined(events);
  EXPECT_FALSE(has(events, "contact_answered bob")) << joined(events);
  center.stop_voice();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
}

TEST_F(AgentBridge, WhenTheAgentHangsUpTheCallerIsHungUpAndTheContactEnds) {
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(alice.running());
  Center center({{"alice", alice.uri()}}, testing::kAnswerRingMs);
  center.login("alice");

  std::jthread caller([&] {
    auto sipp = testing::run_sipp("talk_until_bye.xml", center.port(), "194");
    EXPECT_EQ(sipp.exit_code, 0) << sipp.output;  // tamas sent the caller a BYE
  });
  auto events = center.events_until("contact_answered alice");
  ASSERT_TRUE(has(events, "contact_answered alice")) << joined(events);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // they talk
  EXPECT_TRUE(alice.hang_up());
  caller.join();
  events = center.events_until("contact_completed ");
  EXPECT_TRUE(has(events, "contact_completed ")) << joined(events);
}

}  // namespace
}  // namespace tamas::voice
