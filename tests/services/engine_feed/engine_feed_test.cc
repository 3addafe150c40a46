// A contact's life, as an integration (webhook) sees it on the event bus.
#include "services/engine_feed/engine_feed.h"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <thread>

#include "test_clocks.h"

namespace tamas::services {
namespace {

using namespace std::chrono_literals;

engine::EngineConfig one_queue() {
  engine::EngineConfig c;
  c.skills = {"billing"};
  engine::QueueConfig q;
  q.id = "billing";
  q.offer_timeout = 10s;
  c.queues.push_back(q);
  c.default_queue = "billing";
  return c;
}

class EngineFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = engine::Engine::create(one_queue());
    ASSERT_TRUE(engine.ok()) << engine.error().message;
    board_ =
        std::make_unique<Switchboard>(std::move(engine).value(), clock_, Switchboard::Options{5ms});
    attach_engine_feed(*board_, bus_, 7);
    sub_ = bus_.subscribe(7, {""}, [this](const BusEvent& e) {
      std::lock_guard lock(m_);
      seen_.push_back(e);
    });
    board_->start();
  }

  // Posts and waits until the engine has applied it.
  void apply(engine::Command c) {
    std::promise<void> done;
    board_->post(std::move(c),
                 [&](const Status&, const std::vector<ResolvedEvent>&) { done.set_value(); });
    done.get_future().wait();
  }

  std::vector<std::string> types_on(const std::string& topic) {
    std::lock_guard lock(m_);
    std::vector<std::string> out;
    for (const auto& e : seen_)
      if (e.topic == topic) out.push_back(e.type);
    return out;
  }

  std::string payload(const std::string& type) {
    std::lock_guard lock(m_);
    for (const auto& e : seen_)
      if (e.type == type) return e.json;
    return "";
  }

  tamas::testing::SharedClock clock_;
  EventBus bus_;
  std::unique_ptr<Switchboard> board_;
  std::unique_ptr<EventBus::Subscription> sub_;
  std::mutex m_;
  std::vector<BusEvent> seen_;
};

TEST_F(EngineFeedTest, ACallAnsweredAndEndedIsQueuedOfferedAnsweredAndCompleted) {
  apply(engine::ContactArrive{"I-1", engine::Channel::voice, "", "", {}, {}, {}, {}});
  apply(engine::AgentLogin{"sara", {{"billing", 3}}, {"billing"}, {}, true});
  apply(engine::AcceptOffer{"sara", "I-1"});
  apply(engine::ContactEnd{"I-1"});
  board_->stop();
  EXPECT_EQ(types_on("contacts/I-1"),
            (std::vector<std::string>{"contact.queued", "contact.offered", "contact.answered",
                                      "contact.completed"}));
  EXPECT_NE(payload("contact.queued").find("\"queue\":\"billing\""), std::string::npos);
  EXPECT_NE(payload("contact.queued").find("\"position\":1"), std::string::npos);
  EXPECT_NE(payload("contact.offered").find("\"agent\":\"sara\""), std::string::npos);
  EXPECT_NE(payload("contact.completed").find("\"outcome\":\"handled\""), std::string::npos);
  auto agent = types_on("agents/sara");
  ASSERT_FALSE(agent.empty());
  EXPECT_EQ(agent.front(), "agent.state_changed");
  EXPECT_NE(payload("agent.state_changed").find("\"state\":"), std::string::npos);
}

TEST_F(EngineFeedTest, ACallerWhoHangsUpInTheQueueIsAbandonedWithTheWait) {
  apply(engine::ContactArrive{"I-2", engine::Channel::voice, "", "", {}, {}, {}, {}});
  clock_.advance(42s);
  apply(engine::ContactAbandon{"I-2"});
  board_->stop();
  auto types = types_on("contacts/I-2");
  ASSERT_GE(types.size(), 2u);
  EXPECT_EQ(types[1], "contact.abandoned");
  EXPECT_NE(payload("contact.abandoned").find("\"wait_ms\":42000"), std::string::npos)
      << payload("contact.abandoned");
  EXPECT_NE(payload("contact.completed").find("\"outcome\":\"abandoned\""), std::string::npos);
}

TEST(EngineFeed, InternalStepsAreNotIntegrationEvents) {
  ResolvedEvent r;
  r.event.kind = engine::EventKind::contact_relaxed;
  r.contact = "I-3";
  EXPECT_FALSE(to_bus_event(r, 1).has_value());
  r.event.kind = engine::EventKind::wrapup_done;
  r.agent = "sara";
  EXPECT_FALSE(to_bus_event(r, 1).has_value());
}

}  // namespace
}  // namespace tamas::services
