// Outbound callbacks with real peers: when the engine hands a callback task
// to an agent, tamas rings the agent's phone (baresip) first, then dials the
// customer through the gateway (a sipp UAS), bridges and records them; a busy
// customer is retried as a new task after the interval, and after the last
// attempt the task ends with its reason.
// In-process: the care-test strategy, an in-memory store, the engine thread,
// CallerCare (which queues the tasks) and CallbackDialer, the VoiceServer on
// 127.0.0.1:0.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "baresip_peer.h"
#include "center.h"
#include "channels/voice/callback_dialer.h"
#include "channels/voice/caller_care.h"
#include "channels/voice/store_care.h"
#include "services/intake/interaction_journal.h"
#include "store/sqlite_store.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::BaresipAgent;

template <class F>
bool eventually(F&& f, int ms = 20000) {
  for (int i = 0; i < ms / 50; ++i) {
    if (f()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return f();
}

strategy::Strategy care_strategy() {
  auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                   "/tests/channels/voice/care_strategy.yaml");
  EXPECT_TRUE(r.errors.empty());
  return std::move(*r.strategy);
}

// A SQLite file that outlives one CallbackCenter (a restart), with the tenant.
std::unique_ptr<store::Store> sqlite_with_tenant(const std::string& path) {
  auto db = store::open_sqlite_store(path);
  EXPECT_TRUE(db.ok());
  if (!(*db)->tenants().find_by_slug("gas-tehran").ok()) {
    EXPECT_TRUE((*db)->tenants().add(store::Tenant{0, "gas-tehran", "Gas", Instant{}}).ok());
  }
  return std::move(db).value();
}

class CallbackCenter {
 public:
  // `db`: a SQLite file to keep across centres; empty: in memory.
  CallbackCenter(std::map<std::string, std::string> phones, CallbackOptions options,
                 const std::string& db = "")
      : strategy_(care_strategy()),
        writer_(db.empty() ? testing::memory_store_with_tenant() : sqlite_with_tenant(db)),
        switchboard_(engine::Engine::create(*engine::engine_config_from(strategy_)).value(),
                     clock_),
        care_(strategy_, switchboard_, clock_, care_options(),
              store_caller_care(writer_, 1, clock_), nullptr),
        dialer_(switchboard_, care_, clock_, with_dir(std::move(options)),
                store_callback_lookup(writer_, 1), devices(std::move(phones))) {
    switchboard_.subscribe([this](const services::ResolvedEvent& e) {
      dialer_.on_engine_event(e);
      std::lock_guard lock(mutex_);
      events_.push_back(std::string(engine::to_string(e.event.kind)) + " " + e.contact + " " +
                        e.agent);
      if (e.event.kind == engine::EventKind::contact_completed) completed_.push_back(e.contact);
      if (e.event.kind == engine::EventKind::offer) offered_at_[e.contact].push_back(e.event.at);
    });
    switchboard_.start();
    auto plan = voice_plan_from(strategy_, "en");
    EXPECT_TRUE(plan.ok());
    auto prompts = std::make_shared<PromptSet>();
    for (const auto& [id, source] : plan->prompts) prompts->add(id, testing::tone(300, 440));
    plan->config.prompts = prompts;
    VoiceEvents events;
    dialer_.add_events(events);
    server_ = std::make_unique<VoiceServer>(std::move(plan->config), std::move(events));
    dialer_.attach(server_.get());
    care_.attach(server_.get());
    care_.start();
    EXPECT_TRUE(server_->start("127.0.0.1", 0).ok());
  }
  ~CallbackCenter() {
    server_->stop();
    care_.stop();
    switchboard_.stop();
    writer_.stop();
    fs::remove_all(recordings_);
  }

  // What `tamas serve` does when it starts again: the open interactions go
  // back to the engine, and the callback tasks among them to CallerCare.
  size_t recover() {
    auto requeued = writer_
                        .submit_for<int>([this](store::Store& db) {
                          return services::requeue_open_interactions(db, 1, switchboard_);
                        })
                        .get();
    EXPECT_TRUE(requeued.ok());
    auto tasks = writer_
                     .submit_for<std::vector<CallbackTask>>(
                         [](store::Store& db) { return open_callback_tasks(db, 1); })
                     .get();
    EXPECT_TRUE(tasks.ok());
    if (!tasks.ok()) return 0;
    const size_t n = tasks->size();
    care_.adopt(std::move(tasks).value());
    return n;
  }
  size_t offers(const std::string& contact) {
    std::lock_guard lock(mutex_);
    return static_cast<size_t>(std::count_if(events_.begin(), events_.end(), [&](const auto& e) {
      return e.rfind("offer " + contact + " ", 0) == 0;
    }));
  }

  // When the engine offered `contact`, once per offer.
  std::vector<Instant> offered_at(const std::string& contact) {
    std::lock_guard lock(mutex_);
    return offered_at_[contact];
  }

  // A callback task for 09121234567 in the billing queue, due `after` from
  // now; returns its due time.
  Instant queue_task(int attempt = 1, Duration after = Duration{0}) {
    CallbackTask t;
    t.attempt = attempt;
    t.type = "billing";
    t.queue = "billing";
    t.entry_point = "line_300";
    t.number = "09121234567";
    t.due = clock_.now() + after;
    care_.queue_callback(t);
    return t.due;
  }
  Instant now() const { return clock_.now(); }
  void login(const std::string& agent) {
    auto login = engine::agent_login_from(strategy_, agent, {"desk"}, true);
    ASSERT_TRUE(login.ok());
    switchboard_.post(*login);
  }
  void post(engine::Command c) { switchboard_.post(std::move(c)); }
  bool saw(const std::string& e) {
    std::lock_guard lock(mutex_);
    return std::find(events_.begin(), events_.end(), e) != events_.end();
  }
  std::string events() {
    std::lock_guard lock(mutex_);
    return testing::joined(events_);
  }
  boost::json::object fields(const std::string& id) {
    const auto row = *store::parse_interaction_id(id);
    auto got = writer_
                   .submit_for<store::Interaction>(
                       [row](store::Store& db) { return db.interactions().get(1, row); })
                   .get();
    if (!got.ok()) return {};
    return boost::json::parse(got->fields_json).as_object();
  }
  std::string recorded(const std::string& id) {
    std::lock_guard lock(mutex_);
    auto it = recorded_.find(id);
    return it == recorded_.end() ? "" : it->second;
  }
  void stop_voice() { server_->stop(); }

 private:
  CallerCareOptions care_options() {
    CallerCareOptions o;
    o.language = "en";
    o.recordings_dir = recordings_.string();
    return o;
  }
  CallbackOptions with_dir(CallbackOptions o) {
    o.recordings_dir = recordings_.string();
    return o;
  }
  AgentDevices devices(std::map<std::string, std::string> phones) {
    AgentDevices d;
    d.find = [phones](const std::string& agent, AgentDevices::Found found) {
      auto it = phones.find(agent);
      found(it == phones.end() ? std::nullopt : std::optional<std::string>(it->second));
    };
    d.recorded = [this](const std::string& interaction, const std::string& path,
                        const std::string&) {
      std::lock_guard lock(mutex_);
      recorded_[interaction] = path;
    };
    return d;
  }

  testing::SystemClock clock_;
  strategy::Strategy strategy_;
  store::StoreWriter writer_;
  services::Switchboard switchboard_;
  fs::path recordings_ =
      fs::temp_directory_path() / ("tamas-callback-" + std::to_string(::getpid()));
  CallerCare care_;
  CallbackDialer dialer_;
  std::unique_ptr<VoiceServer> server_;
  std::mutex mutex_;
  std::vector<std::string> events_;
  std::vector<std::string> completed_;
  std::map<std::string, std::vector<Instant>> offered_at_;
  std::map<std::string, std::string> recorded_;
};

class Callback : public ::testing::Test {
 protected:
  void SetUp() override { testing::write_tone_wav(voice_, 660, 20000); }
  void TearDown() override { fs::remove(voice_); }
  // After alice and the customer talked for a second: alice hangs up, the
  // customer's line took exactly one call, and I-000001 — the second attempt
  // of its callback — is stored as answered and was offered once.
  void expect_second_attempt_answered(CallbackCenter& after, BaresipAgent& alice,
                                      std::jthread& customer_line,
                                      const testing::SippResult& customer) {
    std::this_thread::sleep_for(1s);
    ASSERT_TRUE(alice.hang_up());
    customer_line.join();
    EXPECT_EQ(customer.exit_code, 0) << customer.output;
    ASSERT_TRUE(eventually([&] { return after.fields("I-000001").contains("callback_result"); }));
    auto result = after.fields("I-000001")["callback_result"].as_object();
    EXPECT_EQ(result["outcome"].as_string(), "answered");
    EXPECT_EQ(result["attempt"].as_int64(), 2);  // the count survived the restart
    EXPECT_EQ(after.offers("I-000001"), 1u) << after.events();
    after.stop_voice();
  }
  void remove_db(const std::string& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  }
  std::string voice_ =
      (fs::temp_directory_path() / ("tamas-cb-voice-" + std::to_string(::getpid()) + ".wav"))
          .string();
};

TEST_F(Callback, TheAgentIsRungFirstThenTheCustomerAndBothAreBridgedAndRecorded) {
  const uint16_t gateway = testing::free_udp_port();
  testing::SippResult customer;
  std::jthread customer_line(
      [&] { customer = testing::run_sipp_uas("customer_answers.xml", gateway); });
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(alice.running());
  CallbackOptions options;
  options.gateway = "127.0.0.1:" + std::to_string(gateway);
  options.caller_id = "300";
  CallbackCenter center({{"alice", alice.uri()}}, options);
  center.queue_task();  // I-000001
  center.login("alice");

  ASSERT_TRUE(eventually([&] { return !center.recorded("I-000001").empty(); }))
      << center.events() << alice.log();
  EXPECT_TRUE(center.saw("offer I-000001 alice")) << center.events();
  EXPECT_TRUE(center.saw("contact_answered I-000001 alice")) << center.events();
  std::this_thread::sleep_for(3s);  // the customer talks (g711a.pcap)
  ASSERT_TRUE(alice.hang_up());
  customer_line.join();  // tamas hung up the customer: BYE
  EXPECT_EQ(customer.exit_code, 0) << customer.output;
  ASSERT_TRUE(eventually([&] { return center.saw("contact_completed I-000001 "); }))
      << center.events();
  ASSERT_TRUE(eventually([&] { return center.fields("I-000001").contains("callback_result"); }));
  auto result = center.fields("I-000001")["callback_result"].as_object();
  EXPECT_EQ(result["outcome"].as_string(), "answered");
  EXPECT_EQ(result["attempt"].as_int64(), 1);

  center.stop_voice();  // the recording is written out
  const std::string wav = center.recorded("I-000001");
  EXPECT_GT(testing::wav_rms(wav, 0), 300.0) << wav;  // the customer
  EXPECT_GT(testing::wav_rms(wav, 1), 300.0) << wav;  // the agent
  EXPECT_GT(alice.heard_rms(), 300.0) << alice.log();
}

TEST_F(Callback, ABusyCustomerIsRetriedThenTheTaskEndsWithItsReason) {
  const uint16_t gateway = testing::free_udp_port();
  testing::SippResult customer;
  std::jthread customer_line(
      [&] { customer = testing::run_sipp_uas("customer_busy.xml", gateway, 2); });
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(alice.running());
  CallbackOptions options;
  options.gateway = "127.0.0.1:" + std::to_string(gateway);
  options.max_attempts = 2;
  options.retry_interval = 1s;
  CallbackCenter center({{"alice", alice.uri()}}, options);
  center.queue_task();  // I-000001
  center.login("alice");

  ASSERT_TRUE(eventually([&] { return center.saw("contact_completed I-000001 "); }))
      << center.events() << alice.log();
  center.post(engine::WrapUpDone{"alice", "I-000001"});
  ASSERT_TRUE(eventually([&] { return center.fields("I-000001").contains("callback_result"); }));
  auto first = center.fields("I-000001");
  EXPECT_EQ(first["callback_result"].as_object()["outcome"].as_string(), "busy");
  EXPECT_EQ(first["callback_result"].as_object()["status"].as_int64(), 486);
  EXPECT_FALSE(first.contains("callback_final"));

  // The retry: a new task for the same number, attempt 2, after the interval.
  ASSERT_TRUE(eventually([&] { return center.saw("contact_completed I-000002 "); }))
      << center.events();
  customer_line.join();
  EXPECT_EQ(customer.exit_code, 0) << customer.output;
  ASSERT_TRUE(eventually([&] { return center.fields("I-000002").contains("callback_final"); }));
  auto retry = center.fields("I-000002");
  EXPECT_EQ(retry["callback_of"].as_string(), "I-000001");
  EXPECT_EQ(retry["callback_attempt"].as_int64(), 2);
  EXPECT_EQ(retry["callback_number"].as_string(), "09121234567");
  EXPECT_EQ(retry["callback_final"].as_string(), "busy after 2 attempts");
  EXPECT_TRUE(center.saw("offer I-000002 alice")) << center.events();
}

TEST_F(Callback, ATaskQueuedWhenTheServerStoppedIsDialledOnceAfterTheRestart) {
  const std::string db =
      (fs::temp_directory_path() / ("tamas-cb-restart-" + std::to_string(::getpid()) + ".db"))
          .string();
  const uint16_t gateway = testing::free_udp_port();
  CallbackOptions options;
  options.gateway = "127.0.0.1:" + std::to_string(gateway);
  {
    // The second attempt of a callback is queued; nobody is logged in.
    CallbackCenter before({}, options, db);
    before.queue_task(2);  // I-000001
    ASSERT_TRUE(eventually([&] { return before.fields("I-000001").contains("callback_number"); }));
    ASSERT_TRUE(eventually([&] { return before.saw("contact_queued I-000001 "); }))
        << before.events();
  }  // the server stops
  testing::SippResult customer;
  std::jthread customer_line(
      [&] { customer = testing::run_sipp_uas("customer_answers.xml", gateway); });
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(alice.running());
  CallbackCenter after({{"alice", alice.uri()}}, options, db);
  EXPECT_EQ(after.recover(), 1u);
  after.login("alice");
  ASSERT_TRUE(eventually([&] { return !after.recorded("I-000001").empty(); }))
      << after.events() << alice.log();
  expect_second_attempt_answered(after, alice, customer_line, customer);
  remove_db(db);
}

TEST_F(Callback, ARetryStoredBeforeARestartIsDialledOnceAtItsDueTime) {
  const std::string db =
      (fs::temp_directory_path() / ("tamas-cb-due-" + std::to_string(::getpid()) + ".db")).string();
  fs::remove(db);
  const uint16_t gateway = testing::free_udp_port();
  CallbackOptions options;
  options.gateway = "127.0.0.1:" + std::to_string(gateway);
  // The customer's line and alice's phone are up before the restart, so the
  // centre that starts again is ready well before the retry is due.
  testing::SippResult customer;
  std::jthread customer_line(
      [&] { customer = testing::run_sipp_uas("customer_answers.xml", gateway); });
  BaresipAgent alice("alice", "auto", voice_);
  ASSERT_TRUE(alice.running());
  Instant due{};
  {
    // The second attempt of a callback, due in 4 s, is stored; then the
    // server stops.
    CallbackCenter before({}, options, db);
    due = before.queue_task(2, 4s);  // I-000001
    ASSERT_TRUE(eventually([&] { return before.fields("I-000001").contains("callback_number"); }));
    EXPECT_FALSE(before.saw("contact_queued I-000001 ")) << before.events();
  }
  CallbackCenter after({{"alice", alice.uri()}}, options, db);
  EXPECT_EQ(after.recover(), 1u);
  after.login("alice");  // ready at once: only the due time holds the retry back
  ASSERT_LT(after.now(), due - 1s) << "the restart took too long for this test to mean anything";

  // Until its due time the retry is neither offered nor dialled.
  std::this_thread::sleep_for(due - 1s - after.now());
  EXPECT_EQ(after.offers("I-000001"), 0u) << after.events();
  // Then it is offered to alice and dialled, once.
  ASSERT_TRUE(eventually([&] { return !after.recorded("I-000001").empty(); }))
      << after.events() << alice.log();
  const std::vector<Instant> offered = after.offered_at("I-000001");
  ASSERT_EQ(offered.size(), 1u) << after.events();
  EXPECT_GE(to_millis(offered.front()), to_millis(due)) << "offered before its due time";
  expect_second_attempt_answered(after, alice, customer_line, customer);
  remove_db(db);
}

}  // namespace
}  // namespace tamas::voice
