// Opening hours and business-time arithmetic on the Tehran calendar.
#include "calendar_fixture.h"

namespace tamas::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(TehranCalendar, WeekdaysRunFromHalfPastSevenToSix) {
  // Wednesday 23 April 2025.
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 23, 7, 29)));
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 4, 23, 7, 30)));
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 4, 23, 17, 59)));
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 23, 18, 0)));
  // Saturday 26 April 2025 opens the Iranian week.
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 4, 26, 10, 0)));
}

TEST_F(TehranCalendar, ThursdayIsAShortDayEndingAtOne) {
  // Thursday 24 April 2025.
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 4, 24, 12, 59)));
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 24, 13, 0)));
  EXPECT_EQ(cal().next_closing(office_, tehran(2025, 4, 24, 9, 0)), tehran(2025, 4, 24, 13, 0));
}

TEST_F(TehranCalendar, FridayIsClosed) {
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 25, 10, 0)));
}

TEST_F(TehranCalendar, NowruzAndSizdahBedarCloseTheOffice) {
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 3, 22, 10, 0)));  // Sat, 2 Farvardin
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 3, 24, 10, 0)));  // Mon, 4 Farvardin
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 3, 25, 10, 0)));   // Tue, 5 Farvardin
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 1, 10, 0)));   // 12 Farvardin
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 2, 10, 0)));   // 13 Farvardin
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 4, 3, 10, 0)));    // Thu, 14 Farvardin
}

TEST_F(TehranCalendar, ScheduleThatIgnoresHolidaysStaysOpenOnNowruz) {
  office_.closed_on_holidays = false;
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 3, 22, 10, 0)));
}

TEST_F(TehranCalendar, DatedExceptionReplacesTheDay) {
  office_.exceptions.push_back({{2025, 3, 22}, {{hm(9, 0), hm(12, 0)}}});  // open on Nowruz
  office_.exceptions.push_back({{2025, 4, 23}, {}});                       // closed Wednesday
  EXPECT_TRUE(cal().is_open(office_, tehran(2025, 3, 22, 10, 0)));
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 3, 22, 12, 0)));
  EXPECT_FALSE(cal().is_open(office_, tehran(2025, 4, 23, 10, 0)));
  EXPECT_EQ(cal().next_opening(office_, tehran(2025, 4, 23, 8, 0)), tehran(2025, 4, 24, 7, 30));
}

TEST_F(TehranCalendar, NextOpeningWhenOpenIsNow) {
  const Instant t = tehran(2025, 4, 23, 10, 15);
  EXPECT_EQ(cal().next_opening(office_, t), t);
  EXPECT_EQ(cal().next_opening(office_, tehran(2025, 4, 23, 6, 0)), tehran(2025, 4, 23, 7, 30));
}

TEST_F(TehranCalendar, NextOpeningSkipsTheWeekendAndNowruz) {
  // Thursday 30 Esfand 1403 after closing: Friday, then Nowruz (Fri..Mon),
  // so the office next opens Tuesday 5 Farvardin.
  EXPECT_EQ(cal().next_opening(office_, tehran(2025, 3, 20, 14, 0)), tehran(2025, 3, 25, 7, 30));
  // Saturday evening 9 Farvardin: Eid al-Fitr (Sun, Mon), 12 and 13
  // Farvardin (Tue, Wed) are all closed; Thursday opens.
  EXPECT_EQ(cal().next_opening(office_, tehran(2025, 3, 29, 18, 30)), tehran(2025, 4, 3, 7, 30));
}

TEST_F(TehranCalendar, NextClosing) {
  EXPECT_EQ(cal().next_closing(office_, tehran(2025, 4, 23, 10, 0)), tehran(2025, 4, 23, 18, 0));
  const Instant closed = tehran(2025, 4, 25, 10, 0);
  EXPECT_EQ(cal().next_closing(office_, closed), closed);
}

TEST_F(TehranCalendar, ScheduleThatNeverOpensHasNoOpeningOrDueTime) {
  Schedule never;
  EXPECT_EQ(cal().next_opening(never, tehran(2025, 4, 23, 10, 0)), std::nullopt);
  EXPECT_EQ(cal().add_business_time(never, tehran(2025, 4, 23, 10, 0), 1h), std::nullopt);
  EXPECT_EQ(cal().business_time_between(never, tehran(2025, 1, 1, 0), tehran(2026, 1, 1, 0)), 0ms);
}

