// Jalali <-> Gregorian through ICU's Persian calendar.
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

#include <memory>

#include "core/calendar.h"

namespace tamas {
namespace {

// ICU calendars are not thread-safe; one pair per thread.
struct Calendars {
  std::unique_ptr<icu::Calendar> persian;
  std::unique_ptr<icu::Calendar> gregorian;
  Calendars() {
    UErrorCode status = U_ZERO_ERROR;
    persian.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(),
                                                icu::Locale("fa_IR@calendar=persian"), status));
    status = U_ZERO_ERROR;
    auto* g = new icu::GregorianCalendar(*icu::TimeZone::getGMT(), status);
    g->setGregorianChange(-8.64e15, status);  // proleptic Gregorian
    gregorian.reset(g);
  }
};

Calendars& calendars() {
  thread_local Calendars c;
  return c;
}

}  // namespace

JalaliDate to_jalali(CivilDate d) {
  auto& c = calendars();
  UErrorCode status = U_ZERO_ERROR;
  c.gregorian->clear();
  c.gregorian->set(d.year, int(d.month) - 1, int(d.day));
  const UDate when = c.gregorian->getTime(status);
  c.persian->setTime(when, status);
  return JalaliDate{c.persian->get(UCAL_EXTENDED_YEAR, status),
                    unsigned(c.persian->get(UCAL_MONTH, status) + 1),
                    unsigned(c.persian->get(UCAL_DATE, status))};
}

CivilDate from_jalali(JalaliDate d) {
  auto& c = calendars();
  UErrorCode status = U_ZERO_ERROR;
  c.persian->clear();
  c.persian->set(UCAL_EXTENDED_YEAR, d.year);
  c.persian->set(UCAL_MONTH, int(d.month) - 1);
  c.persian->set(UCAL_DATE, int(d.day));
  const UDate when = c.persian->getTime(status);
  c.gregorian->setTime(when, status);
  return CivilDate{c.gregorian->get(UCAL_EXTENDED_YEAR, status),
                   unsigned(c.gregorian->get(UCAL_MONTH, status) + 1),
                   unsigned(c.gregorian->get(UCAL_DATE, status))};
}

bool is_valid(CivilDate d) {
  using namespace std::chrono;
  return year_month_day{year{d.year}, month{d.month}, day{d.day}}.ok();
}

bool is_valid(JalaliDate d) {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.month <= 6) return d.day <= 31;
  if (d.month <= 11) return d.day <= 30;
  // Esfand has 30 days in a leap year: valid iff 30 Esfand round-trips.
  if (d.day < 30) return true;
  if (d.day > 30) return false;
  return to_jalali(from_jalali(d)) == d;
}

}  // namespace tamas
