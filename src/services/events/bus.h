// The internal event bus: every state change worth telling someone about
// (offers, messages, agent states, queue statistics) is published here once,
// with a sequence number, and fanned out to subscribers: WebSocket clients,
// webhooks, and later NATS.
//
// Threads: all methods are thread-safe. Subscriber callbacks run on the
// publishing thread, outside the bus lock, and must not block (queue the
// event and return). A reconnecting client asks for what it missed with
// since(); the bus keeps the last `capacity` events in memory (older ones
// come from the store's event log).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/time.h"

namespace tamas::services {

struct BusEvent {
  std::uint64_t seq = 0;   // 1, 2, ... per bus, assigned by publish()
  std::int64_t tenant = 0;
  std::string topic;       // "agent/a1", "queue/sales", "contact/I-000001"
  std::string type;        // "offer", "message", "agent_state", ...
  Instant at{};
  std::string json;        // the payload, a JSON object
};

// Matches an event's topic: "" matches all; "agent/a1" matches exactly;
// "queue/" (trailing slash) matches every topic with that prefix.
bool topic_matches(const std::string& filter, const std::string& topic);

class EventBus {
 public:
  using Callback = std::function<void(const BusEvent&)>;

  explicit EventBus(std::size_t capacity = 10'000);

  // Assigns the next seq and delivers to matching subscribers; returns seq.
  std::uint64_t publish(BusEvent e);

  // A subscription lasts while the returned handle lives.
  class Subscription {
   public:
    ~Subscription();
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;

   private:
    friend class EventBus;
    Subscription(std::weak_ptr<EventBus*> bus, std::uint64_t id) : bus_(std::move(bus)), id_(id) {}
    std::weak_ptr<EventBus*> bus_;
    std::uint64_t id_;
  };
  [[nodiscard]] std::unique_ptr<Subscription> subscribe(std::int64_t tenant,
                                                        std::vector<std::string> filters,
                                                        Callback cb);

  // Retained events of `tenant` with seq > after that match any filter, in
  // order. `complete` is false when events after `after` were already
  // dropped from memory (the caller should reload from the store).
  std::vector<BusEvent> since(std::int64_t tenant, std::uint64_t after,
                              const std::vector<std::string>& filters, bool* complete) const;

  std::uint64_t last_seq() const;

 private:
  struct Sub {
    std::int64_t tenant;
    std::vector<std::string> filters;
    std::shared_ptr<Callback> cb;
  };
  void unsubscribe(std::uint64_t id);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t seq_ = 0;
  std::uint64_t next_sub_ = 1;
  std::deque<BusEvent> recent_;
  std::map<std::uint64_t, Sub> subs_;
  std::shared_ptr<EventBus*> self_;  // lets Subscriptions outlive the bus safely
};

}  // namespace tamas::services
