// Time zones, local dates and holidays of the business calendar.
#include <thread>

#include "calendar_fixture.h"

namespace tamas::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(TehranCalendar, TehranIsThreeAndAHalfHoursAheadOfUtc) {
  EXPECT_EQ(tehran(2025, 3, 21, 8, 30), utc(2025, 3, 21, 5, 0));
  EXPECT_EQ(cal().local_date(utc(2025, 3, 21, 5, 0)), (CivilDate{2025, 3, 21}));
  EXPECT_EQ(cal().local_minute_of_day(utc(2025, 3, 21, 5, 0)), hm(8, 30));
  EXPECT_EQ(cal().time_zone(), "Asia/Tehran");
}

TEST_F(TehranCalendar, UtcMidnightIsHalfPastThreeInTehran) {
  EXPECT_EQ(cal().local_date(utc(2025, 6, 1, 0, 0)), (CivilDate{2025, 6, 1}));
  EXPECT_EQ(cal().local_minute_of_day(utc(2025, 6, 1, 0, 0)), hm(3, 30));
  // Tehran's midnight comes at 20:30 UTC of the day before.
  EXPECT_EQ(cal().local_date(utc(2025, 5, 31, 20, 29)), (CivilDate{2025, 5, 31}));
  EXPECT_EQ(cal().local_minute_of_day(utc(2025, 5, 31, 20, 29)), hm(23, 59));
  EXPECT_EQ(cal().local_date(utc(2025, 5, 31, 20, 30)), (CivilDate{2025, 6, 1}));
  EXPECT_EQ(cal().local_minute_of_day(utc(2025, 5, 31, 20, 30)), 0);
}

// Iran observed DST until 2022: in 2021 clocks went from 00:00 to 01:00 on
// 1 Farvardin 1400 (22 March) and from 24:00 back to 23:00 on 30 Shahrivar
// (21 September).
TEST_F(TehranCalendar, SummerTimeOf2021AddsAnHour) {
  EXPECT_EQ(tehran(2021, 3, 21, 12, 0), utc(2021, 3, 21, 8, 30));
  EXPECT_EQ(tehran(2021, 3, 22, 12, 0), utc(2021, 3, 22, 7, 30));
  EXPECT_EQ(tehran(2021, 7, 1, 9, 0), utc(2021, 7, 1, 4, 30));
  EXPECT_EQ(cal().local_minute_of_day(utc(2021, 7, 1, 4, 30)), hm(9, 0));
}

TEST_F(TehranCalendar, SkippedMidnightOfTheSpringTransitionMapsToTheTransition) {
  // 22 March 2021 has no 00:00-00:59; its day starts at the transition.
  EXPECT_EQ(tehran(2021, 3, 22, 0, 0), utc(2021, 3, 21, 20, 30));
  // A skipped wall time is shifted forward by the gap: 00:30 reads as 01:30.
  EXPECT_EQ(tehran(2021, 3, 22, 0, 30), utc(2021, 3, 21, 21, 0));
  EXPECT_EQ(cal().local_minute_of_day(utc(2021, 3, 21, 21, 0)), hm(1, 30));
  EXPECT_EQ(cal().local_date(utc(2021, 3, 21, 20, 29)), (CivilDate{2021, 3, 21}));
  EXPECT_EQ(cal().local_minute_of_day(utc(2021, 3, 21, 20, 29)), hm(23, 59));
}

TEST_F(TehranCalendar, RepeatedHourOfTheAutumnTransitionPicksTheFirst) {
  // 23:30 on 21 September 2021 happened at 19:00 UTC (summer time) and again
  // at 20:00 UTC (standard time); to_instant gives the first.
  EXPECT_EQ(tehran(2021, 9, 21, 23, 30), utc(2021, 9, 21, 19, 0));
  EXPECT_EQ(cal().local_minute_of_day(utc(2021, 9, 21, 20, 0)), hm(23, 30));
  EXPECT_EQ(cal().local_date(utc(2021, 9, 21, 20, 0)), (CivilDate{2021, 9, 21}));
  EXPECT_EQ(tehran(2021, 9, 22, 0, 0), utc(2021, 9, 21, 20, 30));
}

