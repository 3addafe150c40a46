// Callers reach agents' phones: a real sipp caller dials the gas emergency
// number 194, the engine offers the call to an agent, tamas rings the agent's
// baresip softphone, bridges the legs and records the conversation; an agent
// who does not answer in time loses the call to the next one (RONA).
// In-process: strategy, in-memory store, engine thread (Switchboard),
// intake, VoiceContacts and the VoiceServer on 127.0.0.1:0.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <thread>

#include "baresip_peer.h"
#include "channels/voice/strategy_voice.h"
#include "channels/voice/voice_contacts.h"
#include "channels/voice/voice_server.h"
#include "engine/bridge/from_strategy.h"
#include "peers.h"
#include "services/intake/intake.h"
#include "store/memory_store.h"
#include "strategy/loader.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using testing::BaresipAgent;

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
};

std::vector<int16_t> tone(int ms, double hz) {
  std::vector<int16_t> pcm(static_cast<size_t>(ms) * 8);
  for (size_t i = 0; i < pcm.size(); ++i)
    pcm[i] = static_cast<int16_t>(4000 * std::sin(2 * M_PI * hz * static_cast<double>(i) / 8000));
  return pcm;
}

strategy::Strategy gas_utility() {
  auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                   "/examples/gas-utility/strategy.yaml");
  EXPECT_TRUE(r.errors.empty());
  return std::move(*r.strategy);
}

std::unique_ptr<store::Store> memory_store_with_tenant() {
  auto db = store::open_memory_store();
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE((*db)->tenants().add(store::Tenant{0, "gas-tehran", "Gas", Instant{}}).ok());
  return std::move(db).value();
}

// One contact centre with its voice server; agents' phones from `phones`.
class Center {
 public:
  explicit Center(std::map<std::string, std::string> phones, uint32_t ring_ms)
      : strategy_(gas_utility()),
        writer_(memory_store_with_tenant()),
        switchboard_(engine::Engine::create(*engine::engine_config_from(strategy_)).value(),
                     clock_),
        intake_(strategy_, 1, writer_, switchboard_, clock_),
        contacts_(intake_, switchboard_) {
    switchboard_.subscribe([this](const services::ResolvedEvent& e) {
      contacts_.on_engine_event(e);
      std::lock_guard lock(mutex_);
      events_.push_back(std::string(engine::to_string(e.event.kind)) + " " + e.agent);
    });
    switchboard_.start();
    AgentDevices devices;
    devices.find = [phones](const std::string& agent, AgentDevices::Found found) {
      auto it = phones.find(agent);
      found(it == phones.end() ? std::nullopt : std::optional<std::string>(it->second));
    };
    devices.recorded = [this](const std::string& interaction, const std::string& path) {
      std::lock_guard lock(mutex_);
      recorded_[interaction] = path;
    };
    contacts_.use_devices(devices, {recordings_.string(), ring_ms});
    auto plan = voice_plan_from(strategy_, "en");
    EXPECT_TRUE(plan.ok());
    auto prompts = std::make_shared<PromptSet>();
    for (const auto& [id, source] : plan->prompts) prompts->add(id, tone(300, 440));
    plan->config.prompts = prompts;
    server_ = std::make_unique<VoiceServer>(std::move(plan->config), contacts_.events());
    contacts_.attach(server_.get());
    EXPECT_TRUE(server_->start("127.0.0.1", 0).ok());
  }

  ~Center() {
    server_->stop();
    switchboard_.stop();
    writer_.stop();
    fs::remove_all(recordings_);
  }

  void login(const std::string& agent) {
    auto login = engine::agent_login_from(strategy_, agent, {"dispatch"}, true);
    ASSERT_TRUE(login.ok());
    switchboard_.post(*login);
  }

  uint16_t port() const { return server_->udp_port(); }
  void stop_voice() { server_->stop(); }

  // The engine's events so far as "kind agent", waiting up to 5 s for `last`.
  std::vector<std::string> events_until(const std::string& last) {
    for (int i = 0; i < 100; ++i) {
      {
        std::lock_guard lock(mutex_);
        if (std::find(events_.begin(), events_.end(), last) != events_.end()) return events_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::lock_guard lock(mutex_);
    return events_;
  }
  std::map<std::string, std::string> recorded() {
    std::lock_guard lock(mutex_);
    return recorded_;
  }

 private:
  SystemClock clock_;
  strategy::Strategy strategy_;
  store::StoreWriter writer_;
  services::Switchboard switchboard_;
  services::Intake intake_;
  VoiceContacts contacts_;
  fs::path recordings_ =
      fs::temp_directory_path() / ("tamas-recordings-" + std::to_string(::getpid()));
  std::unique_ptr<VoiceServer> server_;
  std::mutex mutex_;
  std::vector<std::string> events_;
  std::map<std::string, std::string> recorded_;
};

bool has(const std::vector<std::string>& events, const std::string& e) {
  return std::find(events.begin(), events.end(), e) != events.end();
}

std::string joined(const std::vector<std::string>& events) {
  std::string s;
  for (const auto& e : events) s += e + "; ";
  return s;
}

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
  Center center({{"alice", alice.uri()}}, 5000);
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
  Center center({{"alice", alice.uri()}}, 5000);
  center.login("alice");

  std::thread caller([&] {
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
