#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "services/wfm/forecast.h"
#include "services/wfm/history.h"

namespace tamas::wfm {
namespace {

constexpr double kPi = 3.141592653589793;

// A center open 07:00–22:00 with a two-hump day; Friday is quiet.
double profile(int day_of_series, int slot, CivilDate first) {
  const int wd = weekday(from_day_number(day_number(first) + day_of_series));
  const double hour = slot / 2.0;
  if (hour < 7 || hour >= 22) return 0;
  const double day_shape =
      40 + 60 * std::sin(kPi * (hour - 7) / 15) + 25 * std::sin(2 * kPi * (hour - 7) / 15);
  const double week = wd == 5 ? 0.35 : (wd == 6 ? 1.25 : 1.0);  // Fri, Sat
  return day_shape * week;
}

History synthetic(int weeks, double trend_per_week, double noise_sd, unsigned seed) {
  History h;
  h.first_day = {2026, 1, 3};  // a Saturday
  h.interval_minutes = 30;
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, noise_sd);
  for (int d = 0; d < weeks * 7; ++d) {
    for (int s = 0; s < 48; ++s) {
      const double base = profile(d, s, h.first_day) * (1 + trend_per_week * d / 7.0);
      const double v = base > 0 ? std::max(0.0, base * (1 + noise(rng))) : 0;
      h.volume.push_back(v);
      h.aht_s.push_back(v > 0 ? 200 : 0);
    }
  }
  return h;
}

TEST(HistoryCsv, ReadsGregorianAndJalaliRows) {
  const char* csv =
      "datetime,volume,aht_s\n"
      "2026-03-01 08:00,12,190\n"
      "2026-03-01 08:30,15,200.5\n"
      "1404/12/11 09:00,7,180\n";  // 1404/12/11 = 2026-03-02
  Result<History> h = parse_history_csv(csv, "history.csv", 30);
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->first_day, (CivilDate{2026, 3, 1}));
  EXPECT_EQ(h->days(), 2);
  EXPECT_EQ(h->volume[16], 12);
  EXPECT_EQ(h->aht_s[17], 200.5);
  EXPECT_EQ(h->volume[48 + 18], 7);
  EXPECT_EQ(h->volume[0], 0);  // absent intervals are zero volume
}

TEST(HistoryCsv, ErrorsNameTheFileAndLine) {
  Result<History> h = parse_history_csv(
      "datetime,volume,aht_s\n2026-03-01 08:00,1,1\n2026-03-01 08:30,-4,180\n", "history.csv", 30);
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().message, "history.csv:3: volume must be a non-negative number");
  EXPECT_EQ(parse_history_csv("2026-03-01 08:10,1,180\n", "h.csv", 30).error().message,
            "h.csv:1: time is not on a 30-minute interval boundary");
  EXPECT_EQ(parse_history_csv("2026-03-01 08:00,1,180\n2026-03-01 08:00,2,180\n", "h.csv", 30)
                .error()
                .message,
            "h.csv:2: duplicate interval 2026-03-01 08:00");
  EXPECT_EQ(parse_history_csv("1404/12/31 08:00,1,180\n", "h.csv", 30).error().message,
            "h.csv:1: no such Jalali date '1404/12/31'");
  EXPECT_EQ(parse_history_csv("2026-03-01 08:00,1\n", "h.csv", 30).error().message,
            "h.csv:1: expected 3 fields: datetime,volume,aht_s");
  EXPECT_FALSE(parse_history_csv("", "h.csv", 30).ok());
}

TEST(Forecast, PureSeasonalSeriesIsReproduced) {
  const History h = synthetic(4, 0, 0, 1);
  Result<VolumeForecast> f = forecast_history(h, 7, {});
  ASSERT_TRUE(f.ok()) << f.error().message;
  ASSERT_EQ(f->volume.size(), 7u * 48);
  for (int i = 0; i < 7 * 48; ++i) {
    EXPECT_NEAR(f->volume[i], h.volume[i], 1e-6) << i;  // same weekday, 4 weeks back
  }
  EXPECT_EQ(f->first_day, (CivilDate{2026, 1, 31}));
  EXPECT_NEAR(f->aht_s[20], 200, 1e-9);
}

TEST(Forecast, HoltWintersBeatsSeasonalNaiveOnTrendAndNoise) {
  const History h = synthetic(10, 0.04, 0.12, 42);
  Result<Backtest> b = backtest(h, 1, {});
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_LT(b->holt_winters.wape, b->seasonal_naive.wape);
  EXPECT_LT(b->holt_winters.mape, b->seasonal_naive.mape);
  EXPECT_LT(b->holt_winters.wape, 0.12);
}

TEST(Forecast, HolidaysAreScaledByWhatPastHolidaysLookedLike) {
  History h = synthetic(6, 0, 0, 1);
  const std::vector<CivilDate> holidays = {{2026, 1, 20}, {2026, 2, 3}, {2026, 2, 10}};
  for (const CivilDate& d : holidays) {
    const long k = day_number(d) - day_number(h.first_day);
    for (int s = 0; s < 48; ++s) h.volume[k * 48 + s] *= 0.3;
  }
  ForecastOptions opt;
  opt.holidays = holidays;
  opt.holidays.push_back({2026, 2, 17});  // in the forecast horizon (a Tuesday)
  Result<VolumeForecast> f = forecast_history(h, 7, opt);
  ASSERT_TRUE(f.ok());
  EXPECT_NEAR(f->holiday_scale, 0.3, 0.02);
  const int day = 3;  // 2026-02-14 + 3
  EXPECT_NEAR(f->volume[day * 48 + 24], 0.3 * profile(0, 24, {2026, 2, 17}), 1.5);
  // A normal day is untouched by the holidays in its history.
  EXPECT_NEAR(f->volume[2 * 48 + 24], profile(0, 24, {2026, 2, 16}), 1e-6);
}

TEST(Forecast, NeedsTwoWeeksOfHistory) {
  EXPECT_FALSE(forecast_history(synthetic(1, 0, 0, 1), 7, {}).ok());
  EXPECT_FALSE(backtest(synthetic(2, 0, 0, 1), 1, {}).ok());
}

}  // namespace
}  // namespace tamas::wfm
