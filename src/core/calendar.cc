// BusinessCalendar: construction, local dates and times, holidays.
// Opening hours are in hours.cc; Jalali conversion in jalali.cc.
#include <chrono>

#include "core/calendar_impl.h"

namespace tamas {

namespace detail {

std::int64_t day_number(CivilDate d) {
  using namespace std::chrono;
  return sys_days{year{d.year} / month{d.month} / day{d.day}}.time_since_epoch().count();
}

CivilDate civil_from_day_number(std::int64_t day) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day}}};
  return CivilDate{int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

unsigned weekday_of_day_number(std::int64_t day) {
  using namespace std::chrono;
  return weekday{sys_days{days{day}}}.c_encoding();
}

}  // namespace detail

using detail::kDayMs;
using detail::kMinuteMs;

BusinessCalendar::BusinessCalendar(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<BusinessCalendar> BusinessCalendar::create(const std::string& time_zone,
                                                  std::vector<HolidayRule> holidays) {
  auto zone = detail::ZoneTable::create(time_zone);
  if (!zone) return zone.error();
  auto table = detail::HolidayTable::create(std::move(holidays));
  if (!table) return table.error();
  auto impl = std::make_shared<Impl>(Impl{std::move(zone).value(), std::move(table).value()});
  return BusinessCalendar(std::move(impl));
}

const std::string& BusinessCalendar::time_zone() const {
  return impl_->zone.id();
}

CivilDate BusinessCalendar::local_date(Instant t) const {
  const std::int64_t local = impl_->zone.to_local(to_millis(t));
  return detail::civil_from_day_number(detail::floor_div(local, kDayMs));
}

int BusinessCalendar::local_minute_of_day(Instant t) const {
  const std::int64_t local = impl_->zone.to_local(to_millis(t));
  const std::int64_t in_day = local - detail::floor_div(local, kDayMs) * kDayMs;
  return int(in_day / kMinuteMs);
}

Instant BusinessCalendar::to_instant(CivilDate local, int minute_of_day) const {
  const std::int64_t wall = detail::day_number(local) * kDayMs + minute_of_day * kMinuteMs;
  return from_millis(impl_->zone.to_utc(wall));
}

bool BusinessCalendar::is_holiday(CivilDate local) const {
  return impl_->holidays.rule_on(local) != nullptr;
}

std::optional<std::string> BusinessCalendar::holiday_name(CivilDate local) const {
  const HolidayRule* rule = impl_->holidays.rule_on(local);
  if (!rule) return std::nullopt;
  return rule->name;
}

}  // namespace tamas
