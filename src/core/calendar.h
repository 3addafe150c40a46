// The business calendar: civil dates in the organisation's time zone,
// Jalali <-> Gregorian conversion, holidays, and opening hours.
//
// Contract: all Instants are UTC; "local" means the calendar's time zone.
// A BusinessCalendar is immutable after create() and safe to share between
// threads. Every function is pure. Copies are cheap and share one state.
//
// Time zones: offsets come from ICU 72's zone data, precomputed at create()
// for 1900..2200 (core/zone_table.h), so Asia/Tehran's DST (until 2022) is
// honoured. Opening hours are wall-clock hours: an instant is open iff its
// local time falls in a range of its local date, so on a spring-forward day
// the skipped hour is never open and on a fall-back day a repeated hour in a
// range is open twice (business_time_between counts both).
// Holidays are expanded per Gregorian year on first use, thread-safely
// (core/holiday_table.h). Costs: is_open ~0.1 us; business_time_between
// grows with the number of local days spanned (~0.5 us per week).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace tamas {

// A proleptic Gregorian civil date.
struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// A Solar Hijri (Jalali, Persian) date: month 1 = Farvardin .. 12 = Esfand.
struct JalaliDate {
  int year = 1349;
  unsigned month = 1;
  unsigned day = 1;
  friend auto operator<=>(const JalaliDate&, const JalaliDate&) = default;
};

enum class CalendarKind { persian, gregorian };

// A holiday, single day or inclusive range, in either calendar. Without
// `year` it recurs every year (Nowruz: persian, 1/1..1/4). A range whose end
// precedes its start in the year wraps into the next year (29 Esfand..2
// Farvardin).
struct HolidayRule {
  std::string name;
  CalendarKind calendar = CalendarKind::persian;
  std::optional<int> year;  // in `calendar`'s numbering
  unsigned from_month = 1, from_day = 1;
  unsigned to_month = 1, to_day = 1;
};

// [start, end) in minutes after local midnight; 0 <= start < end <= 1440.
struct DayRange {
  int start_minute = 0;
  int end_minute = 0;
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

// Index with std::chrono::weekday::c_encoding(): 0 = Sunday .. 6 = Saturday.
// (The Iranian week starts on Saturday; that is a display concern.)
using WeeklyHours = std::array<std::vector<DayRange>, 7>;

// A dated exception: the listed ranges replace the weekly hours that day;
// no ranges means closed all day.
struct ScheduleException {
  CivilDate date;  // local Gregorian date
  std::vector<DayRange> ranges;
};

struct Schedule {
  std::string id;
  bool always_open = false;  // 24x7: ignores week, exceptions and holidays
  WeeklyHours week;
  std::vector<ScheduleException> exceptions;
  bool closed_on_holidays = true;
};

class BusinessCalendar {
 public:
  // time_zone: an IANA id such as "Asia/Tehran"; unknown ids are an error.
  static Result<BusinessCalendar> create(const std::string& time_zone,
                                         std::vector<HolidayRule> holidays);

  const std::string& time_zone() const;

  CivilDate local_date(Instant t) const;
  int local_minute_of_day(Instant t) const;  // 0..1439
  // The UTC instant of a local wall-clock time (first one if ambiguous; a
  // time skipped by a DST gap is shifted forward by the gap, so a skipped
  // midnight maps to the transition). minute_of_day may be 1440 (= next day).
  Instant to_instant(CivilDate local, int minute_of_day) const;

  // Whether a holiday rule covers the local date. The first matching rule
  // (in the order given to create()) names it.
  bool is_holiday(CivilDate local) const;
  // The holiday's name, if `local` is one.
  std::optional<std::string> holiday_name(CivilDate local) const;

  // Ranges of a date: its ScheduleException if any (even on a holiday), else
  // none on a holiday when closed_on_holidays, else the weekday's ranges.
  // Ranges are clamped to [0, 1440]; overlapping ranges are merged.
  bool is_open(const Schedule& s, Instant t) const;
  // The first instant >= t at which `s` is open; nullopt if it never opens
  // within the next 400 days.
  std::optional<Instant> next_opening(const Schedule& s, Instant t) const;
  // The first instant >= t at which `s` is closed; nullopt if always open.
  std::optional<Instant> next_closing(const Schedule& s, Instant t) const;
  // Open time of `s` within [a, b) — the clock of business-hour SLAs.
  Duration business_time_between(const Schedule& s, Instant a, Instant b) const;
  // The instant at which `d` of open time has elapsed after `start`
  // (an SLA due time); nullopt if unreachable within 400 days. d <= 0 gives
  // `start`; a due time that falls exactly on a closing is that closing.
  std::optional<Instant> add_business_time(const Schedule& s, Instant start, Duration d) const;

 private:
  struct Impl;
  explicit BusinessCalendar(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// Jalali <-> Gregorian (exact for the range 1300..1500 Jalali at least).
JalaliDate to_jalali(CivilDate d);
CivilDate from_jalali(JalaliDate d);
bool is_valid(JalaliDate d);
bool is_valid(CivilDate d);

}  // namespace tamas
