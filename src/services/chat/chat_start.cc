// Starting and resuming a chat: validation against the strategy, the commit
// before "accepted", routing, and catching up after a reconnect.
#include <boost/json.hpp>

#include <regex>

#include "core/phone.h"
#include "engine/bridge/from_strategy.h"
#include "services/chat/chat_session.h"
#include "services/crm/identity.h"
#include "services/intake/field_validation.h"
#include "strategy/match.h"

namespace tamas::services {
namespace {

namespace json = boost::json;

struct Start {
  const strategy::EntryPoint* ep = nullptr;
  std::string name, phone, email;
  FieldCheck check;
  std::map<std::string, std::string> problems;
};

std::string optional_string(const json::object& f, const char* key, Start& s) {
  const auto* v = f.if_contains(key);
  if (!v || v->is_null()) return "";
  if (!v->is_string()) {
    s.problems[key] = "must be a string";
    return "";
  }
  return std::string(v->as_string());
}

// What a chat entry point asks for: its own fields, else its type's
// information requirements, all optional in chat (the agent asks the rest).
std::vector<strategy::FieldRequirement> requirements(const strategy::Strategy& st,
                                                     const strategy::EntryPoint& ep) {
  if (!ep.fields.empty() || ep.type_index < 0) return ep.fields;
  auto reqs = st.types[static_cast<size_t>(ep.type_index)].information;
  for (auto& r : reqs) r.required = false;
  return reqs;
}

Start validate(const strategy::Strategy& st, const json::object& f) {
  Start s;
  const std::string ep_id = optional_string(f, "entry_point", s);
  const auto it = st.index.entry_points.find(ep_id);
  if (it == st.index.entry_points.end() ||
      st.entry_points[static_cast<size_t>(it->second)].channel != strategy::ChannelKind::chat)
    s.problems["entry_point"] = ep_id.empty() ? "is required" : "is not a chat entry point";
  else
    s.ep = &st.entry_points[static_cast<size_t>(it->second)];
  s.name = optional_string(f, "name", s);
  if (s.name.empty() && !s.problems.count("name")) s.problems["name"] = "is required";
  if (s.name.size() > 200) s.problems["name"] = "must be at most 200 bytes";
  if (auto raw = optional_string(f, "phone", s); !raw.empty()) {
    auto phone = normalise_phone(raw);
    if (phone)
      s.phone = *phone;
    else
      s.problems["phone"] = "must be a phone number";
  }
  s.email = optional_string(f, "email", s);
  static const std::regex email_re(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  if (!s.email.empty() && !std::regex_match(s.email, email_re))
    s.problems["email"] = "must be an e-mail address";
  std::map<std::string, std::string> fields;
  if (const auto* v = f.if_contains("fields"); v && !v->is_null()) {
    if (!v->is_object())
      s.problems["fields"] = "must be an object of strings";
    else
      for (const auto& [k, val] : v->as_object()) {
        if (val.is_string())
          fields[std::string(k)] = std::string(val.as_string());
        else
          s.problems["fields." + std::string(k)] = "must be a string";
      }
  }
  for (const auto& [k, v] : f)
    if (k != "type" && k != "entry_point" && k != "name" && k != "phone" && k != "email" &&
        k != "fields")
      s.problems[std::string(k)] = "unknown field";
  if (s.ep) {
    s.check = check_fields(st, requirements(st, *s.ep), fields);
    for (const auto& [k, why] : s.check.problems) s.problems["fields." + k] = why;
  }
  return s;
}

// The customer this chat is from (R1): phone, then e-mail, matched by the
// CRM's identity resolution; a provisional customer named after the chat
// when nobody matches. Nothing when the customer gave neither, or when the
// CRM fails (the chat goes on; an agent can link the customer later).
// Runs on the writer thread, inside the chat's transaction.
std::optional<store::RowId> chat_customer(store::Store& db, const strategy::Strategy& st,
                                          const store::Chat& chat) {
  if (chat.phone.empty() && chat.email.empty()) return std::nullopt;
  crm::CrmContext ctx{db, st, chat.tenant};
  auto r = crm::resolve_customer(ctx, {chat.phone, chat.email, "", ""}, chat.created_at);
  if (!r) return std::nullopt;
  if (r->provisional)
    (void)crm::name_provisional(ctx, r->customer, chat.name);  // a name is a nicety
  return r->customer;
}

}  // namespace

void ChatSession::start(const json::object& f) {
  {
    std::lock_guard lock(mu_);
    if (phase_ != Phase::idle) return error("conflict", "this connection already has a chat");
  }
  const auto& st = service_.strategy_;
  Start s = validate(st, f);
  if (!s.problems.empty()) {
    json::object fields;
    for (const auto& [k, v] : s.problems) fields[k] = v;
    return send_(json::serialize(json::object{{"type", "error"},
                                              {"code", "invalid_fields"},
                                              {"message", "some fields need attention"},
                                              {"fields", fields}}));
  }
  strategy::Attributes attrs(s.check.values.begin(), s.check.values.end());
  const auto& segment = strategy::segment_of(st, attrs);
  const auto* rule = strategy::match_route(st, s.ep->type, "chat", segment.id, attrs);
  if (!rule || rule->queue.empty())
    return error("unavailable", "this chat cannot be routed to anyone");
  const auto& type = st.types[static_cast<size_t>(s.ep->type_index)];
  const int priority = (rule->priority ? *rule->priority : type.priority) + segment.priority;
  {
    std::lock_guard lock(mu_);
    phase_ = Phase::busy;
  }
  store::Interaction row;
  row.tenant = service_.tenant_;
  row.channel = "chat";
  row.type = s.ep->type;
  row.entry_point = s.ep->id;
  row.queue = rule->queue;
  row.state = store::InteractionState::queued;
  row.priority = priority;
  row.arrived_at = service_.clock_.now();
  json::object fields_json;
  for (const auto& [k, v] : s.check.values) fields_json[k] = v;
  row.fields_json = json::serialize(fields_json);
  store::Chat chat{0, row.tenant, 0, "", s.name, s.phone, s.email, row.arrived_at};
  const std::string token = service_.mint_.generate();
  chat.token_hash = service_.mint_.digest(token);
  auto id = std::make_shared<store::RowId>(0);
  auto self = shared_from_this();
  service_.writer_.submit(
      [row, chat, id, &st](store::Store& db) mutable -> Status {
        row.customer = chat_customer(db, st, chat);
        auto added = db.interactions().add(row);
        if (!added) return added.error();
        chat.interaction = *id = *added;
        auto c = db.chats().add(chat);
        return c ? Status{} : Status(c.error());
      },
      [self, id, token, s, segment = segment.id, priority](const Status& st) {
        if (!st.ok()) {
          std::lock_guard lock(self->mu_);
          self->phase_ = Phase::idle;
          return self->error("unavailable", "could not start the chat; try again");
        }
        const auto contact = store::format_interaction_id(*id);
        self->attach(contact, *id);
        {
          // Waiting before "accepted" goes out: the customer may answer it at once.
          std::lock_guard lock(self->mu_);
          self->set_phase(Phase::waiting);
          self->send_(json::serialize(
              json::object{{"type", "accepted"}, {"chat_token", token}, {"interaction", contact}}));
          self->replaying_ = false;
          for (const auto& e : std::exchange(self->held_back_, {})) self->forward(e);
        }
        engine::ContactArrive arrive;
        arrive.contact = contact;
        arrive.channel = engine::Channel::chat;
        arrive.type = s.ep->type;
        arrive.segment = segment;
        arrive.fields.assign(s.check.values.begin(), s.check.values.end());
        arrive.priority = priority;
        self->service_.board_.post(std::move(arrive), [self](const Status& r, const auto&) {
          if (!r.ok())
            self->error("unavailable", "the chat could not be queued: " + r.error().message);
        });
      });
}

void ChatSession::attach(const std::string& contact, store::RowId interaction) {
  std::weak_ptr<ChatSession> weak = weak_from_this();
  auto feed =
      service_.bus_.subscribe(service_.tenant_, {"contact/" + contact}, [weak](const BusEvent& e) {
        if (auto self = weak.lock()) self->deliver(e);
      });
  std::lock_guard lock(mu_);
  contact_ = contact;
  interaction_ = interaction;
  replaying_ = true;
  feed_ = std::move(feed);
}

void ChatSession::resume(const json::object& f) {
  const auto* token = f.if_contains("chat_token");
  if (!token || !token->is_string() || token->as_string().empty())
    return error("invalid_fields", "\"chat_token\" is required");
  std::int64_t after = 0;
  if (const auto* a = f.if_contains("after"); a && a->is_int64()) after = a->as_int64();
  {
    std::lock_guard lock(mu_);
    if (phase_ != Phase::idle) return error("conflict", "this connection already has a chat");
    phase_ = Phase::busy;
  }
  struct Found {
    store::Chat chat;
    store::InteractionState state{};
    std::vector<store::InteractionMessage> messages;
  };
  auto found = std::make_shared<Found>();
  const auto tenant = service_.tenant_;
  auto self = shared_from_this();
  // First find the chat and follow it; then read what was missed, so no
  // message falls between the read and the subscription.
  service_.writer_.submit(
      [tenant, digest = service_.mint_.digest(std::string(token->as_string())),
       found](store::Store& db) -> Status {
        auto chat = db.chats().find_by_token_hash(tenant, digest);
        if (!chat) return chat.error();
        found->chat = *chat;
        return {};
      },
      [self, found, after, tenant](const Status& st) {
        if (!st.ok()) {
          std::lock_guard lock(self->mu_);
          self->phase_ = Phase::idle;
          return self->error("unknown_chat", "no chat with this token");
        }
        self->attach(store::format_interaction_id(found->chat.interaction),
                     found->chat.interaction);
        self->service_.writer_.submit(
            [tenant, found](store::Store& db) -> Status {
              auto row = db.interactions().get(tenant, found->chat.interaction);
              if (!row) return row.error();
              found->state = row->state;
              auto m = db.messages().transcript(tenant, found->chat.interaction);
              if (!m) return m.error();
              found->messages = std::move(*m);
              return {};
            },
            [self, found, after](const Status& st2) {
              std::lock_guard lock(self->mu_);
              if (!st2.ok()) {
                self->phase_ = Phase::idle;
                return self->error("unavailable", "could not resume; try again");
              }
              const auto state = found->state;
              const Phase p = store::is_final(state) || state == store::InteractionState::wrapup
                                  ? Phase::ended
                              : state == store::InteractionState::active ? Phase::connected
                                                                         : Phase::waiting;
              self->send_(R"({"type":"resumed","interaction":")" + self->contact_ +
                          R"(","state":")" + store::to_string(state) + R"(","messages":)" +
                          messages_json(found->messages, after) + "}");
              for (const auto& m : found->messages)
                self->last_seq_ = std::max(self->last_seq_, m.seq);
              self->set_phase(p);
              self->replaying_ = false;
              for (const auto& e : std::exchange(self->held_back_, {})) self->forward(e);
              if (p == Phase::ended) self->send_(R"({"type":"ended"})");
            });
      });
}

}  // namespace tamas::services
