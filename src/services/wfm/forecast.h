// Forecasting contact volume and AHT per interval from a History, with
// weekday × interval seasonality (Holt–Winters over a weekly cycle) and
// holidays, plus a back-test against the seasonal-naive baseline.
//
// Holidays: listed local dates are treated specially. In the history they do
// not update the model (their intervals are replaced by the model's own
// forecast) and are left out of accuracy; what they were relative to that
// forecast gives the holiday scale (Σ actual / Σ expected over past
// holidays). In the forecast, a holiday's intervals are the normal forecast ×
// holiday scale. Without past holidays the scale is `holiday_scale` if given,
// else 1 (a normal day). Pure functions.
#pragma once

#include <optional>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"
#include "services/wfm/history.h"
#include "services/wfm/holt_winters.h"

namespace tamas::wfm {

struct ForecastOptions {
  std::vector<CivilDate> holidays;          // local dates, history and horizon
  std::optional<double> holiday_scale;      // overrides the learned scale
  std::optional<HoltWintersParams> params;  // skip the grid search
};

struct VolumeForecast {
  CivilDate first_day;  // the day after the history
  int interval_minutes = 30;
  std::vector<double> volume;
  std::vector<double> aht_s;  // volume-weighted mean of the same slot, last 4 weeks
  HoltWintersParams params;
  double holiday_scale = 1;
};

// Forecasts `days` whole days after the history. Needs >= 2 weeks of
// history (3 for the parameter search).
Result<VolumeForecast> forecast_history(const History& h, int days, const ForecastOptions& opt);

struct Backtest {
  int holdout_days = 0;
  Accuracy holt_winters;
  Accuracy seasonal_naive;
  HoltWintersParams params;
};

// Holds out the last `weeks` weeks, forecasts them from the rest with both
// methods, and scores them (holidays excluded).
Result<Backtest> backtest(const History& h, int weeks, const ForecastOptions& opt);

}  // namespace tamas::wfm
