#include "services/wfm/holt_winters.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace tamas::wfm {
namespace {

constexpr double kTiny = 1e-9;

double mean(const std::vector<double>& y, int from, int to) {
  double s = 0;
  for (int i = from; i < to; ++i) s += y[i];
  return s / (to - from);
}

}  // namespace

HoltWintersRun holt_winters(const std::vector<double>& y, int m, int horizon,
                            const HoltWintersParams& p, const std::vector<char>& special) {
  const int n = static_cast<int>(y.size());
  assert(m >= 1 && n >= 2 * m && (special.empty() || special.size() == y.size()));
  const bool mult = p.kind == Seasonality::multiplicative;
  double level = mean(y, 0, m);
  double trend = (mean(y, m, 2 * m) - level) / m;
  std::vector<double> season(m);
  for (int i = 0; i < m; ++i) {
    season[i] = mult ? (level > kTiny ? y[i] / level : 1) : y[i] - level;
  }
  HoltWintersRun run;
  for (int t = m; t < n; ++t) {
    double& s = season[t % m];
    const double base = level + trend;
    const double expected = mult ? base * s : base + s;
    double obs = y[t];
    if (!special.empty() && special[t]) {
      run.special_actual += obs;
      run.special_expected += std::max(0.0, expected);
      obs = expected;
    }
    const double prev = level;
    if (mult) {
      level = s > kTiny ? p.alpha * obs / s + (1 - p.alpha) * base : base;
    } else {
      level = p.alpha * (obs - s) + (1 - p.alpha) * base;
    }
    trend = p.beta * (level - prev) + (1 - p.beta) * trend;
    if (mult) {
      if (level > kTiny) s = p.gamma * obs / level + (1 - p.gamma) * s;
    } else {
      s = p.gamma * (obs - level) + (1 - p.gamma) * s;
    }
  }
  run.forecast.resize(horizon);
  for (int h = 1; h <= horizon; ++h) {
    const double s = season[(n - 1 + h) % m];
    const double base = level + h * trend;
    run.forecast[h - 1] = std::max(0.0, mult ? base * s : base + s);
  }
  return run;
}

std::vector<double> seasonal_naive(const std::vector<double>& y, int m, int horizon) {
  const int n = static_cast<int>(y.size());
  assert(n >= m && m >= 1);
  std::vector<double> f(horizon);
  for (int h = 0; h < horizon; ++h) f[h] = y[n - m + h % m];
  return f;
}

Accuracy accuracy(const std::vector<double>& actual, const std::vector<double>& forecast,
                  const std::vector<char>& skip) {
  assert(actual.size() == forecast.size());
  double ape = 0, abs_err = 0, total = 0;
  int counted = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!skip.empty() && skip[i]) continue;
    const double err = std::fabs(actual[i] - forecast[i]);
    abs_err += err;
    total += actual[i];
    if (actual[i] > 0) {
      ape += err / actual[i];
      ++counted;
    }
  }
  return {counted ? ape / counted : 0, total > 0 ? abs_err / total : 0};
}

HoltWintersParams fit_holt_winters(const std::vector<double>& y, int m,
                                   const std::vector<char>& special) {
  const int n = static_cast<int>(y.size());
  HoltWintersParams best;
  if (n < 3 * m) return best;
  const std::vector<double> train(y.begin(), y.end() - m);
  const std::vector<double> valid(y.end() - m, y.end());
  std::vector<char> train_special, valid_special;
  if (!special.empty()) {
    train_special.assign(special.begin(), special.end() - m);
    valid_special.assign(special.end() - m, special.end());
  }
  double best_wape = INFINITY;
  for (Seasonality kind : {Seasonality::additive, Seasonality::multiplicative}) {
    for (double alpha : {0.02, 0.05, 0.1, 0.2, 0.4}) {
      for (double beta : {0.0, 0.001, 0.01}) {
        for (double gamma : {0.05, 0.1, 0.2, 0.4, 0.6}) {
          const HoltWintersParams p{alpha, beta, gamma, kind};
          const HoltWintersRun run = holt_winters(train, m, m, p, train_special);
          const double wape = accuracy(valid, run.forecast, valid_special).wape;
          if (wape < best_wape) {
            best_wape = wape;
            best = p;
          }
        }
      }
    }
  }
  return best;
}

}  // namespace tamas::wfm
