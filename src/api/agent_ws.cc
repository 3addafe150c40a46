#include "api/agent_ws.h"

#include <algorithm>
#include <functional>
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

// The opening frame and the bus seq it was made at. A full snapshot
// already reflects every event up to `seq`; a plain hello does not.
struct Hello {
  std::uint64_t seq = 0;
  std::string text;
  bool snapshot = false;
};

// Subscribes, then sends `hello()` (made after subscribing, so no event
// falls between the snapshot and the live stream), then events after
// ?since=, then live events matching `filters` newer than the hello.
void stream(const Request& req, const std::shared_ptr<WsConnection>& conn, WsCallbacks& cb,
            services::EventBus& bus, std::int64_t tenant, std::vector<std::string> filters,
            const std::function<Hello()>& make_hello) {
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
  const Hello hello = make_hello();
  conn->send(hello.text);
  std::lock_guard lock(s->mu);
  std::uint64_t sent = hello.snapshot ? hello.seq : 0;
  if (req.query.count("since")) {
    bool complete = true;
    for (const auto& e : bus.since(tenant, since_param(req), filters, &complete)) {
      send_event(*conn, *s, e);
      sent = std::max(sent, e.seq);
    }
    if (!complete) conn->send(R"({"type":"replay_incomplete"})");
  }
  for (const auto& e : s->held)
    if (e.seq > sent) send_event(*conn, *s, e);
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
              auto hello = [&desk, &bus, username = p.username] {
                const std::uint64_t seq = bus.last_seq();
                auto a = desk.agent(username);
                const std::string state = a ? a->state : "logged_out";
                return Hello{seq, R"({"type":"hello","seq":)" + std::to_string(seq) +
                                      R"(,"agent":")" + json_escape(username) + R"(","state":")" +
                                      state + R"("})"};
              };
              stream(req, conn, cb, bus, p.tenant, {"agent/" + p.username}, hello);
              return std::nullopt;
            });
  router.ws("/api/v1/supervisor/ws",
            [&guard, &feed, &bus](const Request& req, std::shared_ptr<WsConnection> conn,
                                  WsCallbacks& cb) -> std::optional<Response> {
              auto who = guard.check(req, Permission::supervise);
              if (auto* refusal = std::get_if<Response>(&who)) return std::move(*refusal);
              const auto& p = std::get<Principal>(who);
              auto hello = [&feed, &bus] {
                const std::uint64_t seq = bus.last_seq();
                return Hello{seq,
                             R"({"type":"snapshot","seq":)" + std::to_string(seq) + R"(,"data":)" +
                                 feed.snapshot() + "}",
                             true};
              };
              stream(req, conn, cb, bus, p.tenant, {"queue/", "agents/"}, hello);
              return std::nullopt;
            });
}

}  // namespace tamas::api
