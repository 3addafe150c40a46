// The agent desk against the real engine and an in-memory store: offers,
// accept, messages, end, wrap-up with disposition, RONA, ownership and state
// errors, logout, the restart logout, and the supervisor feed.
#include "services/desk/agent_desk.h"

#include "live_fixture.h"

namespace tamas::services::test {
namespace {

using AgentDeskTest = LiveFixture;

TEST_F(AgentDeskTest, AChatGoesFromOfferToWrapUpWithItsDispositionStored) {
  ASSERT_TRUE(login_ready("alice").ok());
  EXPECT_NE(wait_for("agent/alice", "agent_state", R"("state":"ready")"), "");
  const auto contact = arrive();
  const auto offer = wait_for("agent/alice", "offer", contact);
  ASSERT_NE(offer, "");
  EXPECT_NE(offer.find(R"("timeout_ms":2000)"), std::string::npos) << offer;
  EXPECT_TRUE(run([&](auto d) { desk_->accept("alice", contact, d); }).ok());
  EXPECT_NE(wait_for("agent/alice", "contact_assigned", contact), "");
  EXPECT_NE(wait_for("contact/" + contact, "agent_joined", "alice the agent"), "");

  std::promise<Result<std::int64_t>> sent;
  desk_->send_message("alice", contact, "سلام، چطور کمک کنم؟",
                      [&](Result<std::int64_t> r) { sent.set_value(r); });
  auto seq = sent.get_future().get();
  ASSERT_TRUE(seq.ok());
  EXPECT_EQ(*seq, 1);
  EXPECT_NE(wait_for("contact/" + contact, "message", R"("from":"agent")"), "");

  EXPECT_TRUE(run([&](auto d) { desk_->end("alice", contact, d); }).ok());
  EXPECT_NE(wait_for("agent/alice", "contact_ended", contact), "");
  EXPECT_NE(wait_for("contact/" + contact, "ended", "handled"), "");
  EXPECT_TRUE(run([&](auto d) {
                desk_->wrap_up("alice", contact, "resolved", "asked about delivery", d);
              }).ok());
  EXPECT_NE(wait_for("agent/alice", "wrapup_done", contact), "");

  auto row = writer_
                 ->submit_for<store::Interaction>([&](store::Store& db) {
                   return db.interactions().get(tenant_, *store::parse_interaction_id(contact));
                 })
                 .get();
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->disposition, "resolved");
  EXPECT_EQ(row->notes, "asked about delivery");
  EXPECT_TRUE(desk_->agent("alice")->contacts.empty());
}

TEST_F(AgentDeskTest, OnlyTheOfferedAgentMayActOnAContact) {
  ASSERT_TRUE(login_ready("alice").ok());
  ASSERT_TRUE(login_ready("bob").ok());
  const auto contact = arrive();
  const auto winner = offered_to(contact);
  ASSERT_NE(winner, "");
  const std::string other = winner == "alice" ? "bob" : "alice";
  EXPECT_EQ(run([&](auto d) { desk_->accept(other, contact, d); }).error().code,
            ErrorCode::permission_denied);
  EXPECT_EQ(run([&](auto d) { desk_->accept(winner, "I-999999", d); }).error().code,
            ErrorCode::not_found);
  EXPECT_EQ(run([&](auto d) { desk_->end(winner, contact, d); }).error().code, ErrorCode::conflict)
      << "an offered contact cannot be ended";
  EXPECT_TRUE(run([&](auto d) { desk_->accept(winner, contact, d); }).ok());
  EXPECT_EQ(run([&](auto d) { desk_->accept(winner, contact, d); }).error().code,
            ErrorCode::conflict);
  EXPECT_EQ(run([&](auto d) { desk_->logout(winner, "home", d); }).error().code,
            ErrorCode::conflict)
      << "no logout while holding a contact";
}

TEST_F(AgentDeskTest, AnIgnoredOfferIsWithdrawnAndGoesToTheOtherAgent) {
  ASSERT_TRUE(login_ready("alice").ok());
  ASSERT_TRUE(login_ready("bob").ok());
  const auto contact = arrive();
  const auto first = offered_to(contact);
  ASSERT_NE(first, "");
  clock_.advance(2500ms);  // past the queue's 2 s offer timeout
  EXPECT_NE(wait_for("agent/" + first, "offer_withdrawn", R"("reason":"rona")"), "");
  const std::string second = first == "alice" ? "bob" : "alice";
  EXPECT_NE(wait_for("agent/" + second, "offer", contact), "");
}

TEST_F(AgentDeskTest, HoldTransferAndLogoutWithAReason) {
  ASSERT_TRUE(login_ready("alice").ok());
  const auto contact = arrive();
  ASSERT_NE(wait_for("agent/alice", "offer", contact), "");
  ASSERT_TRUE(run([&](auto d) { desk_->accept("alice", contact, d); }).ok());
  ASSERT_NE(wait_for("agent/alice", "contact_assigned", contact), "");
  EXPECT_TRUE(run([&](auto d) { desk_->hold("alice", contact, true, d); }).ok());
  EXPECT_NE(wait_for("contact/" + contact, "hold"), "");
  EXPECT_NE(wait_for("agent/alice", "contact_held", contact), "");
  EXPECT_EQ(desk_->contact_of("alice", contact)->state, "held");
  EXPECT_EQ(run([&](auto d) { desk_->hold("alice", contact, true, d); }).error().code,
            ErrorCode::conflict);
  EXPECT_TRUE(run([&](auto d) { desk_->hold("alice", contact, false, d); }).ok());
  EXPECT_EQ(run([&](auto d) {
              desk_->transfer("alice", contact, {"nowhere", ""}, d);
            })
                .error()
                .code,
            ErrorCode::not_found);
  EXPECT_TRUE(run([&](auto d) { desk_->transfer("alice", contact, {"escalations", ""}, d); }).ok());
  EXPECT_NE(wait_for("agent/alice", "contact_transferred", "escalations"), "");
  EXPECT_NE(wait_for("contact/" + contact, "transferred"), "");
}

TEST_F(AgentDeskTest, AnAgentHandlesSeveralChatsAtOnceWithinCapacity) {
  ASSERT_TRUE(login_ready("alice").ok());
  const auto first = arrive();
  const auto second = arrive();
  ASSERT_NE(wait_for("agent/alice", "offer", first), "");
  ASSERT_NE(wait_for("agent/alice", "offer", second), "") << "a chat agent takes up to 3 chats";
  EXPECT_TRUE(run([&](auto d) { desk_->accept("alice", first, d); }).ok());
  EXPECT_TRUE(run([&](auto d) { desk_->accept("alice", second, d); }).ok());
  const auto me = desk_->agent("alice");
  ASSERT_TRUE(me.ok());
  EXPECT_EQ(me->contacts.size(), 2u);
}

TEST_F(AgentDeskTest, NotReadyWithAReasonThenLogout) {
  ASSERT_TRUE(login_ready("alice").ok());
  EXPECT_TRUE(run([&](auto d) { desk_->set_not_ready("alice", "lunch", d); }).ok());
  EXPECT_NE(wait_for("agent/alice", "agent_state", R"("reason":"lunch")"), "");
  EXPECT_TRUE(run([&](auto d) { desk_->logout("alice", "end of shift", d); }).ok());
  EXPECT_NE(wait_for("agent/alice", "agent_state", R"("reason":"end of shift")"), "");
  EXPECT_EQ(desk_->agent("alice")->state, "logged_out");
  EXPECT_EQ(run([&](auto d) { desk_->set_ready("alice", d); }).error().code, ErrorCode::conflict);
}

TEST_F(AgentDeskTest, AtStartEveryAgentIsLoggedOutWithReasonServerRestart) {
  ASSERT_TRUE(login_ready("alice").ok());  // creates alice's agent row
  ASSERT_TRUE(login_ready("bob").ok());
  std::promise<Result<int>> p;
  desk_->announce_restart([&](Result<int> n) { p.set_value(n); });
  auto n = p.get_future().get();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
  auto events = writer_
                    ->submit_for<std::vector<store::Event>>(
                        [&](store::Store& db) { return db.events().read_after(tenant_, 0, 100); })
                    .get();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->front().type, "agent.logged_out");
  EXPECT_NE(events->front().payload_json.find("server restart"), std::string::npos);
  EXPECT_NE(wait_for("agent/bob", "agent_state", "server restart"), "");
}

