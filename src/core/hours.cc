// Opening hours: is_open, next_opening/closing, business-time arithmetic.
//
// Semantics: an instant t is open iff its local wall-clock time falls in one
// of the ranges that apply to its local date. The ranges of a date are, in
// order of precedence: a ScheduleException for that date; none if the date
// is a holiday and the schedule closes on holidays; the weekly ranges of its
// weekday. Ranges are clamped to [0, 1440], empty ones dropped, overlapping
// ones merged. On a DST day this means a skipped wall-clock hour is simply
// not open and a repeated hour is open twice if its wall time is in a range.
//
// All span computations walk the open intervals in UTC order: per piece of
// constant UTC offset, per local day, per range (scan_open below). Cost is
// proportional to the number of local days covered, with no allocation per
// day and no ICU call once a year's holidays are expanded.
#include <algorithm>
#include <functional>

#include "core/calendar_impl.h"

namespace tamas {

using detail::kDayMs;
using detail::kMinuteMs;

namespace {

constexpr std::int64_t kHorizonMs = 400 * kDayMs;

// The raw ranges that apply to local day `day` (days since epoch), or
// nullptr when the day is a holiday the schedule closes on.
const std::vector<DayRange>* day_source(const Schedule& s, const detail::HolidayTable& holidays,
                                        std::int64_t day) {
  const CivilDate date = detail::civil_from_day_number(day);
  for (const auto& e : s.exceptions) {
    if (e.date == date) return &e.ranges;
  }
  if (s.closed_on_holidays && holidays.rule_on(date) != nullptr) return nullptr;
  return &s.week[detail::weekday_of_day_number(day)];
}

DayRange clamped(DayRange r) {
  r.start_minute = std::clamp(r.start_minute, 0, 1440);
  r.end_minute = std::clamp(r.end_minute, 0, 1440);
  return r;
}

// Merged, sorted, non-empty ranges that apply to local day `day`.
void day_ranges(const Schedule& s, const detail::HolidayTable& holidays, std::int64_t day,
                std::vector<DayRange>& out) {
  out.clear();
  const std::vector<DayRange>* source = day_source(s, holidays, day);
  if (!source) return;
  for (const DayRange& raw : *source) {
    const DayRange r = clamped(raw);
    if (r.start_minute < r.end_minute) out.push_back(r);
  }
  std::sort(out.begin(), out.end(),
            [](const DayRange& a, const DayRange& b) { return a.start_minute < b.start_minute; });
  std::size_t n = 0;
  for (const DayRange& r : out) {
    if (n > 0 && r.start_minute <= out[n - 1].end_minute) {
      out[n - 1].end_minute = std::max(out[n - 1].end_minute, r.end_minute);
    } else {
      out[n++] = r;
    }
  }
  out.resize(n);
}

// Calls on_open(start, end) for each maximal open interval of `s` within
// [from, limit), in increasing order, until it returns false. Adjacent
// intervals (across midnight or a zone transition) are joined first.
void scan_open(const detail::ZoneTable& zone, const detail::HolidayTable& holidays,
               const Schedule& s, std::int64_t from, std::int64_t limit,
               const std::function<bool(std::int64_t, std::int64_t)>& on_open) {
  if (s.always_open) {
    if (from < limit) on_open(from, limit);
    return;
  }
  std::vector<DayRange> ranges;
  std::int64_t pending_start = 0, pending_end = 0;
  bool pending = false, stopped = false;
  auto emit = [&](std::int64_t a, std::int64_t b) {
    if (pending && a == pending_end) {
      pending_end = b;
      return;
    }
    if (pending && !on_open(pending_start, pending_end)) stopped = true;
    pending = true;
    pending_start = a;
    pending_end = b;
  };
  for (std::int64_t t = from; t < limit && !stopped;) {
    const std::size_t k = zone.piece(t);
    const std::int64_t offset = zone.piece_offset(k);
    const std::int64_t end = std::min(limit, zone.piece_end(k));
    const std::int64_t local_from = t + offset, local_to = end + offset;
    for (std::int64_t day = detail::floor_div(local_from, kDayMs);
         day * kDayMs < local_to && !stopped; ++day) {
      day_ranges(s, holidays, day, ranges);
      for (const DayRange& r : ranges) {
        const std::int64_t a = std::max(local_from, day * kDayMs + r.start_minute * kMinuteMs);
        const std::int64_t b = std::min(local_to, day * kDayMs + r.end_minute * kMinuteMs);
        if (a < b) emit(a - offset, b - offset);
        if (stopped) break;
      }
    }
    t = end;
  }
  if (pending && !stopped) on_open(pending_start, pending_end);
}

}  // namespace

bool BusinessCalendar::is_open(const Schedule& s, Instant t) const {
  if (s.always_open) return true;
  const std::int64_t local = impl_->zone.to_local(to_millis(t));
  const std::int64_t day = detail::floor_div(local, kDayMs);
  const std::int64_t in_day = local - day * kDayMs;
  const std::vector<DayRange>* source = day_source(s, impl_->holidays, day);
  if (!source) return false;
  for (const DayRange& raw : *source) {
    const DayRange r = clamped(raw);
    if (in_day >= r.start_minute * kMinuteMs && in_day < r.end_minute * kMinuteMs) return true;
  }
  return false;
}

std::optional<Instant> BusinessCalendar::next_opening(const Schedule& s, Instant t) const {
  std::optional<Instant> found;
  const std::int64_t from = to_millis(t);
  scan_open(impl_->zone, impl_->holidays, s, from, from + kHorizonMs,
            [&](std::int64_t a, std::int64_t) {
              found = from_millis(a);
              return false;
            });
  return found;
}

std::optional<Instant> BusinessCalendar::next_closing(const Schedule& s, Instant t) const {
  if (s.always_open) return std::nullopt;
  const std::int64_t from = to_millis(t), limit = from + kHorizonMs;
  std::optional<Instant> found = t;  // closed now unless an interval starts at t
  bool never = false;
  scan_open(impl_->zone, impl_->holidays, s, from, limit, [&](std::int64_t a, std::int64_t b) {
    if (a == from) {
      never = b >= limit;
      found = from_millis(b);
    }
    return false;
  });
  if (never) return std::nullopt;
  return found;
}

Duration BusinessCalendar::business_time_between(const Schedule& s, Instant a, Instant b) const {
  std::int64_t total = 0;
  scan_open(impl_->zone, impl_->holidays, s, to_millis(a), to_millis(b),
            [&](std::int64_t x, std::int64_t y) {
              total += y - x;
              return true;
            });
  return Duration{total};
}

std::optional<Instant> BusinessCalendar::add_business_time(const Schedule& s, Instant start,
                                                           Duration d) const {
  if (d <= Duration::zero()) return start;
  std::int64_t remaining = d.count();
  std::optional<Instant> due;
  const std::int64_t from = to_millis(start);
  const std::int64_t limit = from + std::max(kHorizonMs, remaining);
  scan_open(impl_->zone, impl_->holidays, s, from, limit, [&](std::int64_t x, std::int64_t y) {
    if (y - x >= remaining) {
      due = from_millis(x + remaining);
      return false;
    }
    remaining -= y - x;
    return true;
  });
  return due;
}

}  // namespace tamas
