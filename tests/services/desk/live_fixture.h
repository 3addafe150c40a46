// A live contact center in one process for service tests: the test
// strategy, an in-memory store behind a StoreWriter, the real engine on a
// Switchboard driven by a clock the test moves, the interaction journal,
// the EventBus and the desk.
// Events on the bus are recorded so tests can wait for them.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "engine/bridge/from_strategy.h"
#include "services/desk/agent_desk.h"
#include "services/desk/supervisor_feed.h"
#include "services/events/bus.h"
#include "services/intake/interaction_journal.h"
#include "services/switchboard/switchboard.h"
#include "store/memory_store.h"
#include "store/writer.h"
#include "strategy/loader.h"
#include "test_clocks.h"

namespace tamas::services::test {

using namespace std::chrono_literals;


class LiveFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                          "/tests/app/data/desk_strategy.yaml");
    ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : strategy::format(loaded.errors[0]));
    strategy_ = std::make_unique<strategy::Strategy>(std::move(*loaded.strategy));
    auto db = store::open_memory_store();
    ASSERT_TRUE(db.ok());
    auto tenant = (*db)->tenants().add(store::Tenant{0, "desk-test", "Desk test", clock_.now()});
    ASSERT_TRUE(tenant.ok());
    tenant_ = *tenant;
    for (const char* name : {"alice", "bob"}) {
      store::User u;
      u.tenant = tenant_;
      u.username = name;
      u.display_name = std::string(name) + " the agent";
      u.password_hash = "x";
      u.created_at = clock_.now();
      auto id = (*db)->users().add(u);
      ASSERT_TRUE(id.ok());
      users_[name] = *id;
    }
    writer_ = std::make_unique<store::StoreWriter>(std::move(db).value());
    auto config = engine::engine_config_from(*strategy_);
    ASSERT_TRUE(config.ok()) << config.error().message;
    auto engine = engine::Engine::create(*config);
    ASSERT_TRUE(engine.ok()) << engine.error().message;
    board_ =
        std::make_unique<Switchboard>(std::move(engine).value(), clock_, Switchboard::Options{2ms});
    desk_ = std::make_unique<AgentDesk>(*strategy_, tenant_, *writer_, *board_, bus_, clock_);
    journal_ = std::make_unique<InteractionJournal>(tenant_, *writer_);
    board_->subscribe([this](const ResolvedEvent& e) { journal_->on_event(e); });
    board_->subscribe([this](const ResolvedEvent& e) { desk_->on_engine_event(e); });
    feed_ = std::make_unique<SupervisorFeed>(*strategy_, tenant_, *board_, *desk_, bus_, clock_);
    board_->subscribe_stats([this](const StatsUpdate& u) { feed_->on_stats(u); });
    board_->start();
    recorder_ = bus_.subscribe(tenant_, {""}, [this](const BusEvent& e) {
      std::lock_guard lock(m_);
      seen_.push_back(e);
    });
  }

  void TearDown() override {
    recorder_.reset();
    if (board_) board_->stop();
    if (writer_) writer_->stop();
  }

  // Waits (up to 5 s) for a bus event; returns its JSON payload or "".
  std::string wait_for(const std::string& topic, const std::string& type,
                       const std::string& contains = "") {
    for (int i = 0; i < 1000; ++i) {
      {
        std::lock_guard lock(m_);
        for (const auto& e : seen_)
          if (e.topic == topic && e.type == type && e.json.find(contains) != std::string::npos)
            return e.json;
      }
      std::this_thread::sleep_for(5ms);
    }
    return "";
  }
  int count(const std::string& topic, const std::string& type) {
    std::lock_guard lock(m_);
    int n = 0;
    for (const auto& e : seen_) n += e.topic == topic && e.type == type;
    return n;
  }

  // Blocking wrappers around the desk's callbacks.
  Status run(const std::function<void(AgentDesk::Done)>& action) {
    std::promise<Status> p;
    action([&](const Status& st) { p.set_value(st); });
    return p.get_future().get();
  }
  Status login_ready(const std::string& name) {
    std::promise<Result<DeskAgent>> p;
    desk_->login({users_[name], name, name + " the agent"},
                 [&](Result<DeskAgent> r) { p.set_value(std::move(r)); });
    auto r = p.get_future().get();
    if (!r) return r.error();
    return run([&](auto done) { desk_->set_ready(name, done); });
  }

  // Commits a chat interaction (with `fields_json`, the fields it left) and
  // hands it to the engine; returns its id.
  std::string arrive(const std::string& fields_json = "{}") {
    store::Interaction row;
    row.tenant = tenant_;
    row.channel = "chat";
    row.type = "general";
    row.entry_point = "web_chat";
    row.queue = "support";
    row.state = store::InteractionState::queued;
    row.arrived_at = clock_.now();
    row.fields_json = fields_json;
    auto id = writer_
                  ->submit_for<store::RowId>(
                      [row](store::Store& db) { return db.interactions().add(row); })
                  .get();
    EXPECT_TRUE(id.ok());
    const auto contact = store::format_interaction_id(*id);
    engine::ContactArrive a;
    a.contact = contact;
    a.channel = engine::Channel::chat;
    a.type = "general";
    a.queue = "support";
    board_->post(a);
    return contact;
  }

  // The agent an offer for `contact` went to ("" if none within 5 s).
  std::string offered_to(const std::string& contact) {
    for (const char* name : {"alice", "bob"})
      if (!wait_for_quick("agent/" + std::string(name), "offer", contact).empty()) return name;
    return "";
  }
  std::string wait_for_quick(const std::string& topic, const std::string& type,
                             const std::string& contains) {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard lock(m_);
        for (const auto& e : seen_)
          if (e.topic == topic && e.type == type && e.json.find(contains) != std::string::npos)
            return e.json;
      }
      std::this_thread::sleep_for(5ms);
    }
    return "";
  }

  tamas::testing::SharedClock clock_{from_millis(1'800'000'000'000)};
  std::unique_ptr<strategy::Strategy> strategy_;
  store::TenantId tenant_ = 0;
  std::map<std::string, store::RowId> users_;
  std::unique_ptr<store::StoreWriter> writer_;
  std::unique_ptr<InteractionJournal> journal_;
  std::unique_ptr<Switchboard> board_;
  EventBus bus_;
  std::unique_ptr<AgentDesk> desk_;
  std::unique_ptr<SupervisorFeed> feed_;
  std::unique_ptr<EventBus::Subscription> recorder_;
  std::mutex m_;
  std::vector<BusEvent> seen_;
};

}  // namespace tamas::services::test
