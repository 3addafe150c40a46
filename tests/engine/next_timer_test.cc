// Engine::next_timer: a simulated-time driver learns when the engine wants
// to be woken, and waking it then makes the timer act on time.
#include <gtest/gtest.h>

#include "engine/engine.h"

namespace tamas::engine {
namespace {

using std::chrono::seconds;

Instant t(int s) {
  return from_millis(1'767'254'400'000LL + s * 1000LL);
}

TEST(NextTimer, ReportsTheRelaxationDueAndAdvancingThenOffersOnTime) {
  EngineConfig c;
  c.skills = {"basic", "expert"};
  QueueConfig q;
  q.id = "q";
  q.default_skills = {{"expert", 1}};
  q.relaxation = {RelaxationStep{seconds(30), {}}};  // after 30 s: any agent of the queue
  c.queues.push_back(q);
  auto e = Engine::create(c).value();
  EXPECT_FALSE(e->next_timer().has_value());
  AgentLogin a;
  a.agent = "novice";
  a.skills = {{"basic", 1}};
  a.queues = {"q"};
  a.ready = true;
  ASSERT_TRUE(e->apply(a, t(0)).status.ok());
  ContactArrive arrive;
  arrive.contact = "c1";
  arrive.queue = "q";
  ASSERT_TRUE(e->apply(arrive, t(10)).status.ok());
  ASSERT_TRUE(e->next_timer().has_value());
  EXPECT_EQ(*e->next_timer(), t(40));
  auto r = e->advance_to(*e->next_timer());
  bool offered = false;
  for (const Event& ev : r.events) offered |= ev.kind == EventKind::offer && ev.at == t(40);
  EXPECT_TRUE(offered);
  EXPECT_FALSE(e->next_timer().has_value());
}

}  // namespace
}  // namespace tamas::engine
