// The compiled strategy as JSON, for GET /api/v1/strategy. Durations are in
// seconds, dates ISO 8601 (Gregorian), enums by their YAML names; ids only
// (indices are an in-memory detail). Pure; thread-safe.
#pragma once

#include <string>

#include "strategy/model.h"

namespace tamas::strategy {

std::string to_json(const Strategy& s);

}  // namespace tamas::strategy
