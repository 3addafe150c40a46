#include "services/wfm/forecast.h"

#include <algorithm>
#include <set>

namespace tamas::wfm {
namespace {

std::vector<char> holiday_flags(CivilDate first_day, int days, int per_day,
                                const std::vector<CivilDate>& holidays) {
  std::vector<char> flags(static_cast<size_t>(days) * per_day, 0);
  const long first = day_number(first_day);
  for (const CivilDate& d : holidays) {
    const long k = day_number(d) - first;
    if (k < 0 || k >= days) continue;
    std::fill(flags.begin() + k * per_day, flags.begin() + (k + 1) * per_day, 1);
  }
  return flags;
}

bool any(const std::vector<char>& v) {
  return std::find(v.begin(), v.end(), 1) != v.end();
}

std::vector<double> forecast_aht(const History& h, int horizon) {
  const int m = 7 * h.intervals_per_day();
  const int n = static_cast<int>(h.volume.size());
  double all_v = 0, all_w = 0;
  for (int t = std::max(0, n - 4 * m); t < n; ++t) {
    all_v += h.volume[t];
    all_w += h.volume[t] * h.aht_s[t];
  }
  const double overall = all_v > 0 ? all_w / all_v : 0;
  std::vector<double> out(horizon);
  for (int k = 0; k < horizon; ++k) {
    double v = 0, w = 0;
    for (int t = n + k - m; t >= 0 && t >= n - 4 * m; t -= m) {
      v += h.volume[t];
      w += h.volume[t] * h.aht_s[t];
    }
    out[k] = v > 0 ? w / v : overall;
  }
  return out;
}

Status check(const History& h, int min_weeks) {
  if (h.days() < 7 * min_weeks)
    return Error::invalid("need at least " + std::to_string(min_weeks) +
                          " weeks of history, have " + std::to_string(h.days()) + " days");
  return {};
}

History head(const History& h, int days) {
  History out = h;
  const size_t n = static_cast<size_t>(days) * h.intervals_per_day();
  out.volume.resize(n);
  out.aht_s.resize(n);
  return out;
}

}  // namespace

Result<VolumeForecast> forecast_history(const History& h, int days, const ForecastOptions& opt) {
  if (Status s = check(h, 2); !s) return s.error();
  if (days < 1) return Error::invalid("forecast horizon must be at least one day");
  const int per_day = h.intervals_per_day();
  const int m = 7 * per_day;
  const std::vector<char> past = holiday_flags(h.first_day, h.days(), per_day, opt.holidays);
  VolumeForecast f;
  f.first_day = from_day_number(day_number(h.first_day) + h.days());
  f.interval_minutes = h.interval_minutes;
  f.params = opt.params ? *opt.params : fit_holt_winters(h.volume, m, past);
  const HoltWintersRun run = holt_winters(h.volume, m, days * per_day, f.params, past);
  f.volume = run.forecast;
  if (opt.holiday_scale) {
    f.holiday_scale = *opt.holiday_scale;
  } else if (any(past) && run.special_expected > 0) {
    f.holiday_scale = run.special_actual / run.special_expected;
  }
  const std::vector<char> ahead = holiday_flags(f.first_day, days, per_day, opt.holidays);
  for (size_t i = 0; i < f.volume.size(); ++i) {
    if (ahead[i]) f.volume[i] *= f.holiday_scale;
  }
  f.aht_s = forecast_aht(h, days * per_day);
  return f;
}

Result<Backtest> backtest(const History& h, int weeks, const ForecastOptions& opt) {
  if (weeks < 1) return Error::invalid("holdout must be at least one week");
  if (Status s = check(h, weeks + 2); !s) return s.error();
  const int per_day = h.intervals_per_day();
  const int train_days = h.days() - 7 * weeks;
  const History train = head(h, train_days);
  Result<VolumeForecast> hw = forecast_history(train, 7 * weeks, opt);
  if (!hw) return hw.error();
  const std::vector<double> naive = seasonal_naive(train.volume, 7 * per_day, 7 * weeks * per_day);
  const std::vector<double> actual(h.volume.begin() + train.volume.size(), h.volume.end());
  const std::vector<char> skip = holiday_flags(hw->first_day, 7 * weeks, per_day, opt.holidays);
  Backtest b;
  b.holdout_days = 7 * weeks;
  b.params = hw->params;
  b.holt_winters = accuracy(actual, hw->volume, skip);
  b.seasonal_naive = accuracy(actual, naive, skip);
  return b;
}

}  // namespace tamas::wfm
