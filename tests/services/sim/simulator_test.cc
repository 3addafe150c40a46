// The simulator drives the real engine and reproduces queueing theory: the
// same centre simulated and computed with Erlang C / Erlang A agrees (R14, R44).
#include "services/sim/simulator.h"

#include <gtest/gtest.h>

#include <cmath>

#include "services/wfm/erlang.h"

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

TEST(Simulator, ReproducesErlangCOnTheClassicExample) {
  // 100 calls per 30 minutes, AHT 180 s, 14 agents, 80/20.
  const auto config = mmn(14, 200, 180s, 0s, 24h, 20s);
  auto s = simulate_replications(config, 10, 1);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto c = wfm::erlang_c_metrics(10.0, 14, 180, 20);
  EXPECT_NEAR(s->service_level.mean, c.service_level, std::max(s->service_level.half_width, 0.005))
      << "half-width " << s->service_level.half_width;
  EXPECT_NEAR(s->asa_s.mean, c.asa_s, std::max(s->asa_s.half_width, 0.5));
  EXPECT_NEAR(s->occupancy.mean, c.occupancy, std::max(s->occupancy.half_width, 0.01));
  EXPECT_EQ(s->abandon_rate.mean, 0.0);
}

TEST(Simulator, ReproducesErlangAWithImpatientCallers) {
  // Understaffed on purpose so abandonment matters: A = 10, N = 10, patience 120 s.
  const auto config = mmn(10, 200, 180s, 120s, 24h, 20s);
  auto s = simulate_replications(config, 10, 7);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto a = wfm::erlang_a_metrics(10.0, 10, 180, 20, 120);
  EXPECT_NEAR(s->abandon_rate.mean, a.p_abandon, std::max(s->abandon_rate.half_width, 0.005));
  EXPECT_NEAR(s->service_level.mean, a.service_level, std::max(s->service_level.half_width, 0.005));
}

TEST(Simulator, SameSeedSameResultOtherSeedOtherResult) {
  const auto config = mmn(5, 80, 180s, 300s, 8h, 20s);
  auto a = simulate(config, 42), b = simulate(config, 42), c = simulate(config, 43);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->total.offered, b->total.offered);
  EXPECT_EQ(a->total.answered_in_target, b->total.answered_in_target);
  EXPECT_EQ(a->engine_commands, b->engine_commands);
  EXPECT_NE(a->engine_commands, c->engine_commands);
}

TEST(Simulator, MoreAgentsNeverServeWorse) {
  auto few = simulate_replications(mmn(11, 200, 180s, 0s, 8h, 20s), 5, 3);
  auto many = simulate_replications(mmn(16, 200, 180s, 0s, 8h, 20s), 5, 3);
  ASSERT_TRUE(few.ok() && many.ok());
  EXPECT_GT(many->service_level.mean, few->service_level.mean);
  EXPECT_LT(many->occupancy.mean, few->occupancy.mean);
}

TEST(Simulator, RejectsNonsenseTraffic) {
  auto config = mmn(2, 10, 180s, 0s, 1h, 20s);
  config.traffic[0].aht = 0s;
  auto r = simulate(config, 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("positive AHT"), std::string::npos);
}

}  // namespace
}  // namespace tamas::services::sim

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

TEST(Simulator, EngineTimersActOnTimeRelaxedContactsWaitExactlyTheRelaxationDelay) {
  // Contacts ask for an expert; the only agent is a novice; after 30 s the
  // queue relaxes to any agent. With the engine woken at its timer, every
  // contact is answered after exactly 30 s of waiting.
  SimConfig c;
  c.routing.skills = {"basic", "expert"};
  engine::QueueConfig q;
  q.id = "q";
  q.default_skills = {{"expert", 1}};
  q.relaxation = {engine::RelaxationStep{30s, {}}};
  q.announce_position = false;
  c.routing.queues.push_back(q);
  engine::AgentLogin a;
  a.agent = "novice";
  a.skills = {{"basic", 1}};
  a.queues = {"q"};
  c.agents.push_back(a);
  Traffic t;
  t.queue = "q";
  t.arrivals_per_hour = 2;
  t.aht = 10s;
  c.traffic.push_back(t);
  c.length = 8h;
  c.warmup = 0s;
  auto r = simulate(c, 9);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_GT(r->total.answered, 5);
  EXPECT_NEAR(r->total.asa_s, 30.0, 1e-9);
  EXPECT_EQ(r->total.answered_in_target, 0);  // 30 s > the 20 s threshold
}

}  // namespace
}  // namespace tamas::services::sim
