// After a restart, the callback tasks still open in the store are found
// again with their number, attempt, due time and voicemail: a voicemail's
// task or a retry (channel "callback") and a caller's virtual-hold callback
// (a voice call noted with `callback`), each knowing whether it had joined
// its queue (the recovery re-queued it) or was still waiting for its due
// time. Everything else is left alone.
#include <gtest/gtest.h>

#include "channels/voice/store_care.h"
#include "store/memory_store.h"

namespace tamas::voice {
namespace {

store::Interaction row(const std::string& channel, store::InteractionState state,
                       const std::string& fields) {
  store::Interaction i;
  i.tenant = 1;
  i.channel = channel;
  i.type = "billing";
  i.entry_point = "line_300";
  i.queue = "billing";
  i.state = state;
  i.arrived_at = from_millis(1'700'000'000'000);
  i.fields_json = fields;
  return i;
}

TEST(CallbackRecovery, OpenCallbackTasksAreFoundWithTheirAttempt) {
  auto db = store::open_memory_store();
  ASSERT_TRUE(db.ok());
  store::Store& s = **db;
  ASSERT_TRUE(s.tenants().add(store::Tenant{0, "gas-tehran", "Gas", Instant{}}).ok());
  using State = store::InteractionState;
  // I-000001: a voicemail's task, second attempt, due later.
  ASSERT_TRUE(s.interactions()
                  .add(row("callback", State::queued,
                           R"({"callback_number":"09121234567","voicemail":"/v/1.wav",)"
                           R"("callback_of":"I-000009","callback_attempt":2,)"
                           R"("callback_due":1700000600})"))
                  .ok());
  // I-000002: a caller who pressed 1 (virtual hold), being dialled.
  ASSERT_TRUE(
      s.interactions()
          .add(row("voice", State::offered, R"({"callback":true,"callback_number":"09350000000"})"))
          .ok());
  // I-000003: an ordinary waiting call; I-000004: a callback already done.
  ASSERT_TRUE(s.interactions().add(row("voice", State::queued, R"({"caller_phone":"+98"})")).ok());
  ASSERT_TRUE(
      s.interactions().add(row("callback", State::closed, R"({"callback_number":"0912"})")).ok());
  // I-000005: a retry not yet due when the server stopped: its row names no
  // queue yet (so the recovery leaves it out), its fields do.
  store::Interaction waiting = row("callback", State::queued,
                                   R"({"callback_number":"09120000005","callback_queue":"billing",)"
                                   R"("callback_of":"I-000001","callback_attempt":3,)"
                                   R"("callback_due":1700000900})");
  waiting.queue = "";
  ASSERT_TRUE(s.interactions().add(waiting).ok());

  auto tasks = open_callback_tasks(s, 1);
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 3u);
  const CallbackTask& voicemail = (*tasks)[0];
  EXPECT_EQ(voicemail.interaction, "I-000001");
  EXPECT_EQ(voicemail.from_interaction, "I-000009");
  EXPECT_EQ(voicemail.number, "09121234567");
  EXPECT_EQ(voicemail.voicemail, "/v/1.wav");
  EXPECT_EQ(voicemail.attempt, 2);
  EXPECT_EQ(voicemail.due, from_millis(1'700'000'600'000));
  EXPECT_EQ(voicemail.queue, "billing");
  EXPECT_TRUE(voicemail.in_queue);  // handed to the engine before the stop: re-queued
  const CallbackTask& held = (*tasks)[1];
  EXPECT_EQ(held.interaction, "I-000002");
  EXPECT_EQ(held.from_interaction, "I-000002");
  EXPECT_EQ(held.number, "09350000000");
  EXPECT_EQ(held.attempt, 1);
  EXPECT_TRUE(held.in_queue);
  const CallbackTask& retry = (*tasks)[2];
  EXPECT_EQ(retry.interaction, "I-000005");
  EXPECT_EQ(retry.queue, "billing");
  EXPECT_FALSE(retry.in_queue);  // CallerCare hands it over at its due time
  EXPECT_EQ(retry.due, from_millis(1'700'000'900'000));
  EXPECT_EQ(retry.attempt, 3);
}

}  // namespace
}  // namespace tamas::voice
