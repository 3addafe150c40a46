// Holt–Winters exponential smoothing with one seasonal cycle of m intervals
// (for contact centers: a week, m = 7 × intervals per day, so the season is
// weekday × interval), additive or multiplicative, and the seasonal-naive
// baseline. Pure functions over plain vectors.
#pragma once

#include <vector>

namespace tamas::wfm {

enum class Seasonality { additive, multiplicative };

struct HoltWintersParams {
  double alpha = 0.2;  // level
  double beta = 0.01;  // trend
  double gamma = 0.2;  // season
  Seasonality kind = Seasonality::additive;
};

struct HoltWintersRun {
  std::vector<double> forecast;  // `horizon` values after the series, >= 0
  // Over the intervals flagged `special`: what happened and what the model
  // expected one step ahead (for learning a holiday scale).
  double special_actual = 0;
  double special_expected = 0;
};

// REQUIRES: y.size() >= 2·m, m >= 1, special empty or the size of y.
// Initialisation: level = mean of the first cycle, trend = difference of the
// means of the first two cycles / m, seasonal indices from the first cycle.
// Intervals flagged `special` (holidays) do not update the state: the
// observation is replaced by the model's own one-step forecast.
HoltWintersRun holt_winters(const std::vector<double>& y, int m, int horizon,
                            const HoltWintersParams& p, const std::vector<char>& special = {});

// Repeats the last cycle: forecast[h] = y[n − m + (h mod m)].
// REQUIRES: y.size() >= m.
std::vector<double> seasonal_naive(const std::vector<double>& y, int m, int horizon);

struct Accuracy {
  double mape = 0;  // mean |a−f|/a over intervals with a > 0 (a fraction, not %)
  double wape = 0;  // Σ|a−f| / Σa
};

// REQUIRES: same sizes. Intervals flagged in `skip` (if given) are left out.
Accuracy accuracy(const std::vector<double>& actual, const std::vector<double>& forecast,
                  const std::vector<char>& skip = {});

// Grid search (α, β, γ, additive/multiplicative) minimising WAPE when the
// last cycle of `y` is forecast from the ones before it. Needs 3 cycles;
// with fewer it returns the defaults.
HoltWintersParams fit_holt_winters(const std::vector<double>& y, int m,
                                   const std::vector<char>& special = {});

}  // namespace tamas::wfm
