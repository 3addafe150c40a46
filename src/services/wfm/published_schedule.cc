#include "services/wfm/published_schedule.h"

#include "services/wfm/history.h"

namespace tamas::wfm {

Result<std::optional<DaySchedule>> published_schedule(store::Store& db, store::TenantId tenant,
                                                      CivilDate day,
                                                      const std::string& label_prefix) {
  const std::string name = format_local_date(day);
  auto stored = db.workforce().schedule(tenant, name);
  if (!stored) {
    if (stored.error().code == ErrorCode::not_found) return std::optional<DaySchedule>{};
    return stored.error();
  }
  auto parsed = parse_day_schedule(stored->schedule_json, label_prefix + name);
  if (!parsed) return parsed.error();
  return std::optional<DaySchedule>{std::move(parsed).value()};
}

}  // namespace tamas::wfm
