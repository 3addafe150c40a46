#include "services/chat/chat_service.h"

#include <boost/json.hpp>

#include "services/chat/chat_session.h"

namespace tamas::services {

namespace json = boost::json;

ChatService::ChatService(const strategy::Strategy& s, store::TenantId tenant,
                         store::StoreWriter& writer, Switchboard& board, EventBus& bus,
                         const Clock& clock, TokenMint mint, ChatOptions options)
    : strategy_(s),
      tenant_(tenant),
      writer_(writer),
      board_(board),
      bus_(bus),
      clock_(clock),
      mint_(std::move(mint)),
      options_(options) {
  assignments_ = bus_.subscribe(tenant_, {"agent/"}, [handlers = handlers_](const BusEvent& e) {
    if (e.type != "contact_assigned") return;
    json::error_code ec;
    json::value v = json::parse(e.json, ec);
    if (ec || !v.is_object() || !v.as_object()["contact"].is_string()) return;
    handlers->remember(std::string(v.as_object()["contact"].as_string()), e.topic.substr(6));
  });
}

void ChatService::Handlers::remember(const std::string& contact, const std::string& agent) {
  std::lock_guard lock(mu);
  if (agent_of.insert_or_assign(contact, agent).second) order.push_back(contact);
  while (order.size() > kMaxRemembered) {
    agent_of.erase(order.front());
    order.pop_front();
  }
}

std::string ChatService::Handlers::agent(const std::string& contact) {
  std::lock_guard lock(mu);
  auto it = agent_of.find(contact);
  return it == agent_of.end() ? "" : it->second;
}

std::shared_ptr<ChatSession> ChatService::open(std::function<void(std::string)> send) {
  return std::make_shared<ChatSession>(*this, std::move(send));
}

std::string messages_json(const std::vector<store::InteractionMessage>& messages,
                          std::int64_t after) {
  json::array out;
  for (const auto& m : messages) {
    if (m.seq <= after) continue;
    out.push_back(json::object{{"seq", m.seq},
                               {"from", store::to_string(m.sender_kind)},
                               {"text", m.text},
                               {"at", format_iso8601(m.sent_at)}});
  }
  return json::serialize(out);
}

void ChatService::transcript(const std::string& token,
                             std::function<void(Result<std::string>)> done) {
  auto out = std::make_shared<std::string>();
  auto op = [this, digest = mint_.digest(token), out](store::Store& db) -> Status {
    auto chat = db.chats().find_by_token_hash(tenant_, digest);
    if (!chat) return chat.error();
    auto messages = db.messages().transcript(tenant_, chat->interaction);
    if (!messages) return messages.error();
    *out = R"({"interaction":")" + store::format_interaction_id(chat->interaction) +
           R"(","messages":)" + messages_json(*messages, 0) + "}";
    return {};
  };
  writer_.submit(op, [out, done](const Status& st) {
    if (!st.ok()) {
      if (st.error().code == ErrorCode::not_found)
        return done(Error::not_found("no chat with this token"));
      return done(st.error());
    }
    done(*out);
  });
}

void ChatService::waiting(const std::string& contact, bool is_waiting) {
  std::lock_guard lock(mu_);
  if (is_waiting)
    waiting_.emplace(contact, "");
  else
    waiting_.erase(contact);
}

int ChatService::refresh_positions() {
  std::map<std::string, std::string> now;
  {
    std::lock_guard lock(mu_);
    for (const auto& [c, last] : waiting_) now.emplace(c, "");
  }
  if (now.empty()) return 0;
  board_.inspect([&](const engine::Engine& e) {
    for (auto& [c, text] : now) {
      auto w = e.waiting_contact(c);
      if (!w) continue;
      const auto ewt = std::chrono::duration_cast<std::chrono::seconds>(w->ewt).count();
      text = json::serialize(json::object{{"position", w->position}, {"ewt_s", ewt}});
    }
  });
  std::vector<std::pair<std::string, std::string>> changed;
  {
    std::lock_guard lock(mu_);
    for (const auto& [c, text] : now) {
      auto it = waiting_.find(c);
      if (text.empty() || it == waiting_.end() || it->second == text) continue;
      it->second = text;
      changed.emplace_back(c, text);
    }
  }
  for (const auto& [c, text] : changed)
    bus_.publish(BusEvent{0, tenant_, "contact/" + c, "queue", clock_.now(), text});
  return static_cast<int>(changed.size());
}

}  // namespace tamas::services
