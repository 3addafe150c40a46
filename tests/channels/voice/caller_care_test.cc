// Caller care with real peers: sipp callers wait and hear their position and
// estimated wait, press 1 for a callback that keeps their place, leave a
// voicemail after hours (a callback task follows at the next opening), and
// answer the survey after the agent (a baresip softphone) hangs up.
// In-process: the care-test strategy, an in-memory store, the engine thread
// (Switchboard), intake, VoiceContacts + CallerCare and the VoiceServer on
// 127.0.0.1:0. Prompts are short tones (the words are checked by name).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <thread>

#include "baresip_peer.h"
#include "channels/voice/caller_care.h"
#include "channels/voice/caller_prompts.h"
#include "channels/voice/store_care.h"
#include "channels/voice/strategy_voice.h"
#include "channels/voice/voice_contacts.h"
#include "engine/bridge/from_strategy.h"
#include "peers.h"
#include "store/memory_store.h"
#include "strategy/loader.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
};

std::vector<int16_t> tone(int ms) {
  std::vector<int16_t> pcm(static_cast<size_t>(ms) * 8);
  for (size_t i = 0; i < pcm.size(); ++i)
    pcm[i] = static_cast<int16_t>(4000 * std::sin(2 * M_PI * 440 * static_cast<double>(i) / 8000));
  return pcm;
}

strategy::Strategy care_strategy() {
  auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                   "/tests/channels/voice/care_strategy.yaml");
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors.front().message);
  return std::move(*r.strategy);
}

std::unique_ptr<store::Store> memory_store_with_tenant() {
  auto db = store::open_memory_store();
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE((*db)->tenants().add(store::Tenant{0, "care-test", "Care", Instant{}}).ok());
  return std::move(db).value();
}

