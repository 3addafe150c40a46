// WebhookDispatcher: delivers bus events to the tenant's webhooks.
//
// For every event on the EventBus whose type a webhook subscribes to (or
// "*"), it POSTs the JSON envelope
//   {"seq":12,"type":"offer","topic":"agent/7","at":"2026-...Z","data":{...}}
// with headers X-Tamas-Event, X-Tamas-Delivery, X-Tamas-Timestamp (Unix
// seconds) and X-Tamas-Signature (signature.h) when the webhook has a
// secret. A 2xx answer is success; anything else (other status, refused
// connection, timeout) is retried after first_retry, first_retry*factor, ...
// up to max_attempts in all. Every attempt is written to webhook_deliveries.
//
// Threads: one worker thread owns the store connection given to it and does
// all I/O; on_event runs on the publisher's thread and only queues. Queued
// events beyond queue_limit are dropped (logged). stop() joins the worker;
// pending retries are abandoned (the log shows their last attempt).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/time.h"
#include "services/events/bus.h"
#include "store/store.h"

namespace tamas::services {

struct WebhookOptions {
  int max_attempts = 6;
  Duration first_retry = std::chrono::seconds(2);
  double backoff_factor = 4.0;  // 2 s, 8 s, 32 s, ~2 min, ~9 min
  Duration timeout = std::chrono::seconds(10);
  std::size_t queue_limit = 10'000;
  std::string ca_file;  // extra CA certificates (PEM) for https:// receivers
};

class WebhookDispatcher {
 public:
  WebhookDispatcher(std::unique_ptr<store::Store> db, store::TenantId tenant, const Clock& clock,
                    EventBus& bus, WebhookOptions options = {});
  ~WebhookDispatcher();  // stops

  void start();
  void stop();
  // Webhooks were added or removed: re-read them before the next delivery.
  void reload();
  // Queues a "ping" event for one webhook only (to test a receiver).
  void ping(store::RowId webhook);

 private:
  struct Delivery {
    store::RowId webhook = 0;
    std::shared_ptr<const BusEvent> event;
    int attempt = 1;
    Instant due;
  };
  void on_event(const BusEvent& e);
  void run();
  void take_events(std::vector<Delivery>& out);
  void attempt(Delivery d);
  void refresh_hooks();

  std::unique_ptr<store::Store> db_;  // worker thread only
  const store::TenantId tenant_;
  const Clock& clock_;
  EventBus& bus_;
  const WebhookOptions options_;
  std::unique_ptr<EventBus::Subscription> subscription_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool reload_ = true;
  std::deque<std::pair<std::shared_ptr<const BusEvent>, store::RowId>> incoming_;  // 0: all hooks
  std::vector<Delivery> retries_;      // worker thread only
  std::vector<store::Webhook> hooks_;  // worker thread only
  std::thread worker_;
};

}  // namespace tamas::services
