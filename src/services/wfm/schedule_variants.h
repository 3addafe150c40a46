// Enumeration of shift variants for the scheduling program (schedule.h).
// Internal to services/wfm.
#pragma once

#include <utility>
#include <vector>

#include "core/result.h"
#include "services/wfm/schedule.h"

namespace tamas::wfm {

struct ShiftVariant {
  int shift = 0;  // index into ShiftConfig::shifts
  int group = 0;  // index into ShiftConfig::groups
  int start_minute = 0;
  std::vector<int> break_starts;
  std::vector<int> days;
  std::vector<std::pair<int, double>> cover;  // (interval index, share worked)
  double cost = 0;
};

// Every variant of every template over the requirement's days. Errors name
// the template (unknown group, window outside the day, no break placement).
Result<std::vector<ShiftVariant>> enumerate_variants(const Requirements& req,
                                                     const ShiftConfig& config, int max_variants);

}  // namespace tamas::wfm
