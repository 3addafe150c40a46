#include "api/agent_ws.h"

#include <mutex>

namespace tamas::api {
namespace {

using services::BusEvent;

// One connection's subscription: events that arrive while the replay is
// being sent are held back and sent after it, in order, without duplicates.
struct Stream {
  std::mutex mu;
  bool replaying = true;
  std::uint64_t last = 0;
  std::vector<BusEvent> held;
  std::unique_ptr<services::EventBus::Subscription> subscription;
};

void send_event(WsConnection& conn, Stream& s, const BusEvent& e) {
  if (e.seq <= s.last) return;
  s.last = e.seq;
  conn.send(event_frame(e));
}

std::uint64_t since_param(const Request& req) {
  const auto it = req.query.find("since");
  if (it == req.query.end()) return 0;
  try {
    return std::stoull(it->second);
  } catch (...) {
    return 0;
  }
}

// Sends `hello`, then events after ?since=, then live events matching `filters`.
void stream(const Request& req, const std::shared_ptr<WsConnection>& conn, WsCallbacks& cb,
            services::EventBus& bus, std::int64_t tenant, std::vector<std::string> filters,
            const std::string& hello) {
  auto s = std::make_shared<Stream>();
  std::weak_ptr<WsConnection> weak = conn;
  s->subscription = bus.subscribe(tenant, filters, [s, weak](const BusEvent& e) {
    auto c = weak.lock();
    if (!c) return;
    std::lock_guard lock(s->mu);
    if (s->replaying)
      s->held.push_back(e);
    else
      send_event(*c, *s, e);
  });
  conn->send(hello);
  std::lock_guard lock(s->mu);
  if (req.query.count("since")) {
    bool complete = true;
    for (const auto& e : bus.since(tenant, since_param(req), filters, &complete))
      send_event(*conn, *s, e);
    if (!complete) conn->send(R"({"type":"replay_incomplete"})");
  }
  for (const auto& e : s->held) send_event(*conn, *s, e);
  s->held.clear();
  s->replaying = false;
  cb.on_close = [s] {
    std::unique_ptr<services::EventBus::Subscription> sub;
    std::lock_guard lock(s->mu);
    sub = std::move(s->subscription);
  };
  cb.on_message = [](const std::string&) {};  // nothing to say upstream
}

}  // namespace

std::string event_frame(const BusEvent& e) {
  return R"({"seq":)" + std::to_string(e.seq) + R"(,"type":")" + json_escape(e.type) +
         R"(","at":")" + format_iso8601(e.at) + R"(","data":)" + (e.json.empty() ? "{}" : e.json) +
         "}";
}

void add_live_ws(Router& router, const Guard& guard, services::AgentDesk& desk,
                 services::SupervisorFeed& feed, services::EventBus& bus) {
  router.ws("/api/v1/agent/ws",
            [&guard, &desk, &bus](const Request& req, std::shared_ptr<WsConnection> conn,
                                  WsCallbacks& cb) -> std::optional<Response> {
              auto who = guard.check(req, Permission::agent_desk);
              if (auto* refusal = std::get_if<Response>(&who)) return std::move(*refusal);
              const auto& p = std::get<Principal>(who);
              auto a = desk.agent(p.username);
              const std::string state = a ? a->state : "logged_out";
              const std::string hello =
                  R"({"type":"hello","seq":)" + std::to_string(bus.last_seq()) + R"(,"agent":")" +
                  json_escape(p.username) + R"(","state":")" + state + R"("})";
              stream(req, conn, cb, bus, p.tenant, {"agent/" + p.username}, hello);
              return std::nullopt;
            });
  router.ws("/api/v1/supervisor/ws",
            [&guard, &feed, &bus](const Request& req, std::shared_ptr<WsConnection> conn,
                                  WsCallbacks& cb) -> std::optional<Response> {
              auto who = guard.check(req, Permission::supervise);
              if (auto* refusal = std::get_if<Response>(&who)) return std::move(*refusal);
              const auto& p = std::get<Principal>(who);
              const std::string hello = R"({"type":"snapshot","seq":)" +
                                        std::to_string(bus.last_seq()) + R"(,"data":)" +
                                        feed.snapshot() + "}";
              stream(req, conn, cb, bus, p.tenant, {"queue/", "agents/"}, hello);
              return std::nullopt;
            });
}

}  // namespace tamas::api
