// Interval history (wfm::History) from the interactions the store recorded,
// so a forecast can start from what really came in instead of a CSV file.
//
// Each interaction counts in the local interval (the calendar's time zone)
// in which it arrived: every arrival is volume, abandoned ones included. AHT
// is the mean of answered→ended over the interval's contacts that were
// answered and have ended (0 where there are none). Interactions of another
// tenant, outside the local days [from, to] or not matching the filter are
// ignored. Pure; the caller reads the rows (list_arrived over the range).
#pragma once

#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"
#include "services/wfm/history.h"
#include "store/records.h"

namespace tamas::wfm {

// Empty fields match everything.
struct HistoryFilter {
  std::string queue, type, channel;
};

inline constexpr long kMaxHistoryDays = 366;

// Errors (invalid_argument): to before from, more than kMaxHistoryDays days,
// an interval that is not 5..1440 minutes dividing a day.
Result<History> history_from_interactions(const std::vector<store::Interaction>& rows,
                                          store::TenantId tenant, const BusinessCalendar& calendar,
                                          CivilDate from, CivilDate to, int interval_minutes,
                                          const HistoryFilter& filter = {});

// The local dates in [from, to] the calendar marks as holidays, in order.
std::vector<CivilDate> holidays_between(const BusinessCalendar& calendar, CivilDate from,
                                        CivilDate to);

}  // namespace tamas::wfm
