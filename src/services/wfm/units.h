// Parsing of the planner's units on the command line and in files:
// durations ("30m", "1800s", "1h", "180" = seconds) and service-level
// targets ("80/20s" = 80 % answered within 20 seconds). Pure functions.
#pragma once

#include <string_view>

#include "core/result.h"

namespace tamas::wfm {

// Seconds. Accepts a non-negative decimal number with an optional unit
// s, m, h or d. Errors name the offending text.
Result<double> parse_duration(std::string_view text);

struct ServiceTarget {
  double fraction = 0.8;  // (0, 1)
  double within_s = 20;
};

// "80/20s", "80/20" (seconds), "90/1m". The percentage must be in (0, 100).
Result<ServiceTarget> parse_service_target(std::string_view text);

// A plain non-negative decimal number (no unit). `what` names it in errors.
Result<double> parse_number(std::string_view text, std::string_view what);

}  // namespace tamas::wfm