TEST(BusinessCalendarZones, UnknownTimeZoneIsAnError) {
  auto bad = BusinessCalendar::create("Asia/Atlantis", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(bad.error().message.find("Asia/Atlantis"), std::string::npos);
  EXPECT_FALSE(BusinessCalendar::create("", {}).ok());
}

TEST(BusinessCalendarZones, UtcHasNoOffset) {
  auto cal = BusinessCalendar::create("UTC", {});
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(cal->to_instant({2025, 1, 1}, 0), utc(2025, 1, 1));
  EXPECT_EQ(cal->local_minute_of_day(utc(1969, 12, 31, 23, 59)), hm(23, 59));
  EXPECT_EQ(cal->local_date(utc(1969, 12, 31, 23, 59)), (CivilDate{1969, 12, 31}));
}

TEST_F(TehranCalendar, NowruzIsFourDaysOfHoliday) {
  // 1..4 Farvardin 1404 = 21..24 March 2025.
  for (unsigned d = 21; d <= 24; ++d) {
    EXPECT_TRUE(cal().is_holiday({2025, 3, d})) << d;
    EXPECT_EQ(cal().holiday_name({2025, 3, d}), "Nowruz");
  }
  EXPECT_FALSE(cal().is_holiday({2025, 3, 25}));
  EXPECT_TRUE(cal().is_holiday({2026, 3, 21}));  // 1 Farvardin 1405 recurs
}

TEST_F(TehranCalendar, TwelfthAndThirteenthOfFarvardinAreHolidays) {
  EXPECT_EQ(cal().holiday_name({2025, 4, 1}), "Islamic Republic Day");
  EXPECT_EQ(cal().holiday_name({2025, 4, 2}), "Sizdah Bedar");
  EXPECT_EQ(cal().holiday_name({2025, 4, 3}), std::nullopt);
}

TEST_F(TehranCalendar, LunarHolidayGivenWithItsYearHappensOnlyThatYear) {
  // Eid al-Fitr 1404: 10-11 Farvardin = 30-31 March 2025.
  EXPECT_EQ(cal().holiday_name({2025, 3, 30}), "Eid al-Fitr");
  EXPECT_TRUE(cal().is_holiday({2025, 3, 31}));
  EXPECT_FALSE(cal().is_holiday({2026, 3, 30}));  // 10 Farvardin 1405
}

TEST(BusinessCalendarHolidays, PersianRangeWrapsIntoTheNextYear) {
  auto cal = BusinessCalendar::create(
      "Asia/Tehran", {{"Year end", CalendarKind::persian, std::nullopt, 12, 29, 1, 2}});
  ASSERT_TRUE(cal.ok());
  // 1403 is a leap year: 29, 30 Esfand 1403 = 19, 20 March 2025.
  for (unsigned d = 19; d <= 22; ++d) EXPECT_TRUE(cal->is_holiday({2025, 3, d})) << d;
  EXPECT_FALSE(cal->is_holiday({2025, 3, 18}));
  EXPECT_FALSE(cal->is_holiday({2025, 3, 23}));
}

TEST(BusinessCalendarHolidays, FixedYearWrappingRangeCoversOnlyItsOwnTurnOfTheYear) {
  auto cal = BusinessCalendar::create("Asia/Tehran",
                                      {{"Once", CalendarKind::persian, 1403, 12, 29, 1, 2}});
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(cal->is_holiday(from_jalali({1403, 12, 29})));
  EXPECT_TRUE(cal->is_holiday(from_jalali({1404, 1, 2})));
  EXPECT_FALSE(cal->is_holiday(from_jalali({1403, 1, 2})));
  EXPECT_FALSE(cal->is_holiday(from_jalali({1404, 12, 29})));
}

TEST(BusinessCalendarHolidays, GregorianRangeWrapsIntoTheNextYear) {
  auto cal = BusinessCalendar::create(
      "Europe/Berlin", {{"Between the years", CalendarKind::gregorian, std::nullopt, 12, 30, 1, 2},
                        {"2025 only", CalendarKind::gregorian, 2025, 12, 24, 12, 24}});
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(cal->is_holiday({2025, 12, 29}));
  EXPECT_TRUE(cal->is_holiday({2025, 12, 30}));
  EXPECT_TRUE(cal->is_holiday({2025, 12, 31}));
  EXPECT_TRUE(cal->is_holiday({2026, 1, 1}));
  EXPECT_TRUE(cal->is_holiday({2026, 1, 2}));
  EXPECT_FALSE(cal->is_holiday({2026, 1, 3}));
  EXPECT_TRUE(cal->is_holiday({2025, 12, 24}));
  EXPECT_FALSE(cal->is_holiday({2026, 12, 24}));
}

TEST(BusinessCalendarHolidays, DatesOutsideTheMemoisedYearsStillMatch) {
  auto cal = BusinessCalendar::create(
      "Asia/Tehran", {{"Nowruz", CalendarKind::persian, std::nullopt, 1, 1, 1, 4}});
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(cal->is_holiday(from_jalali({1600, 1, 2})));
  EXPECT_FALSE(cal->is_holiday(from_jalali({1600, 1, 5})));
}

TEST(BusinessCalendarHolidays, ImpossibleDatesAreRejected) {
  auto bad_month = BusinessCalendar::create(
      "Asia/Tehran", {{"x", CalendarKind::persian, std::nullopt, 13, 1, 13, 1}});
  EXPECT_FALSE(bad_month.ok());
  auto bad_day = BusinessCalendar::create(
      "Asia/Tehran", {{"y", CalendarKind::persian, std::nullopt, 7, 31, 7, 31}});
  ASSERT_FALSE(bad_day.ok());
  EXPECT_NE(bad_day.error().message.find("'y'"), std::string::npos);
  auto bad_gregorian =
      BusinessCalendar::create("UTC", {{"z", CalendarKind::gregorian, std::nullopt, 2, 30, 2, 30}});
  EXPECT_FALSE(bad_gregorian.ok());
}

TEST_F(TehranCalendar, ImpossibleCivilDatesAreNotHolidays) {
  EXPECT_FALSE(cal().is_holiday({2025, 12, 40}));
  EXPECT_FALSE(cal().is_holiday({2025, 2, 29}));
  EXPECT_FALSE(cal().is_holiday({2025, 3, 0}));
}

TEST_F(TehranCalendar, CalendarCopiesShareTheirHolidays) {
  const BusinessCalendar copy = cal();
  EXPECT_TRUE(copy.is_holiday({2025, 3, 21}));
  EXPECT_EQ(copy.time_zone(), "Asia/Tehran");
}

TEST(BusinessCalendarHolidays, ThirtiethOfEsfandExistsOnlyInLeapYears) {
  auto cal = BusinessCalendar::create(
      "Asia/Tehran", {{"Last day", CalendarKind::persian, std::nullopt, 12, 30, 12, 30}});
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(cal->is_holiday(from_jalali({1403, 12, 30})));  // leap year
  EXPECT_FALSE(cal->is_holiday(from_jalali({1404, 12, 29})));
  EXPECT_FALSE(cal->is_holiday(from_jalali({1405, 1, 1})));
}

TEST(BusinessCalendarHolidays, ManyThreadsSeeTheSameHolidays) {
  auto cal = BusinessCalendar::create("Asia/Tehran", iranian_holidays());
  ASSERT_TRUE(cal.ok());
  auto count = [&] {
    int n = 0;
    for (int y = 2000; y < 2040; ++y) n += cal->is_holiday(from_jalali({y - 621, 1, 2}));
    return n;
  };
  std::vector<int> seen(4, -1);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { seen[i] = count(); });
  for (auto& t : threads) t.join();
  for (int n : seen) EXPECT_EQ(n, 40);
}

}  // namespace
}  // namespace tamas::testing
