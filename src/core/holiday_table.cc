// Expansion of HolidayRules into civil dates.
#include "core/holiday_table.h"

#include <chrono>

namespace tamas::detail {
namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;
constexpr int kMaxRules = 30000;  // rule indices are stored as int16

unsigned jalali_month_length(unsigned month, bool leap) {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return leap ? 30 : 29;
}

bool jalali_leap(int year) {
  return is_valid(JalaliDate{year, 12, 30});
}

// The longest a month can be in the given calendar (leap years included).
unsigned max_day(CalendarKind kind, unsigned month) {
  if (kind == CalendarKind::persian) return jalali_month_length(month, true);
  static constexpr unsigned kGregorian[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kGregorian[month - 1];
}

bool valid_month_day(CalendarKind kind, unsigned m, unsigned d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= max_day(kind, m);
}

}  // namespace

bool holiday_rule_matches(const HolidayRule& r, int y, unsigned m, unsigned d) {
  const unsigned md = m * 100 + d;
  const unsigned from = r.from_month * 100 + r.from_day;
  const unsigned to = r.to_month * 100 + r.to_day;
  int anchor = y;  // the year in which the matching range starts
  if (from <= to) {
    if (md < from || md > to) return false;
  } else if (md >= from) {
    anchor = y;
  } else if (md <= to) {
    anchor = y - 1;
  } else {
    return false;
  }
  return !r.year || *r.year == anchor;
}

Result<HolidayTable> HolidayTable::create(std::vector<HolidayRule> rules) {
  if (rules.size() > std::size_t(kMaxRules)) return Error::invalid("holidays: too many rules");
  for (const auto& r : rules) {
    if (!valid_month_day(r.calendar, r.from_month, r.from_day) ||
        !valid_month_day(r.calendar, r.to_month, r.to_day)) {
      return Error::invalid("holiday '" + r.name + "': month or day out of range");
    }
  }
  HolidayTable table;
  table.rules_ = std::move(rules);
  table.years_ = std::make_unique<Year[]>(kLastYear - kFirstYear + 1);
  return table;
}

const HolidayRule* HolidayTable::rule_on(CivilDate date) const {
  if (rules_.empty() || !is_valid(date)) return nullptr;
  if (date.year < kFirstYear || date.year > kLastYear) return match_direct(date);
  Year& slot = years_[date.year - kFirstYear];
  std::call_once(slot.once, [&] { expand(date.year, slot); });
  using namespace std::chrono;
  const sys_days day{year{date.year} / month{date.month} / std::chrono::day{date.day}};
  const auto index = (day - sys_days{year{date.year} / January / 1}).count();
  const int r = slot.rule_plus_one[std::size_t(index)];
  return r == 0 ? nullptr : &rules_[std::size_t(r - 1)];
}

const HolidayRule* HolidayTable::match_direct(CivilDate date) const {
  const JalaliDate j = to_jalali(date);
  for (const auto& r : rules_) {
    const bool hit = r.calendar == CalendarKind::persian
                         ? holiday_rule_matches(r, j.year, j.month, j.day)
                         : holiday_rule_matches(r, date.year, date.month, date.day);
    if (hit) return &r;
  }
  return nullptr;
}

// Walks the Gregorian year day by day, stepping the Jalali date alongside
// (one ICU conversion per year instead of one per day).
void HolidayTable::expand(int y, Year& slot) const {
  using namespace std::chrono;
  const sys_days first{year{y} / January / 1};
  const auto length = (sys_days{year{y + 1} / January / 1} - first).count();
  slot.rule_plus_one.assign(std::size_t(length), 0);
  JalaliDate j = to_jalali(CivilDate{y, 1, 1});
  bool leap = jalali_leap(j.year);
  for (int i = 0; i < length; ++i) {
    const year_month_day g{first + days{i}};
    for (std::size_t k = 0; k < rules_.size(); ++k) {
      const auto& r = rules_[k];
      const bool hit =
          r.calendar == CalendarKind::persian
              ? holiday_rule_matches(r, j.year, j.month, j.day)
              : holiday_rule_matches(r, int(g.year()), unsigned(g.month()), unsigned(g.day()));
      if (hit) {
        slot.rule_plus_one[std::size_t(i)] = std::int16_t(k + 1);
        break;
      }
    }
    if (++j.day > jalali_month_length(j.month, leap)) {
      j.day = 1;
      if (++j.month > 12) {
        j.month = 1;
        leap = jalali_leap(++j.year);
      }
    }
  }
}

}  // namespace tamas::detail