template <class F>
bool eventually(F&& f, int ms = 8000) {
  for (int i = 0; i < ms / 50; ++i) {
    if (f()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return f();
}

CallerCareOptions quick_options(const std::string& recordings) {
  CallerCareOptions o;
  o.language = "en";
  o.first_announcement = 1s;
  o.announce_every = 2s;
  o.callback_offer_ewt = 0s;  // always offered
  o.voicemail_max_ms = 8000;
  o.recordings_dir = recordings;
  return o;
}

class CareCenter {
 public:
  explicit CareCenter(std::map<std::string, std::string> phones = {})
      : strategy_(care_strategy()),
        writer_(memory_store_with_tenant()),
        switchboard_(engine::Engine::create(*engine::engine_config_from(strategy_)).value(),
                     clock_),
        intake_(strategy_, 1, writer_, switchboard_, clock_),
        care_(strategy_, switchboard_, clock_, quick_options(recordings_.string()),
              store_caller_care(writer_, 1, clock_),
              [this](const std::string&, Instant now) { return opening_ = now + 3s; }),
        contacts_(intake_, switchboard_) {
    switchboard_.subscribe([this](const services::ResolvedEvent& e) {
      contacts_.on_engine_event(e);
      std::lock_guard lock(mutex_);
      events_.push_back(std::string(engine::to_string(e.event.kind)) + " " + e.contact + " " +
                        e.agent);
    });
    switchboard_.start();
    AgentDevices devices;
    devices.find = [phones](const std::string& agent, AgentDevices::Found found) {
      auto it = phones.find(agent);
      found(it == phones.end() ? std::nullopt : std::optional<std::string>(it->second));
    };
    contacts_.use_devices(devices, {"", 5000});
    contacts_.use_care(&care_);
    auto plan = voice_plan_from(strategy_, "en");
    EXPECT_TRUE(plan.ok());
    auto prompts = std::make_shared<PromptSet>();
    for (const auto& [id, source] : plan->prompts) prompts->add(id, tone(300));
    plan->config.prompts = prompts;
    server_ = std::make_unique<VoiceServer>(std::move(plan->config), contacts_.events());
    contacts_.attach(server_.get());
    care_.attach(server_.get());
    care_.start();
    EXPECT_TRUE(server_->start("127.0.0.1", 0).ok());
  }

  ~CareCenter() {
    server_->stop();
    care_.stop();
    switchboard_.stop();
    writer_.stop();
    fs::remove_all(recordings_);
  }

  uint16_t port() const { return server_->udp_port(); }
  CallerCare& care() { return care_; }
  Instant opening() const { return opening_; }
  void post(engine::Command c) { switchboard_.post(std::move(c)); }
  void login(const std::string& agent) {
    auto login = engine::agent_login_from(strategy_, agent, {"desk"}, true);
    ASSERT_TRUE(login.ok());
    switchboard_.post(*login);
  }
  bool saw(const std::string& event) {
    std::lock_guard lock(mutex_);
    return std::find(events_.begin(), events_.end(), event) != events_.end();
  }
  std::string events() {
    std::lock_guard lock(mutex_);
    std::string s;
    for (const auto& e : events_) s += e + "; ";
    return s;
  }
  std::optional<engine::WaitingContact> waiting(const std::string& contact) {
    std::optional<engine::WaitingContact> w;
    switchboard_.inspect([&](const engine::Engine& e) {
      auto r = e.waiting_contact(contact);
      if (r) w = *r;
    });
    return w;
  }
  store::Interaction interaction(const std::string& id) {
    const auto row = *store::parse_interaction_id(id);
    auto got = writer_
                   .submit_for<store::Interaction>(
                       [row](store::Store& db) { return db.interactions().get(1, row); })
                   .get();
    EXPECT_TRUE(got.ok()) << id;
    return got.ok() ? *got : store::Interaction{};
  }
  boost::json::object fields(const std::string& id) {
    return boost::json::parse(interaction(id).fields_json).as_object();
  }

 private:
  SystemClock clock_;
  strategy::Strategy strategy_;
  store::StoreWriter writer_;
  services::Switchboard switchboard_;
  services::Intake intake_;
  fs::path recordings_ = fs::temp_directory_path() / ("tamas-care-" + std::to_string(::getpid()));
  std::atomic<Instant> opening_{};
  CallerCare care_;
  VoiceContacts contacts_;
  std::unique_ptr<VoiceServer> server_;
  std::mutex mutex_;
  std::vector<std::string> events_;
};

TEST(CallerCare, AWaitingCallerHearsPositionAndEstimatedWaitAtIntervals) {
  CareCenter center;  // nobody logged in: the caller waits
  testing::RtpReceiver rtp;
  testing::SippResult sipp;
  std::jthread caller([&] {
    sipp = testing::run_sipp("care_wait_announce.xml", center.port(), "300",
                             {{"rtp_port", std::to_string(rtp.port())}});
  });
  std::this_thread::sleep_for(2s);
  const size_t early = rtp.packets();
  std::this_thread::sleep_for(2s);
  const size_t later = rtp.packets();
  caller.join();
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output;

  // Media keeps flowing while the caller waits (hold prompt and announcements).
  EXPECT_GT(later, early + 50);
  EXPECT_GT(rtp.audible_packets(), 50u);
  EXPECT_TRUE(rtp.timestamps_step_by_160());
  // Announcements at ~1 s, ~3 s, ~5 s: first in line, the engine's EWT, and
  // the callback offer (threshold 0 here), said as words.
  auto said = center.care().announcements();
  ASSERT_GE(said.size(), 2u);
  for (const auto& a : said) {
    EXPECT_EQ(a.position, 1);
    EXPECT_GT(a.ewt.count(), 0);
    EXPECT_TRUE(a.callback_offered);
    EXPECT_EQ(a.prompts, announcement_prompts(1, a.ewt, true, "en"));
    EXPECT_EQ(a.prompts[0], "care.position");
    EXPECT_EQ(a.prompts[1], "num.1");
  }
  EXPECT_TRUE(eventually([&] { return center.saw("contact_abandoned I-000001 "); }))
      << center.events();
}

TEST(CallerCare, PressingOneLeavesACallbackThatKeepsThePlaceInTheQueue) {
  CareCenter center;
  auto sipp = testing::run_sipp("care_press_1.xml", center.port(), "300");
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output;  // tamas confirmed and hung up

  // The interaction carries the number to call back ...
  ASSERT_TRUE(eventually([&] { return center.fields("I-000001").contains("callback_number"); }));
  auto fields = center.fields("I-000001");
  EXPECT_EQ(fields["callback_number"].as_string(), "09121234567");
  EXPECT_TRUE(fields["callback"].as_bool());
  // ... and the contact is still first in line: not abandoned by the hang-up.
  auto w = center.waiting("I-000001");
  ASSERT_TRUE(w.has_value()) << center.events();
  EXPECT_EQ(w->position, 1);
  EXPECT_FALSE(center.saw("contact_abandoned I-000001 ")) << center.events();
  // An agent becomes ready: the engine starts the callback with them.
  center.login("alice");
  EXPECT_TRUE(eventually([&] { return center.saw("start_callback I-000001 alice"); }))
      << center.events();
  EXPECT_EQ(center.care().callbacks_started(), std::vector<std::string>{"I-000001"});
}

TEST(CallerCare, AfterHoursTheCallerLeavesAVoicemailThatBecomesACallbackAtTheOpening) {
  CareCenter center;
  center.post(engine::QueueClose{"office"});
  auto sipp = testing::run_sipp("care_voicemail.xml", center.port(), "301");
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output;  // # then tamas said goodbye and hung up

  ASSERT_TRUE(eventually([&] { return center.care().callback_tasks().size() == 1; }))
      << center.events();
  const CallbackTask task = center.care().callback_tasks().front();
  EXPECT_EQ(task.from_interaction, "I-000001");
  EXPECT_EQ(task.number, "09121234567");
  EXPECT_EQ(task.queue, "office");
  EXPECT_EQ(task.due, center.opening() + 1s);  // the next opening, plus the grace
  // The voicemail: a WAV with the caller's speech, noted on the call's interaction.
  ASSERT_TRUE(eventually([&] { return center.fields("I-000001").contains("voicemail"); }));
  EXPECT_EQ(center.fields("I-000001")["voicemail"].as_string(), task.voicemail);
  ASSERT_TRUE(fs::exists(task.voicemail)) << task.voicemail;
  EXPECT_GT(testing::wav_rms(task.voicemail, 0), 300.0);
  // The callback task is an interaction of its own with the number.
  auto row = center.interaction(task.interaction);
  EXPECT_EQ(row.channel, "callback");
  EXPECT_EQ(center.fields(task.interaction)["callback_number"].as_string(), "09121234567");
  // Closed now; at the opening the engine gets the task.
  EXPECT_FALSE(center.waiting(task.interaction).has_value());
  center.post(engine::QueueOpen{"office"});
  EXPECT_TRUE(eventually([&] { return center.waiting(task.interaction).has_value(); }))
      << center.events();
}

TEST(CallerCare, AfterTheAgentHangsUpTheCallerAnswersTheSurveyByKeys) {
  const std::string voice =
      (fs::temp_directory_path() / ("tamas-care-voice-" + std::to_string(::getpid()) + ".wav"))
          .string();
  testing::write_tone_wav(voice, 660, 20000);
  testing::BaresipAgent alice("alice", "auto", voice);
  ASSERT_TRUE(alice.running());
  CareCenter center({{"alice", alice.uri()}});
  center.login("alice");
  testing::SippResult sipp;
  std::jthread caller([&] { sipp = testing::run_sipp("care_survey.xml", center.port(), "300"); });
  const bool answered =
      eventually([&] { return center.saw("contact_answered I-000001 alice"); }, 4000);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(alice.hang_up());
  caller.join();
  fs::remove(voice);
  ASSERT_TRUE(answered) << center.events() << alice.log();
  ASSERT_EQ(sipp.exit_code, 0) << sipp.output;

  ASSERT_TRUE(eventually([&] { return center.fields("I-000001").contains("survey"); }))
      << center.events();
  auto survey = center.fields("I-000001")["survey"].as_object();
  EXPECT_EQ(survey["id"].as_string(), "after_call");
  EXPECT_EQ(survey["csat"].as_int64(), 4);
  EXPECT_EQ(survey["nps"].as_int64(), 9);
  // The contact with the agent ended when the survey began.
  EXPECT_TRUE(center.saw("contact_completed I-000001 alice") ||
              center.saw("contact_completed I-000001 "))
      << center.events();
}

}  // namespace
}  // namespace tamas::voice
