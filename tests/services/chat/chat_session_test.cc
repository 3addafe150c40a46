// The customer side of chat, frame by frame, against the real engine, the
// agent desk and an in-memory store.
#include "services/chat/chat_session.h"

#include <boost/json.hpp>

#include "../desk/live_fixture.h"

namespace tamas::services::test {
namespace {

// Frames one customer connection received. The frames live as long as the
// session's sink does, so a session still sending while the test ends (the
// queue ticker) never writes into a destroyed inbox.
class Inbox {
 public:
  std::function<void(std::string)> sink() {
    return [state = state_](std::string f) {
      std::lock_guard lock(state->m);
      state->frames.push_back(std::move(f));
    };
  }
  // The first frame containing every needle (waits up to 5 s), or "".
  std::string find(std::initializer_list<std::string> needles) {
    for (int i = 0; i < 1000; ++i) {
      for (const auto& f : all()) {
        bool every = true;
        for (const auto& n : needles) every = every && f.find(n) != std::string::npos;
        if (every) return f;
      }
      std::this_thread::sleep_for(5ms);
    }
    return "";
  }
  std::vector<std::string> all() {
    std::lock_guard lock(state_->m);
    return state_->frames;
  }

 private:
  struct State {
    std::mutex m;
    std::vector<std::string> frames;
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

std::string field(const std::string& frame, const std::string& key) {
  const auto k = frame.find("\"" + key + "\":\"");
  if (k == std::string::npos) return "";
  const auto b = k + key.size() + 4;
  return frame.substr(b, frame.find('"', b) - b);
}

class ChatTest : public LiveFixture {
 protected:
  void SetUp() override {
    LiveFixture::SetUp();
    ChatOptions options;
    options.burst = 3;
    chat_ = std::make_unique<ChatService>(
        *strategy_, tenant_, *writer_, *board_, bus_, clock_,
        TokenMint{[this] { return "token-" + std::to_string(++tokens_); },
                  [](const std::string& t) { return "d:" + t; }},
        options);
  }
  void TearDown() override {
    sessions_.clear();
    LiveFixture::TearDown();
  }
  std::shared_ptr<ChatSession> connect(Inbox& inbox) {
    sessions_.push_back(chat_->open(inbox.sink()));
    return sessions_.back();
  }
  // Starts a chat; returns the accepted frame.
  std::string start(ChatSession& s, Inbox& inbox) {
    s.on_frame(
        R"({"type":"start","entry_point":"web_chat","name":"Sara","phone":"09123456789","fields":{"order_number":"12345"}})");
    return inbox.find({R"("type":"accepted")"});
  }

