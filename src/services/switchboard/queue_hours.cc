#include "services/switchboard/queue_hours.h"

namespace tamas::services {

QueueHours::QueueHours(const strategy::Strategy& s, const BusinessCalendar& calendar)
    : strategy_(s), calendar_(calendar), told_(s.queues.size(), -1) {}

std::vector<engine::Command> QueueHours::changes(Instant now) {
  std::vector<engine::Command> out;
  for (size_t i = 0; i < strategy_.queues.size(); ++i) {
    const auto& q = strategy_.queues[i];
    const bool open = q.hours_index < 0 ||
                      calendar_.is_open(strategy_.schedules[static_cast<size_t>(q.hours_index)], now);
    if (told_[i] == static_cast<int>(open)) continue;
    told_[i] = open;
    if (open) out.emplace_back(engine::QueueOpen{q.id});
    else out.emplace_back(engine::QueueClose{q.id});
  }
  return out;
}

Result<BusinessCalendar> calendar_of(const strategy::Strategy& s) {
  return BusinessCalendar::create(s.organisation.time_zone, s.holidays);
}

}  // namespace tamas::services
