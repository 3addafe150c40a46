#include "services/events/bus.h"

#include <gtest/gtest.h>

namespace tamas::services {
namespace {

BusEvent ev(std::int64_t tenant, std::string topic, std::string type = "x") {
  return BusEvent{0, tenant, std::move(topic), std::move(type), Instant{}, "{}"};
}

TEST(EventBus, NumbersEventsAndDeliversToMatchingSubscribersOfTheTenant) {
  EventBus bus;
  std::vector<std::string> got;
  auto sub = bus.subscribe(1, {"queue/", "agent/a1"}, [&](const BusEvent& e) { got.push_back(e.topic); });
  EXPECT_EQ(bus.publish(ev(1, "queue/sales")), 1u);
  bus.publish(ev(1, "agent/a2"));
  bus.publish(ev(1, "agent/a1"));
  bus.publish(ev(2, "queue/sales"));  // other tenant
  EXPECT_EQ(got, (std::vector<std::string>{"queue/sales", "agent/a1"}));
  EXPECT_EQ(bus.last_seq(), 4u);
}

TEST(EventBus, DroppedSubscriptionReceivesNothing) {
  EventBus bus;
  int n = 0;
  auto sub = bus.subscribe(1, {""}, [&](const BusEvent&) { ++n; });
  bus.publish(ev(1, "a"));
  sub.reset();
  bus.publish(ev(1, "a"));
  EXPECT_EQ(n, 1);
}

TEST(EventBus, ReconnectingClientGetsWhatItMissed) {
  EventBus bus;
  for (int i = 0; i < 5; ++i) bus.publish(ev(1, i % 2 ? "agent/a1" : "queue/q"));
  bool complete = false;
  auto missed = bus.since(1, 2, {"agent/a1"}, &complete);
  EXPECT_TRUE(complete);
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].seq, 4u);
}

TEST(EventBus, SaysWhenMemoryNoLongerHoldsTheGap) {
  EventBus bus(3);
  for (int i = 0; i < 10; ++i) bus.publish(ev(1, "q"));
  bool complete = true;
  auto missed = bus.since(1, 2, {""}, &complete);
  EXPECT_FALSE(complete);
  EXPECT_EQ(missed.size(), 3u);
  bus.since(1, 7, {""}, &complete);
  EXPECT_TRUE(complete);
}

TEST(EventBus, SubscriptionMayOutliveTheBus) {
  std::unique_ptr<EventBus::Subscription> sub;
  {
    EventBus bus;
    sub = bus.subscribe(1, {""}, [](const BusEvent&) {});
  }
  sub.reset();  // must not touch the destroyed bus
  SUCCEED();
}

}  // namespace
}  // namespace tamas::services
