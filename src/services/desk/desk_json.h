// Small JSON helpers shared by the desk's files. Internal to services/desk.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "core/time.h"

namespace tamas::services::desk_json {

inline std::string text(const boost::json::object& o) {
  return boost::json::serialize(o);
}
inline std::string iso(Instant t) {
  return format_iso8601(t);
}

}  // namespace tamas::services::desk_json
