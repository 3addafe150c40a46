// SLA clocks of a case (R24): first response and resolution, counted in
// business time of one schedule of the strategy calendar (holidays such as
// Nowruz and closed Thursday afternoons do not count), paused while the case
// awaits the customer.
//
// The clocks live on the Case record (store/case_records.h) as absolute
// instants; these pure functions move them. No clock reads: `now` is passed.
// Guarantees: next_sla_at is the earliest pending warning or breach instant,
// and is empty while paused or when nothing is pending.
#pragma once

#include <vector>

#include "core/calendar.h"
#include "services/cases/config.h"
#include "store/case_records.h"

namespace tamas::services::cases {

struct SlaCalendar {
  const BusinessCalendar& calendar;
  const Schedule& hours;
};

// Sets warn/due instants from `target` (null: no clocks) starting at `start`.
void start_clocks(store::Case& c, const SlaTarget* target, double warn_fraction,
                  const SlaCalendar& cal, Instant start);
// Stops the clocks' progress while awaiting the customer.
void pause_clocks(store::Case& c, Instant now);
// Shifts every pending instant by the business time spent paused.
void resume_clocks(store::Case& c, const SlaCalendar& cal, Instant now);
// Recomputes c.next_sla_at from the clocks, the case state and the pause.
void refresh_next(store::Case& c);

enum class SlaSignal {
  first_response_warning,
  first_response_breach,
  resolution_warning,
  resolution_breach
};
const char* to_string(SlaSignal s);

// Marks every warning/breach whose instant is <= now as raised and returns
// them in order; refreshes next_sla_at.
std::vector<SlaSignal> take_due_signals(store::Case& c, Instant now);

}  // namespace tamas::services::cases
