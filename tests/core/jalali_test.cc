#include <gtest/gtest.h>

#include "core/calendar.h"

namespace tamas {
namespace {

TEST(Jalali, NowruzOfKnownYears) {
  // 1 Farvardin 1403 = 20 March 2024; 1 Farvardin 1404 = 21 March 2025.
  EXPECT_EQ(from_jalali({1403, 1, 1}), (CivilDate{2024, 3, 20}));
  EXPECT_EQ(from_jalali({1404, 1, 1}), (CivilDate{2025, 3, 21}));
  EXPECT_EQ(to_jalali({2025, 3, 21}), (JalaliDate{1404, 1, 1}));
}

TEST(Jalali, LastDayOfEsfandInLeapAndCommonYears) {
  EXPECT_TRUE(is_valid(JalaliDate{1403, 12, 30}));  // 1403 is leap
  EXPECT_FALSE(is_valid(JalaliDate{1404, 12, 30}));
  EXPECT_EQ(from_jalali({1403, 12, 30}), (CivilDate{2025, 3, 20}));
}

TEST(Jalali, RoundTripsEveryDayOfADecade) {
  using namespace std::chrono;
  for (sys_days d = sys_days{2020y / 1 / 1}; d < sys_days{2030y / 1 / 1}; d += days{1}) {
    const year_month_day ymd{d};
    const CivilDate c{int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
    ASSERT_EQ(from_jalali(to_jalali(c)), c);
  }
}

TEST(Jalali, RejectsImpossibleDates) {
  EXPECT_FALSE(is_valid(JalaliDate{1404, 7, 31}));
  EXPECT_FALSE(is_valid(JalaliDate{1404, 13, 1}));
  EXPECT_FALSE(is_valid(JalaliDate{1404, 1, 0}));
  EXPECT_FALSE(is_valid(CivilDate{2025, 2, 29}));
}

}  // namespace
}  // namespace tamas
