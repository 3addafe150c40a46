// The day schedules planners publish (PUT /api/v1/wfm/schedules/{day}), read
// back from the store for adherence and for required-vs-scheduled plans.
#pragma once

#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/result.h"
#include "services/wfm/day_schedule.h"
#include "store/store.h"

namespace tamas::wfm {

// The schedule published for the local `day`; nullopt when none is. Store
// errors and a stored document that does not parse are errors; parse errors
// are placed at "<label_prefix><YYYY-MM-DD>:<line>:<col>".
Result<std::optional<DaySchedule>> published_schedule(store::Store& db, store::TenantId tenant,
                                                      CivilDate day,
                                                      const std::string& label_prefix);

}  // namespace tamas::wfm
