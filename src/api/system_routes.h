// Endpoints every deployment has: liveness, version, the active strategy.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/access.h"
#include "api/router.h"

namespace tamas::api {

struct SystemInfo {
  std::string version;
  // Returns the active compiled strategy as JSON. Called per request from
  // I/O threads; must be thread-safe.
  std::function<std::shared_ptr<const std::string>()> strategy_json;
  // Returns "" when healthy, else what is wrong (e.g. "database unavailable").
  std::function<std::string()> health_problem;
};

// GET /health, GET /version (public), GET /api/v1/strategy (view_strategy),
// GET /api/v1/openapi.json (public; the file embedded at build time).
void add_system_routes(Router& router, SystemInfo info, const Guard& guard);

// docs/api/openapi.json as built into the binary.
const std::string& openapi_document();

}  // namespace tamas::api
