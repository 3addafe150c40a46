#include "services/events/bus.h"

#include <algorithm>

namespace tamas::services {

bool topic_matches(const std::string& filter, const std::string& topic) {
  if (filter.empty()) return true;
  if (filter.back() == '/') return topic.compare(0, filter.size(), filter) == 0;
  return filter == topic;
}

static bool any_match(const std::vector<std::string>& filters, const std::string& topic) {
  return std::any_of(filters.begin(), filters.end(),
                     [&](const std::string& f) { return topic_matches(f, topic); });
}

EventBus::EventBus(std::size_t capacity)
    : capacity_(capacity), self_(std::make_shared<EventBus*>(this)) {}

std::uint64_t EventBus::publish(BusEvent e) {
  std::unique_lock lock(mutex_);
  e.seq = ++seq_;
  const std::uint64_t seq = e.seq;
  Delivery d;
  for (const auto& [id, sub] : subs_)
    if (sub.tenant == e.tenant && any_match(sub.filters, e.topic)) d.subs.push_back(id);
  recent_.push_back(e);
  if (recent_.size() > capacity_) recent_.pop_front();
  if (!d.subs.empty()) {
    d.event = std::move(e);
    pending_.push_back(std::move(d));
  }
  // Delivering outside the lock, each thread its own events, let a later
  // seq overtake an earlier one; one thread at a time hands out all of them.
  if (delivering_) return seq;  // that thread delivers this one too, in turn
  delivering_ = true;
  deliver_pending(lock);
  return seq;
}

void EventBus::deliver_pending(std::unique_lock<std::mutex>& lock) {
  // Cleared however this ends, so a throwing callback cannot stall the bus.
  struct Done {
    std::unique_lock<std::mutex>& lock;
    bool& delivering;
    ~Done() {
      if (!lock.owns_lock()) lock.lock();
      delivering = false;
    }
  } done{lock, delivering_};
  std::vector<std::shared_ptr<Callback>> targets;
  while (!pending_.empty()) {
    const Delivery next = std::move(pending_.front());
    pending_.pop_front();
    targets.clear();
    for (const std::uint64_t id : next.subs)
      if (const auto it = subs_.find(id); it != subs_.end()) targets.push_back(it->second.cb);
    lock.unlock();
    for (const auto& cb : targets) (*cb)(next.event);
    lock.lock();
  }
}

std::unique_ptr<EventBus::Subscription> EventBus::subscribe(std::int64_t tenant,
                                                            std::vector<std::string> filters,
                                                            Callback cb) {
  std::lock_guard lock(mutex_);
  const auto id = next_sub_++;
  subs_.emplace(id, Sub{tenant, std::move(filters), std::make_shared<Callback>(std::move(cb))});
  return std::unique_ptr<Subscription>(new Subscription(self_, id));
}

EventBus::Subscription::~Subscription() {
  if (auto bus = bus_.lock()) (*bus)->unsubscribe(id_);
}

void EventBus::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  subs_.erase(id);
}

std::vector<BusEvent> EventBus::since(std::int64_t tenant, std::uint64_t after,
                                      const std::vector<std::string>& filters,
                                      bool* complete) const {
  std::lock_guard lock(mutex_);
  if (complete) *complete = recent_.empty() ? after >= seq_ : recent_.front().seq <= after + 1;
  std::vector<BusEvent> out;
  for (const auto& e : recent_)
    if (e.seq > after && e.tenant == tenant && any_match(filters, e.topic)) out.push_back(e);
  return out;
}

std::uint64_t EventBus::last_seq() const {
  std::lock_guard lock(mutex_);
  return seq_;
}

}  // namespace tamas::services
