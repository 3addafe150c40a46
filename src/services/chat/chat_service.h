// The customer side of the chat channel (see docs/chat.md for the frames).
// A customer starts a chat (validated against the strategy's entry point),
// the interaction and the chat row are committed, THEN "accepted" is sent,
// THEN the contact goes to the engine. Messages are committed before they
// are acknowledged. Everything the agent side says reaches the customer
// through the EventBus topic "contact/<interaction>" (see AgentDesk).
//
// Threads: all methods are thread-safe. A ChatSession's `send` may be called
// from any thread (engine, store writer, I/O). References passed to the
// constructor must outlive the service and every session.
#pragma once

#include <boost/json/object.hpp>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "services/events/bus.h"
#include "services/switchboard/switchboard.h"
#include "store/writer.h"
#include "strategy/model.h"

namespace tamas::services {

// Chat tokens: random secrets given to the customer; the store keeps digests.
struct TokenMint {
  std::function<std::string()> generate;
  std::function<std::string(const std::string&)> digest;
};

struct ChatOptions {
  double burst = 10;                  // messages a customer may send at once
  double messages_per_second = 2;     // refill rate of that allowance
  std::size_t max_text_bytes = 4000;  // per message
};

class ChatSession;

// Survey answers checked against the strategy (chat_survey.cc).
struct SurveyCheck {
  boost::json::object stored;                   // {"id": survey, question: answer, ...}
  std::map<std::string, std::string> problems;  // "answers.<question>" -> why
  std::optional<int> csat, nps;                 // the CSAT- and NPS-scale answers
};
// Answers to the survey the strategy gives chats of `type` (else CSAT 1-5,
// NPS 0-10 and a comment): numbers on each question's scale, text for
// free-text questions; at least one answer.
SurveyCheck check_survey(const strategy::Strategy& st, const std::string& type,
                         const boost::json::object& answers);

struct SurveyResult {
  std::optional<Error> error;  // invalid_argument (see problems), not_found, conflict, ...
  std::map<std::string, std::string> problems;
  std::string contact;  // "I-000001"
  std::optional<int> csat, nps;
};

class ChatService {
 public:
  ChatService(const strategy::Strategy& s, store::TenantId tenant, store::StoreWriter& writer,
              Switchboard& board, EventBus& bus, const Clock& clock, TokenMint mint,
              ChatOptions options = {});

  // A new customer connection. `send` delivers one text frame to it.
  std::shared_ptr<ChatSession> open(std::function<void(std::string)> send);

  // {"interaction":"I-000001","messages":[...]} of the chat with `token`;
  // not_found for an unknown token.
  void transcript(const std::string& token, std::function<void(Result<std::string>)> done);

  // Stores the customer's survey answers on the chat's interaction, under
  // "survey" in its fields (as the voice survey does), once per chat and
  // only after an agent answered it; then publishes "survey_answered"
  // {contact, csat, nps} to the handling agent's feed ("agent/<username>").
  // The chat is found by `token` when given, else by `interaction`.
  void answer_survey(const std::string& token, store::RowId interaction,
                     const boost::json::object& answers, std::function<void(SurveyResult)> done);

  // Re-reads the queue position and estimated wait of every waiting chat
  // (one Switchboard::inspect) and publishes a "queue" event for those that
  // changed. Call periodically (the server does every second).
  int refresh_positions();

 private:
  friend class ChatSession;
  void waiting(const std::string& contact, bool is_waiting);

  const strategy::Strategy& strategy_;
  const store::TenantId tenant_;
  store::StoreWriter& writer_;
  Switchboard& board_;
  EventBus& bus_;
  const Clock& clock_;
  const TokenMint mint_;
  const ChatOptions options_;

  // Who took which contact (from "contact_assigned" on the agents' feeds),
  // so survey answers reach the agent; the most recent kMaxRemembered.
  struct Handlers {
    static constexpr std::size_t kMaxRemembered = 20000;
    std::mutex mu;
    std::map<std::string, std::string> agent_of;  // contact -> username
    std::deque<std::string> order;
    void remember(const std::string& contact, const std::string& agent);
    std::string agent(const std::string& contact);
  };
  std::shared_ptr<Handlers> handlers_ = std::make_shared<Handlers>();

  std::mutex mu_;
  // Waiting chats -> last published "position/ewt"; guarded by mu_.
  std::map<std::string, std::string> waiting_;
  std::unique_ptr<EventBus::Subscription> assignments_;  // last: goes first
};

// JSON array of a transcript's messages.
std::string messages_json(const std::vector<store::InteractionMessage>& messages,
                          std::int64_t after);

}  // namespace tamas::services
