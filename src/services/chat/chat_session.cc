// Frames of one chat connection: parsing, rate limiting, messages, typing,
// leaving, transcripts, and what the agent side says (from the bus).
#include "services/chat/chat_session.h"

#include <boost/json.hpp>

#include <algorithm>

namespace tamas::services {

namespace json = boost::json;

ChatSession::ChatSession(ChatService& service, std::function<void(std::string)> send)
    : service_(service), send_(std::move(send)), tokens_(service.options_.burst) {}

ChatSession::~ChatSession() = default;

void ChatSession::error(const std::string& code, const std::string& message) {
  send_(json::serialize(json::object{{"type", "error"}, {"code", code}, {"message", message}}));
}

void ChatSession::on_frame(const std::string& text) {
  json::error_code ec;
  json::parse_options opts;
  opts.max_depth = 8;
  json::value v = json::parse(text, ec, {}, opts);
  if (ec || !v.is_object()) return error("bad_frame", "a frame is a JSON object with a \"type\"");
  const auto& f = v.as_object();
  const auto* type = f.if_contains("type");
  if (!type || !type->is_string()) return error("bad_frame", "a frame needs a string \"type\"");
  const std::string t(type->as_string());
  if (t == "start") return start(f);
  if (t == "resume") return resume(f);
  if (t == "message") return message(f);
  if (t == "typing") return typing();
  if (t == "leave") return leave();
  if (t == "transcript") return transcript();
  if (t == "survey") return survey(f);
  if (t == "ping") return send_(R"({"type":"pong"})");
  error("bad_frame", "unknown frame type '" + t + "'");
}

void ChatSession::on_close() {
  std::unique_ptr<EventBus::Subscription> feed;
  std::lock_guard lock(mu_);
  feed = std::move(feed_);
  if (!contact_.empty()) service_.waiting(contact_, false);
}

bool ChatSession::take_token() {
  const Instant now = service_.clock_.now();
  if (refilled_ != Instant{}) {
    const double secs = static_cast<double>((now - refilled_).count()) / 1000.0;
    tokens_ =
        std::min(service_.options_.burst, tokens_ + secs * service_.options_.messages_per_second);
  }
  refilled_ = now;
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

void ChatSession::message(const json::object& f) {
  const auto* text = f.if_contains("text");
  if (!text || !text->is_string() || text->as_string().empty())
    return error("invalid_fields", "\"text\" must be a non-empty string");
  if (text->as_string().size() > service_.options_.max_text_bytes)
    return error("too_long", "a message is at most " +
                                 std::to_string(service_.options_.max_text_bytes) + " bytes");
  json::value client_id = f.contains("id") ? f.at("id") : json::value();
  store::InteractionMessage m;
  {
    std::lock_guard lock(mu_);
    if (phase_ != Phase::waiting && phase_ != Phase::connected)
      return error("not_in_chat",
                   phase_ == Phase::ended ? "this chat has ended" : "start or resume a chat first");
    if (!take_token()) return error("rate_limited", "too many messages; wait a moment");
    m.interaction = interaction_;
  }
  m.tenant = service_.tenant_;
  m.sender_kind = store::SenderKind::customer;
  m.sender_id = "customer";
  m.text = std::string(text->as_string());
  m.sent_at = service_.clock_.now();
  auto seq = std::make_shared<std::int64_t>(0);
  auto self = shared_from_this();
  service_.writer_.submit(
      [m, seq](store::Store& db) -> Status {
        auto r = db.messages().append(m);
        if (!r) return r.error();
        *seq = *r;
        return {};
      },
      [self, m, seq, client_id](const Status& st) {
        if (!st.ok())
          return self->error("unavailable", "the message was not stored; send it again");
        json::object ack{{"type", "ack"}, {"seq", *seq}};
        if (!client_id.is_null()) ack["id"] = client_id;
        {
          std::lock_guard lock(self->mu_);
          self->last_seq_ = std::max(self->last_seq_, *seq);
          self->send_(json::serialize(ack));
        }
        json::object o{{"contact", store::format_interaction_id(m.interaction)},
                       {"seq", *seq},
                       {"from", "customer"},
                       {"text", m.text},
                       {"at", format_iso8601(m.sent_at)}};
        self->service_.bus_.publish(BusEvent{
            0, self->service_.tenant_, "contact/" + store::format_interaction_id(m.interaction),
            "message", m.sent_at, json::serialize(o)});
      });
}

void ChatSession::typing() {
  std::string contact;
  {
    std::lock_guard lock(mu_);
    if (phase_ != Phase::connected) return;  // nobody to tell
    contact = contact_;
  }
  service_.bus_.publish(
      BusEvent{0, service_.tenant_, "contact/" + contact, "typing", service_.clock_.now(),
               json::serialize(json::object{{"contact", contact}, {"from", "customer"}})});
}

void ChatSession::leave() {
  std::string contact;
  Phase phase;
  {
    std::lock_guard lock(mu_);
    phase = phase_;
    contact = contact_;
  }
  if (phase != Phase::waiting && phase != Phase::connected)
    return error("not_in_chat", "there is no open chat to leave");
  service_.bus_.publish(
      BusEvent{0, service_.tenant_, "contact/" + contact, "left", service_.clock_.now(),
               json::serialize(json::object{{"contact", contact}, {"from", "customer"}})});
  auto self = shared_from_this();
  auto done = [self](const Status& st, const auto&) {
    if (!st.ok()) self->error("conflict", st.error().message);
  };
  // Waiting (or offered): abandoned. With an agent: the conversation ends.
  if (phase == Phase::waiting)
    service_.board_.post(engine::ContactAbandon{contact}, done);
  else
    service_.board_.post(engine::ContactEnd{contact}, done);
}

void ChatSession::transcript() {
  store::RowId id;
  {
    std::lock_guard lock(mu_);
    id = interaction_;
  }
  if (id == 0) return error("not_in_chat", "start or resume a chat first");
  auto out = std::make_shared<std::string>();
  const auto tenant = service_.tenant_;
  auto self = shared_from_this();
  service_.writer_.submit(
      [tenant, id, out](store::Store& db) -> Status {
        auto messages = db.messages().transcript(tenant, id);
        if (!messages) return messages.error();
        *out = messages_json(*messages, 0);
        return {};
      },
      [self, id, out](const Status& st) {
        if (!st.ok()) return self->error("unavailable", "could not read the transcript; try again");
        self->send_(R"({"type":"transcript","interaction":")" + store::format_interaction_id(id) +
                    R"(","messages":)" + *out + "}");
      });
}

