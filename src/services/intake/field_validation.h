// Validates captured information against the strategy's field definitions
// (R8, R12): what a web form, an IVR or an agent captured for an interaction.
// Pure and thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "strategy/model.h"

namespace tamas::services {

struct FieldCheck {
  // Cleaned values to store: trimmed; phones in E.164; digits in ASCII;
  // VINs upper-cased. Only fields the requirements name.
  std::map<std::string, std::string> values;
  // Field id -> what is wrong, in words a customer understands (English;
  // the field's own name is shown by the front end).
  std::map<std::string, std::string> problems;
  bool ok() const { return problems.empty(); }
};

// Checks `input` against `requirements`: required fields present, each value
// valid for its type, pattern and length; fields not in `requirements` are
// problems too ("not asked for").
FieldCheck check_fields(const strategy::Strategy& s,
                        const std::vector<strategy::FieldRequirement>& requirements,
                        const std::map<std::string, std::string>& input);

}  // namespace tamas::services
