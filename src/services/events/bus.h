// The internal event bus: every state change worth telling someone about
// (offers, messages, agent states, queue statistics) is published here once,
// with a sequence number, and fanned out to subscribers: WebSocket clients,
// webhooks, and later NATS.
//
// Threads: all methods are thread-safe. Every subscriber receives its
// events one at a time and in seq order, whichever threads publish them (the
// agent's WebSocket stream and desk drop an event whose seq is not above the
// last one seen). Callbacks run outside the bus lock on a publishing thread:
// the one that found no delivery under way delivers everything published
// meanwhile, in order, before its publish() returns; a publish() made while
// another thread (or a callback on this one) is delivering queues the event
// and returns at once. So callbacks must not block (queue the event and
// return), may publish, and a publisher must not hold a lock a callback
// takes. A reconnecting client asks for what it missed with since(); the
// bus keeps the last `capacity` events in memory (older ones come from the
// store's event log).
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
  std::uint64_t seq = 0;  // 1, 2, ... per bus, assigned by publish()
  std::int64_t tenant = 0;
  std::string topic;  // "agent/a1", "queue/sales", "contact/I-000001"
  std::string type;   // "offer", "message", "agent_state", ...
  Instant at{};
  std::string json;  // the payload, a JSON object
};

// Matches an event's topic: "" matches all; "agent/a1" matches exactly;
// "queue/" (trailing slash) matches every topic with that prefix.
bool topic_matches(const std::string& filter, const std::string& topic);

class EventBus {
 public:
  using Callback = std::function<void(const BusEvent&)>;

  explicit EventBus(std::size_t capacity = 10'000);

  // Assigns the next seq and delivers to the subscribers it matches now (at
  // once, or after the events published before it); returns seq.
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
  // An event with the subscriptions it matched when published (those
  // dropped before it is handed out are skipped).
  struct Delivery {
    BusEvent event;
    std::vector<std::uint64_t> subs;
  };
  void unsubscribe(std::uint64_t id);
  // REQUIRES `lock` holds mutex_ and delivering_ was false (now true): hands
  // out pending_ in order until it is empty, then clears delivering_.
  void deliver_pending(std::unique_lock<std::mutex>& lock);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t seq_ = 0;
  std::uint64_t next_sub_ = 1;
  std::deque<BusEvent> recent_;
  std::map<std::uint64_t, Sub> subs_;
  std::deque<Delivery> pending_;     // published, not yet handed out, in seq order
  bool delivering_ = false;          // a thread is handing out pending_
  std::shared_ptr<EventBus*> self_;  // lets Subscriptions outlive the bus safely
};

}  // namespace tamas::services
