// Internals of BusinessCalendar shared by calendar.cc and hours.cc.
// Not part of the public interface: include only from src/core/*.cc.
#pragma once

#include <cstdint>

#include "core/calendar.h"
#include "core/holiday_table.h"
#include "core/zone_table.h"

namespace tamas {

struct BusinessCalendar::Impl {
  detail::ZoneTable zone;
  detail::HolidayTable holidays;
};

namespace detail {

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kDayMs = 86'400'000;

// Floor division (rounds towards negative infinity).
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Days since 1970-01-01 <-> civil date.
std::int64_t day_number(CivilDate d);
CivilDate civil_from_day_number(std::int64_t day);
// 0 = Sunday .. 6 = Saturday.
unsigned weekday_of_day_number(std::int64_t day);

}  // namespace detail
}  // namespace tamas
