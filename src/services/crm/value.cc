#include "services/crm/value.h"

#include <algorithm>
#include <cmath>

namespace tamas::services::crm {
namespace {

// log-scaled share of `full` in 0..1.
double log_share(double x, double full) {
  if (x <= 0 || full <= 0) return 0;
  return std::min(1.0, std::log1p(x) / std::log1p(full));
}

double recency(const ValueFacts& f, Instant now, const ValueModel& m) {
  if (!f.last_contact) return 0;
  const double days =
      std::chrono::duration<double, std::ratio<86400>>(now - *f.last_contact).count();
  if (days <= m.recent_days) return 1;
  if (days >= m.stale_days) return 0;
  return 1 - (days - m.recent_days) / (m.stale_days - m.recent_days);
}

}  // namespace

Value customer_value(const ValueFacts& f, Instant now, const ValueModel& m) {
  double score =
      100 * (m.recency_weight * recency(f, now, m) +
             m.frequency_weight * log_share(static_cast<double>(f.interactions),
                                            static_cast<double>(m.interactions_for_full)) +
             m.monetary_weight * log_share(static_cast<double>(f.monetary),
                                           static_cast<double>(m.monetary_for_full)));
  score -=
      std::min(m.max_complaint_penalty, m.complaint_penalty * static_cast<double>(f.complaints));
  score = std::clamp(score, 0.0, 100.0);
  const char* tier = score >= 75   ? "platinum"
                     : score >= 50 ? "gold"
                     : score >= 25 ? "silver"
                                   : "bronze";
  return Value{score, tier};
}

}  // namespace tamas::services::crm
