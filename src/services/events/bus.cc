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
  std::vector<std::shared_ptr<Callback>> targets;
  {
    std::lock_guard lock(mutex_);
    e.seq = ++seq_;
    for (const auto& [id, sub] : subs_)
      if (sub.tenant == e.tenant && any_match(sub.filters, e.topic)) targets.push_back(sub.cb);
    recent_.push_back(e);
    if (recent_.size() > capacity_) recent_.pop_front();
  }
  for (const auto& cb : targets) (*cb)(e);
  return e.seq;
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