TEST_F(AgentDeskTest, SupervisorsGetQueueStatisticsPushedAndAgentChanges) {
  feed_->prime();
  EXPECT_NE(feed_->snapshot().find(R"("queue":"support","waiting":0)"), std::string::npos)
      << feed_->snapshot();
  EXPECT_EQ(feed_->poll(), 0) << "no agents yet";
  ASSERT_TRUE(login_ready("alice").ok());
  ASSERT_NE(wait_for("agent/alice", "agent_state", "ready"), "");
  EXPECT_EQ(feed_->poll(), 1) << "alice's state";
  EXPECT_EQ(feed_->poll(), 0) << "nothing changed since";
  EXPECT_NE(wait_for("agents/alice", "agent_status", R"("state":"ready")"), "");
  const auto contact = arrive();
  ASSERT_NE(wait_for("agent/alice", "offer", contact), "") << "routed to alice";
  clock_.advance(600ms);  // one stats interval
  EXPECT_NE(wait_for("queue/support", "queue_stats", R"("offered":1)"), "");
  EXPECT_NE(feed_->snapshot().find(R"("offered":1)"), std::string::npos);
  EXPECT_NE(feed_->queues_now().find(R"("queue":"support")"), std::string::npos);
}

}  // namespace
}  // namespace tamas::services::test
