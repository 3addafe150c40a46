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

#include <functional>
#include <map>
#include <memory>
#include <mutex>
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

  std::mutex mu_;
  // Waiting chats -> last published "position/ewt"; guarded by mu_.
  std::map<std::string, std::string> waiting_;
};

// JSON array of a transcript's messages.
std::string messages_json(const std::vector<store::InteractionMessage>& messages,
                          std::int64_t after);

}  // namespace tamas::services
