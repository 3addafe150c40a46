// Dates as users see them.
#include "core/format.h"

#include <gtest/gtest.h>

namespace tamas {
namespace {

TEST(FormatJalaliDate, PadsMonthAndDay) {
  EXPECT_EQ(format_jalali_date({1404, 1, 1}, false), "1404/01/01");
  EXPECT_EQ(format_jalali_date({1403, 12, 30}, false), "1403/12/30");
}

TEST(FormatJalaliDate, PersianDigits) {
  EXPECT_EQ(format_jalali_date({1404, 1, 1}, true), "۱۴۰۴/۰۱/۰۱");
}

TEST(FormatJalaliDate, MonthNames) {
  EXPECT_EQ(jalali_month_name(1), "فروردین");
  EXPECT_EQ(jalali_month_name(7), "مهر");
  EXPECT_EQ(jalali_month_name(12), "اسفند");
  EXPECT_EQ(format_jalali_date_long({1404, 1, 13}, false), "13 فروردین 1404");
  EXPECT_EQ(format_jalali_date_long({1404, 8, 1}, true), "۱ آبان ۱۴۰۴");
}

TEST(FormatLocalDatetime, ShowsTehranWallClockInEitherCalendar) {
  auto cal = BusinessCalendar::create("Asia/Tehran", {});
  ASSERT_TRUE(cal.ok());
  const Instant t = from_millis(1742535000000);  // 2025-03-21T05:30:00Z
  EXPECT_EQ(format_local_datetime(*cal, t, CalendarKind::persian, false), "1404/01/01 09:00");
  EXPECT_EQ(format_local_datetime(*cal, t, CalendarKind::persian, true), "۱۴۰۴/۰۱/۰۱ ۰۹:۰۰");
  EXPECT_EQ(format_local_datetime(*cal, t, CalendarKind::gregorian, false), "2025/03/21 09:00");
}

TEST(FormatLocalDatetime, LateUtcEveningIsAlreadyTomorrowInTehran) {
  auto cal = BusinessCalendar::create("Asia/Tehran", {});
  ASSERT_TRUE(cal.ok());
  const Instant t = from_millis(1742502600000);  // 2025-03-20T20:30:00Z
  EXPECT_EQ(format_local_datetime(*cal, t, CalendarKind::persian, false), "1404/01/01 00:00");
}

}  // namespace
}  // namespace tamas