TEST_F(TehranCalendar, BusinessTimeOverTheNowruzWeek) {
  // Thu 20 March (30 Esfand, 5.5 h), Fri closed, Sat..Mon Nowruz,
  // Tue 25 and Wed 26 March (10.5 h each).
  EXPECT_EQ(cal().business_time_between(office_, tehran(2025, 3, 20, 0), tehran(2025, 3, 27, 0)),
            26h + 30min);
}

TEST_F(TehranCalendar, BusinessTimeAcrossAThursday) {
  // Thursday 12:00..13:00, Friday nothing, Saturday 07:30..09:00.
  EXPECT_EQ(
      cal().business_time_between(office_, tehran(2025, 4, 24, 12, 0), tehran(2025, 4, 26, 9, 0)),
      2h + 30min);
  EXPECT_EQ(
      cal().business_time_between(office_, tehran(2025, 4, 26, 9, 0), tehran(2025, 4, 24, 12, 0)),
      0ms);
}

TEST_F(TehranCalendar, EightBusinessHourSlaFromWednesdayAfternoonIsDueSaturday) {
  // Wednesday 16:00: 2 h left that day, 5.5 h on Thursday, Friday closed,
  // the last 30 minutes on Saturday morning.
  const Instant submitted = tehran(2025, 4, 23, 16, 0);
  const auto due = cal().add_business_time(office_, submitted, 8h);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(*due, tehran(2025, 4, 26, 8, 0));
  EXPECT_EQ(cal().business_time_between(office_, submitted, *due), 8h);
}

TEST_F(TehranCalendar, SlaEndingExactlyAtClosingIsDueAtClosing) {
  EXPECT_EQ(cal().add_business_time(office_, tehran(2025, 4, 23, 16, 0), 2h),
            tehran(2025, 4, 23, 18, 0));
  EXPECT_EQ(cal().add_business_time(office_, tehran(2025, 4, 23, 16, 0), 0ms),
            tehran(2025, 4, 23, 16, 0));
}

TEST_F(TehranCalendar, AlwaysOpenIgnoresWeekAndHolidays) {
  Schedule always;
  always.always_open = true;
  const Instant nowruz = tehran(2025, 3, 21, 3, 0);
  EXPECT_TRUE(cal().is_open(always, nowruz));
  EXPECT_EQ(cal().next_opening(always, nowruz), nowruz);
  EXPECT_EQ(cal().next_closing(always, nowruz), std::nullopt);
  EXPECT_EQ(cal().business_time_between(always, nowruz, nowruz + 72h), 72h);
  EXPECT_EQ(cal().add_business_time(always, nowruz, 8h), nowruz + 8h);
}

Schedule all_day_except_friday() {
  Schedule s;
  for (unsigned wd : {6u, 0u, 1u, 2u, 3u, 4u}) s.week[wd] = {{0, 1440}};
  s.closed_on_holidays = false;
  return s;
}

TEST_F(TehranCalendar, OpenAcrossMidnightClosesOnlyAtTheNextClosedDay) {
  // From Monday 21 April 2025 the next closing is Friday 00:00.
  EXPECT_EQ(cal().next_closing(all_day_except_friday(), tehran(2025, 4, 21, 10, 0)),
            tehran(2025, 4, 25, 0, 0));
}

TEST_F(TehranCalendar, DstDaysInTehranLastTwentyThreeAndTwentyFiveHours) {
  const Schedule s = all_day_except_friday();
  // Monday 22 March 2021 lost its first hour; Tuesday 21 September 2021
  // repeated its last one.
  EXPECT_EQ(cal().business_time_between(s, tehran(2021, 3, 22, 0), tehran(2021, 3, 23, 0)), 23h);
  EXPECT_EQ(cal().business_time_between(s, tehran(2021, 9, 21, 0), tehran(2021, 9, 22, 0)), 25h);
  EXPECT_TRUE(cal().is_open(s, utc(2021, 9, 21, 20, 0)));  // the second 23:30
}

TEST_F(TehranCalendar, OfficeHoursOnTheDstDayAreWallClockHours) {
  // Monday 22 March 2021 (Nowruz, but this schedule ignores holidays):
  // 07:30 summer time is 03:00 UTC.
  Schedule s = iranian_office_hours();
  s.closed_on_holidays = false;
  EXPECT_EQ(cal().next_opening(s, utc(2021, 3, 21, 20, 0)), utc(2021, 3, 22, 3, 0));
  EXPECT_EQ(cal().business_time_between(s, tehran(2021, 3, 22, 0), tehran(2021, 3, 23, 0)),
            10h + 30min);
}

}  // namespace
}  // namespace tamas::testing