void ChatSession::set_phase(Phase p) {
  if (p == phase_) return;
  phase_ = p;
  service_.waiting(contact_, p == Phase::waiting);
}

void ChatSession::deliver(const BusEvent& e) {
  std::lock_guard lock(mu_);
  if (replaying_) {
    held_back_.push_back(e);
    return;
  }
  forward(e);
}

// What the agent side and the engine say, as customer frames.
void ChatSession::forward(const BusEvent& e) {
  json::error_code ec;
  json::value v = json::parse(e.json, ec);
  if (ec || !v.is_object()) return;
  auto& o = v.as_object();
  if (e.type == "message") {
    const auto seq = o.contains("seq") && o["seq"].is_int64() ? o["seq"].as_int64() : 0;
    if (seq <= last_seq_ || o["from"] == "customer") {
      last_seq_ = std::max(last_seq_, seq);
      return;
    }
    last_seq_ = seq;
    send_(json::serialize(json::object{{"type", "message"},
                                       {"seq", seq},
                                       {"from", o["from"]},
                                       {"text", o["text"]},
                                       {"at", o["at"]}}));
  } else if (e.type == "typing") {
    if (o["from"] != "customer") send_(R"({"type":"typing","from":"agent"})");
  } else if (e.type == "queue") {
    if (phase_ != Phase::waiting) return;
    json::object q{{"type", "queue"}, {"position", o["position"]}, {"ewt_s", o["ewt_s"]}};
    auto text = json::serialize(q);
    if (text == last_queue_) return;
    last_queue_ = text;
    send_(text);
  } else if (e.type == "agent_joined") {
    set_phase(Phase::connected);
    send_(json::serialize(json::object{{"type", "agent_joined"}, {"agent", o["agent"]}}));
  } else if (e.type == "transferred") {
    set_phase(Phase::waiting);
    last_queue_.clear();
    send_(R"({"type":"transferred"})");
  } else if (e.type == "hold" || e.type == "resume") {
    send_(e.type == "hold" ? R"({"type":"on_hold"})" : R"({"type":"off_hold"})");
  } else if (e.type == "ended") {
    set_phase(Phase::ended);
    send_(json::serialize(json::object{{"type", "ended"}, {"outcome", o["outcome"]}}));
  }
}

}  // namespace tamas::services
