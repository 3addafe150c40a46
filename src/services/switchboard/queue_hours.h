// Opens and closes the engine's queues on the strategy's hours: each call
// returns QueueOpen/QueueClose commands for the queues whose state at `now`
// differs from what the engine was last told (all queues on the first call).
// Pure apart from its memory of the last state; the switchboard calls it each
// tick, the simulator at each simulated instant.
#pragma once

#include <vector>

#include "core/calendar.h"
#include "engine/command.h"
#include "strategy/model.h"

namespace tamas::services {

class QueueHours {
 public:
  // Both must outlive this object.
  QueueHours(const strategy::Strategy& s, const BusinessCalendar& calendar);
  std::vector<engine::Command> changes(Instant now);

 private:
  const strategy::Strategy& strategy_;
  const BusinessCalendar& calendar_;
  std::vector<int> told_;  // per queue: -1 never told, 0 closed, 1 open
};

// The organisation's calendar (time zone and holidays) from the strategy.
Result<BusinessCalendar> calendar_of(const strategy::Strategy& s);

}  // namespace tamas::services
