// Statistics pushed by the Switchboard: coalesced, at most once per
// stats_interval of the Clock's time, only when something changed, with ids
// resolved. The clock is manual; the engine thread runs for real, and
// inspect() is the synchronisation point (the stats check runs before each
// batch of posted work).
#include <gtest/gtest.h>

#include <mutex>

#include "services/switchboard/switchboard.h"
#include "test_clocks.h"

namespace tamas::services {
namespace {

using namespace std::chrono_literals;

// ManualClock, safe to move from the test thread while the engine reads it.
using LockedManualClock = tamas::testing::SharedClock;

engine::EngineConfig config() {
  engine::EngineConfig c;
  c.skills = {"sales"};
  engine::QueueConfig q;
  q.id = "sales";
  c.queues.push_back(q);
  c.default_queue = "sales";
  engine::SloConfig slo;
  slo.id = "voice";
  slo.channel = engine::Channel::voice;
  c.slos.push_back(slo);
  return c;
}

class StatsPublication : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = engine::Engine::create(config());
    ASSERT_TRUE(engine.ok()) << engine.error().message;
    board_ = std::make_unique<Switchboard>(std::move(engine).value(), clock_,
                                           Switchboard::Options{5ms, 500ms});
    board_->subscribe_stats([this](const StatsUpdate& u) {
      std::lock_guard lock(m_);
      updates_.push_back(u);
    });
    board_->start();
  }

  // Waits until the engine thread has run everything posted so far.
  void sync() {
    board_->inspect([](const engine::Engine&) {});
  }
  std::size_t count() {
    std::lock_guard lock(m_);
    return updates_.size();
  }
  StatsUpdate last() {
    std::lock_guard lock(m_);
    return updates_.back();
  }
  void post(engine::Command c) { board_->post(std::move(c)); }

  LockedManualClock clock_;
  std::unique_ptr<Switchboard> board_;
  std::mutex m_;
  std::vector<StatsUpdate> updates_;
};

engine::ContactArrive voice_call(const std::string& id) {
  engine::ContactArrive a;
  a.contact = id;
  a.channel = engine::Channel::voice;
  return a;
}

TEST_F(StatsPublication, ChangesAreCoalescedIntoOneUpdatePerInterval) {
  post(engine::AgentLogin{"a1", {{"sales", 1}}, {"sales"}, {}, true});
  post(voice_call("c1"));
  post(voice_call("c2"));
  sync();
  clock_.advance(499ms);
  sync();
  EXPECT_EQ(count(), 0u) << "nothing before one interval has passed";

  clock_.advance(1ms);
  sync();
  ASSERT_EQ(count(), 1u);
  StatsUpdate u = last();
  EXPECT_EQ(u.at, from_millis(1'000'500));
  ASSERT_EQ(u.queues.size(), 1u);
  EXPECT_EQ(u.queues[0].queue, "sales");
  EXPECT_EQ(u.queues[0].stats.offered, 2);
  EXPECT_EQ(u.queues[0].stats.waiting, 1);
  EXPECT_EQ(u.queues[0].stats.longest_wait, 500ms);
  ASSERT_EQ(u.agents.size(), 1u);
  EXPECT_EQ(u.agents[0].agent, "a1");
  ASSERT_EQ(u.slos.size(), 1u);
  EXPECT_EQ(u.slos[0].slo, "voice");
  EXPECT_EQ(u.slos[0].total.offered, 2);
  ASSERT_EQ(u.slos[0].by_queue.size(), 1u);
  EXPECT_EQ(u.slos[0].by_queue[0].first, "sales");
}

TEST_F(StatsPublication, NothingChangedMeansNoUpdate) {
  post(engine::AgentLogin{"a1", {{"sales", 1}}, {"sales"}, {}, true});
  sync();
  clock_.advance(500ms);
  sync();
  ASSERT_EQ(count(), 1u);
  clock_.advance(500ms);
  sync();
  clock_.advance(500ms);
  sync();
  EXPECT_EQ(count(), 1u);
}

TEST_F(StatsPublication, AnUpdateCarriesOnlyWhatChanged) {
  post(engine::AgentLogin{"a1", {{"sales", 1}}, {"sales"}, {}, true});
  post(engine::AgentLogin{"a2", {{"sales", 1}}, {"sales"}, {}, false});
  sync();
  clock_.advance(500ms);
  sync();
  ASSERT_EQ(count(), 1u);
  EXPECT_EQ(last().agents.size(), 2u);

  post(engine::AgentReady{"a2"});
  sync();  // applied at +500 ms: the next update is due at +1000 ms
  EXPECT_EQ(count(), 1u);
  clock_.advance(500ms);
  sync();
  ASSERT_EQ(count(), 2u);
  StatsUpdate u = last();
  ASSERT_EQ(u.agents.size(), 1u);
  EXPECT_EQ(u.agents[0].agent, "a2");
  EXPECT_TRUE(u.queues.empty());
  EXPECT_TRUE(u.slos.empty());
}

TEST_F(StatsPublication, HoldTimeReachesSubscribers) {
  post(engine::AgentLogin{"a1", {{"sales", 1}}, {"sales"}, {}, true});
  post(voice_call("c1"));
  post(engine::AcceptOffer{"a1", "c1"});
  post(engine::ContactHold{"c1"});
  sync();  // all at +0
  clock_.advance(500ms);
  post(engine::ContactResume{"c1"});
  post(engine::ContactEnd{"c1"});
  sync();  // an update at +500 ms (before the resume), then resume and end
  ASSERT_EQ(count(), 1u);
  EXPECT_EQ(last().agents[0].stats.hold_time, 0ms);
  clock_.advance(500ms);
  sync();
  ASSERT_EQ(count(), 2u);
  StatsUpdate u = last();
  ASSERT_EQ(u.agents.size(), 1u);
  EXPECT_EQ(u.agents[0].stats.hold_time, 500ms);
}

}  // namespace
}  // namespace tamas::services
