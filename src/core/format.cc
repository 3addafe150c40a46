#include "core/format.h"

#include <array>
#include <cassert>
#include <cstdio>

#include "core/text.h"

namespace tamas {
namespace {

std::string ymd(int y, unsigned m, unsigned d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d/%02u/%02u", y, m, d);
  return buf;
}

std::string digits(std::string s, bool persian) {
  return persian ? to_persian_digits(s) : s;
}

}  // namespace

std::string_view jalali_month_name(unsigned month) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
      "مهر",     "آبان",     "آذر",   "دی",  "بهمن",  "اسفند"};
  assert(month >= 1 && month <= 12);
  return kNames[month - 1];
}

std::string format_jalali_date(JalaliDate d, bool persian_digits) {
  return digits(ymd(d.year, d.month, d.day), persian_digits);
}

std::string format_jalali_date_long(JalaliDate d, bool persian_digits) {
  std::string out = std::to_string(d.day) + " ";
  out += jalali_month_name(d.month);
  out += " " + std::to_string(d.year);
  return digits(std::move(out), persian_digits);
}

std::string format_local_datetime(const BusinessCalendar& cal, Instant t, CalendarKind kind,
                                  bool persian_digits) {
  const CivilDate local = cal.local_date(t);
  const int minute = cal.local_minute_of_day(t);
  std::string out;
  if (kind == CalendarKind::persian) {
    const JalaliDate j = to_jalali(local);
    out = ymd(j.year, j.month, j.day);
  } else {
    out = ymd(local.year, local.month, local.day);
  }
  char hm[32];
  std::snprintf(hm, sizeof hm, " %02d:%02d", minute / 60, minute % 60);
  out += hm;
  return digits(std::move(out), persian_digits);
}

}  // namespace tamas
