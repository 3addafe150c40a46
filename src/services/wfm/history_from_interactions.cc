#include "services/wfm/history_from_interactions.h"

#include <chrono>

namespace tamas::wfm {
namespace {

bool matches(const store::Interaction& i, const HistoryFilter& f) {
  return (f.queue.empty() || i.queue == f.queue) && (f.type.empty() || i.type == f.type) &&
         (f.channel.empty() || i.channel == f.channel);
}

}  // namespace

Result<History> history_from_interactions(const std::vector<store::Interaction>& rows,
                                          store::TenantId tenant, const BusinessCalendar& calendar,
                                          CivilDate from, CivilDate to, int interval_minutes,
                                          const HistoryFilter& filter) {
  if (interval_minutes < 5 || interval_minutes > 1440 || 1440 % interval_minutes != 0)
    return Error::invalid("the interval must divide a day (e.g. 15m, 30m, 60m)");
  const long first = day_number(from);
  const long days = day_number(to) - first + 1;
  if (days < 1) return Error::invalid("'to' is before 'from'");
  if (days > kMaxHistoryDays) return Error::invalid("at most 366 days at a time");
  History h;
  h.first_day = from;
  h.interval_minutes = interval_minutes;
  const std::size_t n = static_cast<std::size_t>(days * h.intervals_per_day());
  h.volume.assign(n, 0);
  h.aht_s.assign(n, 0);
  std::vector<double> handled(n, 0);  // contacts in the AHT mean
  for (const auto& i : rows) {
    if (i.tenant != tenant || !matches(i, filter)) continue;
    const long day = day_number(calendar.local_date(i.arrived_at)) - first;
    if (day < 0 || day >= days) continue;
    const std::size_t slot =
        static_cast<std::size_t>(day * h.intervals_per_day() +
                                 calendar.local_minute_of_day(i.arrived_at) / interval_minutes);
    h.volume[slot] += 1;
    if (i.answered_at && i.ended_at && *i.ended_at >= *i.answered_at) {
      const double s = std::chrono::duration<double>(*i.ended_at - *i.answered_at).count();
      h.aht_s[slot] += s;
      handled[slot] += 1;
    }
  }
  for (std::size_t k = 0; k < n; ++k)
    if (handled[k] > 0) h.aht_s[k] /= handled[k];
  return h;
}

std::vector<CivilDate> holidays_between(const BusinessCalendar& calendar, CivilDate from,
                                        CivilDate to) {
  std::vector<CivilDate> out;
  for (long d = day_number(from); d <= day_number(to); ++d)
    if (calendar.is_holiday(from_day_number(d))) out.push_back(from_day_number(d));
  return out;
}

}  // namespace tamas::wfm
