// Customer value (R20): a 0..100 score from recency, frequency and monetary
// value (RFM), less a penalty for complaint history, and a tier from it.
// Segments can test the tier through the "value_tier" attribute.
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/time.h"

namespace tamas::services::crm {

struct ValueFacts {
  std::optional<Instant> last_contact;
  std::int64_t interactions = 0;
  std::int64_t monetary = 0;  // sum of purchases/services, currency units
  std::int64_t complaints = 0;
};

struct ValueModel {
  double recency_weight = 0.3, frequency_weight = 0.3, monetary_weight = 0.4;
  int recent_days = 30;  // full recency score up to here
  int stale_days = 365;  // zero recency score from here
  std::int64_t interactions_for_full = 100;
  std::int64_t monetary_for_full = 50'000'000'000;  // rials: a few new cars
  double complaint_penalty = 5, max_complaint_penalty = 20;
};

struct Value {
  double score = 0;  // 0..100
  std::string tier;  // platinum >= 75, gold >= 50, silver >= 25, else bronze
};

Value customer_value(const ValueFacts& f, Instant now, const ValueModel& m = {});

}  // namespace tamas::services::crm
