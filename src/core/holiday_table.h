// HolidayTable: HolidayRules expanded into local civil dates, lazily, one
// Gregorian year at a time.
//
// Each year in [1900, 2200) is expanded on first use under a std::call_once
// and kept; later lookups are an index into a small array. Dates outside that
// window are matched against the rules directly (correct, just slower).
//
// Contract: immutable after create() except for the memo, which is filled
// thread-safely; every const method may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"

namespace tamas::detail {

// Does `rule` cover the date (y, m, d), given in the rule's own calendar?
// Recurring rules match every year; a fixed-year rule matches the range that
// starts in that year (for wrapping ranges, the tail lies in year + 1).
bool holiday_rule_matches(const HolidayRule& rule, int y, unsigned m, unsigned d);

class HolidayTable {
 public:
  // Rejects rules whose months or days cannot exist in their calendar.
  static Result<HolidayTable> create(std::vector<HolidayRule> rules);

  // The first rule (in the given order) covering `date`, or nullptr.
  const HolidayRule* rule_on(CivilDate date) const;

 private:
  struct Year {
    std::once_flag once;
    std::vector<std::int16_t> rule_plus_one;  // per day of year; 0 = none
  };
  void expand(int year, Year& slot) const;
  const HolidayRule* match_direct(CivilDate date) const;

  std::vector<HolidayRule> rules_;
  std::unique_ptr<Year[]> years_;
};

}  // namespace tamas::detail
