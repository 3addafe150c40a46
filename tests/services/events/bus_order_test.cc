// Every subscriber sees the bus's events in sequence order, whoever
// publishes them and from which thread. The agent desktop's live feed
// depends on it: the WebSocket stream and the desk in the browser both drop
// an event whose seq is not above the last one they passed on (that is how
// a replay after a reconnect is told from live events).
//
// Regression (web e2e, agent desktop under load): the offer was published on
// the store writer's thread (after its screen pop was read) just as the
// engine thread published the agent's "reserved" state. The offer got the
// lower seq but reached the agent's stream second, was dropped as already
// seen, and the desk showed "reserved" with no offer to accept.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "services/events/bus.h"

namespace tamas::services {
namespace {

BusEvent ev(std::string topic, std::string type) {
  return BusEvent{0, 1, std::move(topic), std::move(type), Instant{}, "{}"};
}

// Holds the publishing thread inside the delivery of one event type until
// released: the moment between "seq assigned" and "delivered" that a busy
// machine stretches by descheduling the thread.
class Gate {
 public:
  explicit Gate(std::string type) : type_(std::move(type)) {}

  void on_event(const BusEvent& e) {
    if (e.type != type_) return;
    std::unique_lock lock(mu_);
    entered_ = true;
    cv_.notify_all();
    // A safety net against a hang, not a timing expectation.
    cv_.wait_for(lock, std::chrono::seconds(10), [&] { return released_; });
  }
  void wait_entered() {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(10), [&] { return entered_; });
  }
  void release() {
    std::lock_guard lock(mu_);
    released_ = true;
    cv_.notify_all();
  }

 private:
  std::string type_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool entered_ = false;
  bool released_ = false;
};

// What one subscriber received, in order.
struct Received {
  std::mutex mu;
  std::vector<std::uint64_t> seqs;
  std::vector<std::string> types;
  void add(const BusEvent& e) {
    std::lock_guard lock(mu);
    seqs.push_back(e.seq);
    types.push_back(e.type);
  }
};

TEST(EventBusOrder, OfferFromTheWriterThreadReachesTheAgentBeforeTheLaterStateChange) {
  EventBus bus;
  Gate gate("offer");
  // Subscribed first (like the webhook dispatcher), so it is called first.
  auto held = bus.subscribe(1, {""}, [&](const BusEvent& e) { gate.on_event(e); });
  Received agent;
  auto stream = bus.subscribe(1, {"agent/sara"}, [&](const BusEvent& e) { agent.add(e); });

  std::thread writer([&] { bus.publish(ev("agent/sara", "offer")); });
  gate.wait_entered();  // the offer has seq 1 and is on its way
  EXPECT_EQ(bus.publish(ev("agent/sara", "agent_state")), 2u);  // the engine thread
  gate.release();
  writer.join();

  EXPECT_EQ(agent.seqs, (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(agent.types, (std::vector<std::string>{"offer", "agent_state"}));
}

TEST(EventBusOrder, EventPublishedFromACallbackReachesEveryoneAfterTheOneBeingDelivered) {
  EventBus bus;
  // Like the agent desk relaying a customer's message to the agent's topic.
  auto relay = bus.subscribe(1, {"contact/"}, [&](const BusEvent& e) {
    if (e.type == "message") bus.publish(ev("agent/sara", "message"));
  });
  Received all;
  auto everything = bus.subscribe(1, {""}, [&](const BusEvent& e) { all.add(e); });

  bus.publish(ev("contact/I-000001", "message"));

  EXPECT_EQ(all.seqs, (std::vector<std::uint64_t>{1, 2}));
}

TEST(EventBusOrder, ManyThreadsPublishingAtOnceEachSubscriberSeesRisingSeqs) {
  EventBus bus;
  Received a, b;
  auto sa = bus.subscribe(1, {"agent/"}, [&](const BusEvent& e) { a.add(e); });
  auto sb = bus.subscribe(1, {""}, [&](const BusEvent& e) { b.add(e); });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) bus.publish(ev(t % 2 ? "agent/sara" : "queue/q", "x"));
    });
  for (auto& t : threads) t.join();

  EXPECT_EQ(b.seqs.size(), 2000u);
  EXPECT_EQ(a.seqs.size(), 1000u);
  EXPECT_TRUE(std::is_sorted(a.seqs.begin(), a.seqs.end()));
  EXPECT_TRUE(std::is_sorted(b.seqs.begin(), b.seqs.end()));
}

}  // namespace
}  // namespace tamas::services
