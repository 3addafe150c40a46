// How many agents a published day schedule puts to work in an interval, for
// comparing required with scheduled staff (POST /api/v1/wfm/plan).
//
// An agent counts in [start, end) when their work (shift minus breaks) covers
// at least half of it, so a break that covers the interval takes them out
// while a 15-minute break in a 30-minute interval does not. The previous
// day's schedule contributes its night shifts' hours after midnight; an agent
// in both schedules is counted once (their work is summed). Pure.
#pragma once

#include "core/time.h"
#include "services/wfm/day_schedule.h"

namespace tamas::wfm {

int agents_working(const DaySchedule& day, Instant day_start, const DaySchedule& previous_day,
                   Instant previous_day_start, Instant start, Instant end);

}  // namespace tamas::wfm
