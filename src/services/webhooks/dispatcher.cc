#include "services/webhooks/dispatcher.h"

#include <algorithm>
#include <cmath>

#include "core/log.h"
#include "services/webhooks/http_post.h"
#include "services/webhooks/signature.h"

namespace tamas::services {
namespace {

bool subscribes(const store::Webhook& h, const std::string& type) {
  return std::any_of(h.events.begin(), h.events.end(),
                     [&](const std::string& e) { return e == "*" || e == type; });
}

std::string envelope(const BusEvent& e) {
  std::string data = e.json.empty() ? "{}" : e.json;
  return "{\"seq\":" + std::to_string(e.seq) + ",\"type\":\"" + e.type + "\",\"topic\":\"" +
         e.topic + "\",\"at\":\"" + format_iso8601(e.at) + "\",\"data\":" + data + "}";
}

}  // namespace

WebhookDispatcher::WebhookDispatcher(std::unique_ptr<store::Store> db, store::TenantId tenant,
                                     const Clock& clock, EventBus& bus, WebhookOptions options)
    : db_(std::move(db)), tenant_(tenant), clock_(clock), bus_(bus), options_(options) {}

WebhookDispatcher::~WebhookDispatcher() {
  stop();
}

void WebhookDispatcher::start() {
  subscription_ = bus_.subscribe(tenant_, {""}, [this](const BusEvent& e) { on_event(e); });
  worker_ = std::thread([this] { run(); });
}

void WebhookDispatcher::stop() {
  subscription_.reset();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void WebhookDispatcher::reload() {
  {
    std::lock_guard lock(mutex_);
    reload_ = true;
  }
  wake_.notify_all();
}

void WebhookDispatcher::on_event(const BusEvent& e) {
  {
    std::lock_guard lock(mutex_);
    if (incoming_.size() >= options_.queue_limit) {
      log(LogLevel::warn, "webhook.dropped",
          {{"type", e.type}, {"seq", static_cast<std::int64_t>(e.seq)}});
      return;
    }
    incoming_.emplace_back(std::make_shared<const BusEvent>(e), 0);
  }
  wake_.notify_all();
}

void WebhookDispatcher::ping(store::RowId webhook) {
  BusEvent e;
  e.tenant = tenant_;
  e.type = "ping";
  e.topic = "webhook/" + std::to_string(webhook);
  e.at = clock_.now();
  e.json = "{\"webhook\":" + std::to_string(webhook) + "}";
  {
    std::lock_guard lock(mutex_);
    incoming_.emplace_back(std::make_shared<const BusEvent>(std::move(e)), webhook);
    reload_ = true;
  }
  wake_.notify_all();
}

void WebhookDispatcher::refresh_hooks() {
  auto hooks = db_->webhooks().list(tenant_);
  if (hooks)
    hooks_ = std::move(*hooks);
  else
    log(LogLevel::warn, "webhook.reload_failed", {{"error", hooks.error().message}});
}

// Turns queued events into deliveries for every subscribed webhook.
void WebhookDispatcher::take_events(std::vector<Delivery>& out) {
  std::deque<std::pair<std::shared_ptr<const BusEvent>, store::RowId>> events;
  bool reload = false;
  {
    std::lock_guard lock(mutex_);
    events.swap(incoming_);
    std::swap(reload, reload_);
  }
  if (reload) refresh_hooks();
  const Instant now = clock_.now();
  for (auto& [event, only] : events)
    for (const auto& h : hooks_)
      if (only ? h.id == only : subscribes(h, event->type))
        out.push_back(Delivery{h.id, event, 1, now});
}

void WebhookDispatcher::run() {
  for (;;) {
    std::vector<Delivery> due;
    {
      std::unique_lock lock(mutex_);
      Duration wait = std::chrono::seconds(1);
      if (!retries_.empty()) {
        auto next = std::min_element(retries_.begin(), retries_.end(),
                                     [](const auto& a, const auto& b) { return a.due < b.due; });
        wait = std::clamp<Duration>(next->due - clock_.now(), Duration(0), wait);
      }
      wake_.wait_for(lock, wait, [this] { return stopping_ || !incoming_.empty() || reload_; });
      if (stopping_) return;
    }
    take_events(due);
    const Instant now = clock_.now();
    auto split = std::partition(retries_.begin(), retries_.end(),
                                [now](const Delivery& d) { return d.due > now; });
    due.insert(due.end(), std::make_move_iterator(split), std::make_move_iterator(retries_.end()));
    retries_.erase(split, retries_.end());
    for (auto& d : due) attempt(std::move(d));
  }
}

void WebhookDispatcher::attempt(Delivery d) {
  auto hook = std::find_if(hooks_.begin(), hooks_.end(),
                           [&](const store::Webhook& h) { return h.id == d.webhook; });
  if (hook == hooks_.end()) return;  // removed since
  const std::string body = envelope(*d.event);
  const Instant now = clock_.now();
  const std::string timestamp = std::to_string(to_millis(now) / 1000);
  std::vector<std::pair<std::string, std::string>> headers{
      {"X-Tamas-Event", d.event->type},
      {"X-Tamas-Delivery", std::to_string(d.webhook) + "-" + std::to_string(d.event->seq)},
      {"X-Tamas-Timestamp", timestamp}};
  if (!hook->secret.empty())
    headers.emplace_back("X-Tamas-Signature", webhook_signature(hook->secret, timestamp, body));
  PostOutcome out;
  if (auto url = parse_http_url(hook->url))
    out = http_post_json(*url, headers, body, options_.timeout, TlsOptions{options_.ca_file});
  else
    out.error = "bad url: " + url.error().message;
  const bool ok = out.error.empty() && out.status >= 200 && out.status < 300;
  if (out.error.empty() && !ok) out.error = "HTTP " + std::to_string(out.status);
  store::WebhookDelivery row{0,
                             tenant_,
                             d.webhook,
                             static_cast<std::int64_t>(d.event->seq),
                             d.event->type,
                             d.attempt,
                             now,
                             out.status,
                             ok,
                             out.error};
  if (auto st = db_->webhooks().add_delivery(row); !st)
    log(LogLevel::warn, "webhook.log_failed", {{"error", st.error().message}});
  if (ok || d.attempt >= options_.max_attempts) return;
  const double factor = std::pow(options_.backoff_factor, d.attempt - 1);
  d.due = now + Duration(static_cast<std::int64_t>(options_.first_retry.count() * factor));
  ++d.attempt;
  retries_.push_back(std::move(d));
}

}  // namespace tamas::services
