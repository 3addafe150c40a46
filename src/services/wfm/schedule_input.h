// Input files of `tamas schedule` (format in docs/wfm.md):
//   requirements CSV "datetime,agents" (local time, Gregorian or Jalali);
//   shift file in YAML (JSON is valid YAML): groups and shift templates.
// Validation is strict: unknown keys and bad values are errors that read
// "<file>:<line>:<col>: message" (CSV: "<file>:<line>: message").
#pragma once

#include <string_view>

#include "core/result.h"
#include "services/wfm/schedule.h"

namespace tamas::wfm {

Result<Requirements> parse_requirements_csv(std::string_view text, std::string_view file_name,
                                            int interval_minutes);

Result<ShiftConfig> parse_shift_file(std::string_view text, std::string_view file_name);

}  // namespace tamas::wfm