  int tokens_ = 0;
  std::unique_ptr<ChatService> chat_;
  std::vector<std::shared_ptr<ChatSession>> sessions_;
};

TEST_F(ChatTest, AStartWithBadFieldsNamesEachField) {
  Inbox inbox;
  auto s = connect(inbox);
  s->on_frame(
      R"({"type":"start","entry_point":"web_chat","email":"nope","fields":{"order_number":"ab","colour":"red"}})");
  const auto f = inbox.find({R"("code":"invalid_fields")"});
  EXPECT_NE(f.find(R"("name":"is required")"), std::string::npos) << f;
  EXPECT_NE(f.find(R"("email":)"), std::string::npos) << f;
  EXPECT_NE(f.find(R"("fields.order_number":)"), std::string::npos) << f;
  EXPECT_NE(f.find(R"("fields.colour":)"), std::string::npos) << f;
  s->on_frame(R"({"type":"start","entry_point":"hotline","name":"x"})");
  EXPECT_NE(inbox.find({R"("entry_point":"is not a chat entry point")"}), "");
}

TEST_F(ChatTest, AcceptedComesAfterTheCommitAndBeforeTheQueuePosition) {
  Inbox inbox;
  auto s = connect(inbox);
  const auto accepted = start(*s, inbox);
  ASSERT_NE(accepted, "");
  EXPECT_EQ(field(accepted, "interaction"), "I-000001");
  EXPECT_EQ(field(accepted, "chat_token"), "token-1");
  ASSERT_NE(inbox.find({R"("type":"queue")", R"("position":1)"}), "");
  EXPECT_NE(inbox.all().front().find("accepted"), std::string::npos)
      << "accepted is the first frame";
  auto chat = writer_
                  ->submit_for<store::Chat>([&](store::Store& db) {
                    return db.chats().find_by_token_hash(tenant_, "d:token-1");
                  })
                  .get();
  ASSERT_TRUE(chat.ok()) << "only the digest is stored";
  EXPECT_EQ(chat->name, "Sara");
  EXPECT_EQ(chat->phone, "+989123456789");
}

TEST_F(ChatTest, MessagesAreAcknowledgedWithTheirSeqAndReachTheAgent) {
  ASSERT_TRUE(login_ready("alice").ok());
  Inbox inbox;
  auto s = connect(inbox);
  ASSERT_NE(start(*s, inbox), "");
  ASSERT_NE(wait_for("agent/alice", "offer", "I-000001"), "");
  ASSERT_TRUE(run([&](auto d) { desk_->accept("alice", "I-000001", d); }).ok());
  EXPECT_NE(inbox.find({R"("type":"agent_joined")", "alice the agent"}), "");
  s->on_frame(R"({"type":"message","text":"my order is late","id":"c1"})");
  EXPECT_NE(inbox.find({R"("type":"ack")", R"("seq":1)", R"("id":"c1")"}), "");
  EXPECT_NE(wait_for("agent/alice", "message", "my order is late"), "") << "relayed to the agent";
  s->on_frame(R"({"type":"typing"})");
  EXPECT_NE(wait_for("agent/alice", "typing", "customer"), "");
  ASSERT_TRUE(desk_->typing("alice", "I-000001").ok());
  EXPECT_NE(inbox.find({R"("type":"typing","from":"agent")"}), "");
  std::promise<Result<std::int64_t>> sent;
  desk_->send_message("alice", "I-000001", "let me check",
                      [&](Result<std::int64_t> r) { sent.set_value(r); });
  ASSERT_TRUE(sent.get_future().get().ok());
  EXPECT_NE(inbox.find({R"("type":"message")", R"("from":"agent")", "let me check", R"("seq":2)"}),
            "");
  s->on_frame(R"({"type":"transcript"})");
  EXPECT_NE(inbox.find({R"("type":"transcript")", "my order is late", "let me check"}), "");
  s->on_frame(R"({"type":"leave"})");
  EXPECT_NE(inbox.find({R"("type":"ended")", "handled"}), "") << "leaving a conversation ends it";
  EXPECT_NE(wait_for("agent/alice", "contact_ended", "I-000001"), "");
}

TEST_F(ChatTest, LeavingWhileWaitingIsCountedAsAbandoned) {
  Inbox inbox;
  auto s = connect(inbox);
  ASSERT_NE(start(*s, inbox), "");
  s->on_frame(R"({"type":"leave"})");
  EXPECT_NE(inbox.find({R"("type":"ended")", "abandoned"}), "");
  std::string stats;
  board_->inspect([&](const engine::Engine& e) {
    stats = std::to_string(e.queue_stats("support")->abandoned);
  });
  EXPECT_EQ(stats, "1");
  s->on_frame(R"({"type":"message","text":"hello?"})");
  EXPECT_NE(inbox.find({R"("code":"not_in_chat")", "ended"}), "");
}

TEST_F(ChatTest, AReconnectingCustomerGetsWhatItMissedAndContinues) {
  ASSERT_TRUE(login_ready("alice").ok());
  Inbox first;
  auto s = connect(first);
  const auto token = field(start(*s, first), "chat_token");
  ASSERT_NE(wait_for("agent/alice", "offer", "I-000001"), "");
  ASSERT_TRUE(run([&](auto d) { desk_->accept("alice", "I-000001", d); }).ok());
  s->on_frame(R"({"type":"message","text":"first"})");
  ASSERT_NE(first.find({R"("type":"ack")"}), "");
  s->on_close();  // the connection drops
  for (const char* text : {"missed one", "missed two"}) {
    std::promise<Result<std::int64_t>> sent;
    desk_->send_message("alice", "I-000001", text,
                        [&](Result<std::int64_t> r) { sent.set_value(r); });
    ASSERT_TRUE(sent.get_future().get().ok());
  }
  Inbox second;
  auto again = connect(second);
  again->on_frame(R"({"type":"resume","chat_token":")" + token + R"(","after":1})");
  const auto resumed = second.find({R"("type":"resumed")"});
  ASSERT_NE(resumed, "");
  EXPECT_NE(resumed.find("missed one"), std::string::npos) << resumed;
  EXPECT_NE(resumed.find("missed two"), std::string::npos);
  EXPECT_EQ(resumed.find("\"first\""), std::string::npos) << "seq 1 was already seen";
  EXPECT_NE(resumed.find(R"("state":"active")"), std::string::npos);
  again->on_frame(R"({"type":"message","text":"back again"})");
  EXPECT_NE(second.find({R"("type":"ack")", R"("seq":4)"}), "");
  Inbox third;
  connect(third)->on_frame(R"({"type":"resume","chat_token":"forged"})");
  EXPECT_NE(third.find({R"("code":"unknown_chat")"}), "");
}

TEST_F(ChatTest, BadFramesGetAnErrorAndTheConversationGoesOn) {
  Inbox inbox;
  auto s = connect(inbox);
  for (const char* bad : {"not json", "[1,2]", R"({"type":5})", R"({"type":"dance"})",
                          R"({"type":"message","text":"x"})"})
    s->on_frame(bad);
  EXPECT_EQ(inbox.find({R"("type":"error")", "dance"}).empty(), false);
  EXPECT_NE(inbox.find({R"("code":"not_in_chat")"}), "");
  ASSERT_NE(start(*s, inbox), "");
  s->on_frame(R"({"type":"message"})");
  EXPECT_NE(inbox.find({R"("code":"invalid_fields")", "text"}), "");
  for (int i = 0; i < 3; ++i) s->on_frame(R"({"type":"message","text":"spam"})");
  s->on_frame(R"({"type":"message","text":"one too many"})");
  EXPECT_NE(inbox.find({R"("code":"rate_limited")"}), "") << "a burst of 3, then the limit";
  clock_.advance(5s);
  s->on_frame(R"({"type":"message","text":"later"})");
  EXPECT_NE(inbox.find({R"("type":"ack")", R"("seq":4)"}), "");
}

}  // namespace
}  // namespace tamas::services::test

namespace tamas::services::test {
namespace {

class ChatContactTest : public ChatTest {
 protected:
  store::Interaction interaction(store::RowId id) {
    return writer_
        ->submit_for<store::Interaction>(
            [&](store::Store& db) { return db.interactions().get(tenant_, id); })
        .get()
        .value();
  }
  store::Customer customer(store::RowId id) {
    return writer_
        ->submit_for<store::Customer>(
            [&](store::Store& db) { return db.customers().get(tenant_, id); })
        .get()
        .value();
  }
  // Alice takes chat I-000001 and ends it.
  void talk_and_end(ChatSession& s, Inbox& inbox) {
    ASSERT_TRUE(login_ready("alice").ok());
    ASSERT_NE(start(s, inbox), "");
    ASSERT_NE(wait_for("agent/alice", "offer", "I-000001"), "");
    ASSERT_TRUE(run([&](auto d) { desk_->accept("alice", "I-000001", d); }).ok());
    ASSERT_NE(inbox.find({R"("type":"agent_joined")"}), "");
    ASSERT_TRUE(run([&](auto d) { desk_->end("alice", "I-000001", d); }).ok());
    ASSERT_NE(inbox.find({R"("type":"ended")"}), "");
  }
};

TEST_F(ChatContactTest, AChatFromAKnownPhoneCarriesThatCustomer) {
  store::Customer known;
  known.tenant = tenant_;
  known.first_name = "Sara";
  known.last_name = "Karimi";
  known.phones = {"+989123456789"};
  known.created_at = clock_.now();
  const auto id =
      writer_->submit_for<store::RowId>([&](store::Store& db) { return db.customers().add(known); })
          .get()
          .value();
  Inbox inbox;
  auto s = connect(inbox);
  ASSERT_NE(start(*s, inbox), "");  // phone 0912 345 6789
  const auto row = interaction(1);
  ASSERT_TRUE(row.customer.has_value());
  EXPECT_EQ(*row.customer, id);
  EXPECT_NE(row.fields_json.find(R"("order_number":"12345")"), std::string::npos)
      << "the start fields are on the interaction: " << row.fields_json;
}

TEST_F(ChatContactTest, AStrangerBecomesAProvisionalCustomerNamedAfterTheChat) {
  Inbox inbox;
  auto s = connect(inbox);
  s->on_frame(
      R"({"type":"start","entry_point":"web_chat","name":"Reza  Ahmadi","email":"Reza@Example.com"})");
  ASSERT_NE(inbox.find({R"("type":"accepted")"}), "");
  const auto row = interaction(1);
  ASSERT_TRUE(row.customer.has_value());
  const auto c = customer(*row.customer);
  EXPECT_EQ(c.first_name, "Reza");
  EXPECT_EQ(c.last_name, "Ahmadi");
  EXPECT_EQ(c.emails, std::vector<std::string>{"reza@example.com"});
  EXPECT_NE(c.attributes_json.find("provisional"), std::string::npos);
  Inbox anonymous;
  connect(anonymous)->on_frame(R"({"type":"start","entry_point":"web_chat","name":"Guest"})");
  ASSERT_NE(anonymous.find({R"("type":"accepted")"}), "");
  EXPECT_FALSE(interaction(2).customer.has_value()) << "no phone or e-mail, no customer";
}

TEST_F(ChatContactTest, SurveyAnswersAreStoredOnTheInteractionAndToldToTheAgent) {
  Inbox inbox;
  auto s = connect(inbox);
  talk_and_end(*s, inbox);
  s->on_frame(R"({"type":"survey","answers":{"csat":9,"nps":"ten","mood":"ok"}})");
  const auto bad = inbox.find({R"("code":"invalid_fields")", "answers.csat"});
  ASSERT_NE(bad, "");
  EXPECT_NE(bad.find(R"("answers.nps")"), std::string::npos) << bad;
  EXPECT_NE(bad.find(R"("answers.mood":"is not a question of this survey")"), std::string::npos);
  EXPECT_EQ(interaction(1).fields_json.find("survey"), std::string::npos) << "nothing stored";
  s->on_frame(R"({"type":"survey","answers":{"csat":4,"nps":9,"comment":"quick, thanks"}})");
  ASSERT_NE(inbox.find({R"("type":"survey_saved")"}), "");
  const auto fields = interaction(1).fields_json;
  EXPECT_NE(fields.find(R"("survey":{"id":"chat","csat":4,"nps":9,"comment":"quick, thanks"})"),
            std::string::npos)
      << fields;
  const auto told = wait_for("agent/alice", "survey_answered", "I-000001");
  EXPECT_NE(told.find(R"("csat":4)"), std::string::npos) << told;
  s->on_frame(R"({"type":"survey","answers":{"csat":5}})");
  EXPECT_NE(inbox.find({R"("code":"conflict")", "already answered"}), "") << "once per chat";
}

TEST_F(ChatContactTest, NoSurveyBeforeAnAgentAnswered) {
  Inbox inbox;
  auto s = connect(inbox);
  s->on_frame(R"({"type":"survey","answers":{"csat":5}})");
  EXPECT_NE(inbox.find({R"("code":"not_in_chat")"}), "");
  ASSERT_NE(start(*s, inbox), "");
  s->on_frame(R"({"type":"survey","answers":{"csat":5}})");
  EXPECT_NE(inbox.find({R"("code":"conflict")", "after a conversation"}), "");
}

TEST(ChatSurveyCheck, TheStrategysChatSurveyDecidesTheQuestions) {
  strategy::Strategy st;
  strategy::Survey sv;
  sv.id = "after_chat";
  sv.channels = {"chat"};
  sv.questions.push_back({"effort", strategy::SurveyScale::ces, {}});
  st.surveys.push_back(sv);
  auto ok = check_survey(st, "order_status", boost::json::parse(R"({"effort":7})").as_object());
  EXPECT_TRUE(ok.problems.empty());
  EXPECT_EQ(boost::json::serialize(ok.stored), R"({"id":"after_chat","effort":7})");
  auto bad = check_survey(st, "order_status", boost::json::parse(R"({"csat":3})").as_object());
  EXPECT_EQ(bad.problems.count("answers.csat"), 1u) << "csat is not asked by this survey";
  auto none = check_survey(st, "order_status", boost::json::object());
  EXPECT_EQ(none.problems.count("answers"), 1u);
}

}  // namespace
}  // namespace tamas::services::test
