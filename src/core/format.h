// Dates and times as users see them: Jalali first, Persian digits optional.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/time.h"

namespace tamas {

// "1404/01/01", or "۱۴۰۴/۰۱/۰۱" with persian_digits.
std::string format_jalali_date(JalaliDate d, bool persian_digits);

// Persian month name: 1 -> "فروردین" .. 12 -> "اسفند". REQUIRES: 1 <= month <= 12.
std::string_view jalali_month_name(unsigned month);

// "1 فروردین 1404", or "۱ فروردین ۱۴۰۴" with persian_digits.
std::string format_jalali_date_long(JalaliDate d, bool persian_digits);

// `t` in the calendar's time zone as "YYYY/MM/DD HH:MM" (24-hour clock),
// the date in the Jalali (persian) or Gregorian calendar:
// "1404/01/01 08:30" or "2025/03/21 08:30".
std::string format_local_datetime(const BusinessCalendar& cal, Instant t, CalendarKind kind,
                                  bool persian_digits);

}  // namespace tamas
