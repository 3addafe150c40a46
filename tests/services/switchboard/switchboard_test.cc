// The engine thread: commands from other threads, events to subscribers,
// timers driven by the clock it is given.
#include "services/switchboard/switchboard.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>

#include "engine/bridge/from_strategy.h"
#include "services/switchboard/queue_hours.h"
#include "strategy/loader.h"
#include "test_clocks.h"

namespace tamas::services {
namespace {

using namespace std::chrono_literals;

engine::EngineConfig one_queue() {
  engine::EngineConfig c;
  c.skills = {"sales"};
  engine::QueueConfig q;
  q.id = "sales";
  q.offer_timeout = 10s;
  c.queues.push_back(q);
  c.default_queue = "sales";
  return c;
}

using tamas::testing::SharedClock;

class SwitchboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = engine::Engine::create(one_queue());
    ASSERT_TRUE(engine.ok()) << engine.error().message;
    board_ = std::make_unique<Switchboard>(std::move(engine).value(), clock_, Switchboard::Options{5ms});
    board_->subscribe([this](const ResolvedEvent& e) {
      std::lock_guard lock(m_);
      seen_.push_back(std::string(engine::to_string(e.event.kind)) + ":" + e.contact + ":" + e.agent);
    });
    board_->start();
  }

  bool saw(const std::string& what) {
    for (int i = 0; i < 400; ++i) {
      {
        std::lock_guard lock(m_);
        for (const auto& s : seen_)
          if (s == what) return true;
      }
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }

  SharedClock clock_;
  std::unique_ptr<Switchboard> board_;
  std::mutex m_;
  std::vector<std::string> seen_;
};

TEST_F(SwitchboardTest, RoutesCommandsPostedFromAnotherThread) {
  std::promise<Status> done;
  std::thread([&] {
    board_->post(engine::AgentLogin{"a1", {{"sales", 3}}, {"sales"}, {}, true});
    board_->post(engine::ContactArrive{"c1", engine::Channel::chat, "", "", {}, {}, {}, {}},
                 [&](const Status& s, const std::vector<ResolvedEvent>&) { done.set_value(s); });
  }).join();
  EXPECT_TRUE(done.get_future().get().ok());
  EXPECT_TRUE(saw("offer:c1:a1"));
}

TEST_F(SwitchboardTest, CompletionCarriesTheCommandsEvents) {
  board_->post(engine::AgentLogin{"a1", {{"sales", 3}}, {"sales"}, {}, true});
  std::promise<std::vector<ResolvedEvent>> events;
  board_->post(engine::ContactArrive{"c1", engine::Channel::voice, "", "", {}, {}, {}, {}},
               [&](const Status&, const std::vector<ResolvedEvent>& e) { events.set_value(e); });
  bool offered = false;
  for (const auto& e : events.get_future().get())
    if (e.event.kind == engine::EventKind::offer && e.agent == "a1" && e.queue == "sales") offered = true;
  EXPECT_TRUE(offered);
}

TEST_F(SwitchboardTest, TimersFireWhenTheClockPassesThem) {
  board_->post(engine::AgentLogin{"a1", {{"sales", 3}}, {"sales"}, {}, true});
  board_->post(engine::ContactArrive{"c1", engine::Channel::voice, "", "", {}, {}, {}, {}});
  ASSERT_TRUE(saw("offer:c1:a1"));
  clock_.advance(11s);  // past the 10 s ring timeout
  EXPECT_TRUE(saw("offer_revoked:c1:a1"));
}

TEST_F(SwitchboardTest, InspectReadsStateOnTheEngineThread) {
  board_->post(engine::AgentLogin{"a1", {{"sales", 3}}, {"sales"}, {}, true});
  engine::AgentStatus status{};
  board_->inspect([&](const engine::Engine& e) { status = e.agent_view("a1")->status; });
  EXPECT_EQ(status, engine::AgentStatus::ready);
}

TEST(QueueHoursTest, OpensAndClosesTheAutomotiveQueuesOnTheIranianWeek) {
  auto loaded = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml");
  ASSERT_TRUE(loaded.ok());
  auto calendar = calendar_of(*loaded.strategy);
  ASSERT_TRUE(calendar.ok()) << calendar.error().message;
  QueueHours hours(*loaded.strategy, *calendar);
  auto at = [&](int y, unsigned m, unsigned d, int minute) {
    return calendar->to_instant(CivilDate{y, m, d}, minute);
  };
  // Wednesday 2026-11-18 10:00 Tehran: every office-hours queue is open.
  auto first = hours.changes(at(2026, 11, 18, 10 * 60));
  ASSERT_EQ(first.size(), loaded.strategy->queues.size());
  for (const auto& c : first) EXPECT_TRUE(std::holds_alternative<engine::QueueOpen>(c));
  EXPECT_TRUE(hours.changes(at(2026, 11, 18, 11 * 60)).empty()) << "nothing changed";
  // Thursday 14:00: after the short day, all close.
  auto thursday = hours.changes(at(2026, 11, 19, 14 * 60));
  ASSERT_EQ(thursday.size(), loaded.strategy->queues.size());
  for (const auto& c : thursday) EXPECT_TRUE(std::holds_alternative<engine::QueueClose>(c));
  // Friday: still closed, so nothing to tell.
  EXPECT_TRUE(hours.changes(at(2026, 11, 20, 10 * 60)).empty());
}

}  // namespace
}  // namespace tamas::services
