// Interval history: contacts offered and average handle time per fixed
// interval (15 or 30 minutes) of local wall-clock time, as whole days.
//
// Local time has no zone here: dates and minutes are what the planner sees
// on the wall in the center's zone (daylight-saving gaps do not matter in
// Iran, which abolished DST in 2022). A History is a plain value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"

namespace tamas::wfm {

struct History {
  CivilDate first_day;         // local Gregorian date of values[0]
  int interval_minutes = 30;   // divides 1440
  std::vector<double> volume;  // size = days × intervals_per_day()
  std::vector<double> aht_s;   // same size; 0 where volume is 0

  int intervals_per_day() const { return 1440 / interval_minutes; }
  int days() const { return static_cast<int>(volume.size()) / intervals_per_day(); }
};

// Days since 1970-01-01 and back; weekday with 0 = Sunday .. 6 = Saturday.
long day_number(CivilDate d);
CivilDate from_day_number(long n);
int weekday(CivilDate d);

// "2026-03-01 08:00" (Gregorian, also with 'T') or "1404/12/10 08:00"
// (Jalali, detected by the '/' separators). Sets date (Gregorian) and minute.
Result<std::pair<CivilDate, int>> parse_local_datetime(std::string_view text);
// A date alone, in either calendar ("2026-03-20" or "1405/01/01").
Result<CivilDate> parse_local_date(std::string_view text);
std::string format_local(CivilDate d, int minute);  // "2026-03-01 08:00"
std::string format_local_date(CivilDate d);         // "2026-03-01"

// Parses CSV lines "datetime,volume,aht_s" (an optional header line that
// starts with "datetime" is skipped; blank lines and '#' comments too).
// Every timestamp must fall on an interval boundary and appear once.
// Intervals absent from the file are zero volume. The series spans whole
// days from the first to the last date seen. Errors read
// "<file_name>:<line>: <message>".
Result<History> parse_history_csv(std::string_view text, std::string_view file_name,
                                  int interval_minutes);

}  // namespace tamas::wfm
