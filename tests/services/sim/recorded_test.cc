// Replaying what happened: recorded interactions through a changed centre.
#include "services/sim/recorded.h"

#include <gtest/gtest.h>

namespace tamas::services::sim {
namespace {

using namespace std::chrono_literals;

const Instant kStart = from_millis(1'767'254'400'000LL);

store::Interaction call(int id, Duration at, std::optional<Duration> answered, Duration ended) {
  store::Interaction i;
  i.id = id;
  i.channel = "voice";
  i.type = "order";
  i.arrived_at = kStart + at;
  if (answered) i.answered_at = kStart + *answered;
  i.ended_at = kStart + ended;
  return i;
}

TEST(Recorded, ContactsKeepTheirArrivalHandleTimeAndPatience) {
  auto t = recorded_traffic(
      {call(2, 60s, 70s, 250s), call(1, 0s, 5s, 125s), call(3, 90s, std::nullopt, 130s)}, kStart);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->size(), 1u);
  const Traffic& s = (*t)[0];
  ASSERT_EQ(s.recorded.size(), 3u);
  EXPECT_EQ(s.recorded[0].arrival, 0s);
  EXPECT_EQ(s.recorded[0].handle, 120s);
  EXPECT_EQ(s.recorded[1].handle, 180s);
  EXPECT_EQ(s.recorded[2].patience, 40s);  // left after 40 s unanswered
}

TEST(Recorded, ReplayThroughTheEngineAnswersWhatOneAgentCanTake) {
  // Three calls; one agent; the third caller left after 40 s in reality.
  auto t = recorded_traffic(
      {call(1, 0s, 0s, 120s), call(2, 60s, 120s, 300s), call(3, 90s, std::nullopt, 130s)}, kStart);
  ASSERT_TRUE(t.ok());
  SimConfig c = mmn(1, 0, 180s, 0s, 1h, 20s);
  c.traffic = *t;
  c.traffic[0].queue = "q";
  c.warmup = 0s;
  auto r = simulate(c, 1);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total.offered, 3);
  EXPECT_EQ(r->total.answered, 2);   // the first at once, the second when the agent frees at 120 s
  EXPECT_EQ(r->total.abandoned, 1);  // the third gives up at 130 s, the agent is busy until 300 s
  EXPECT_EQ(r->total.answered_in_target, 1);
  EXPECT_NEAR(r->total.asa_s, 30.0, 1e-9);  // (0 + 60) / 2
}

}  // namespace
}  // namespace tamas::services::sim
