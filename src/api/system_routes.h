// Endpoints every deployment has: liveness, version, the active strategy.
#pragma once

#include <functional>
#include <memory>
#include <string>

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

// GET /health, GET /version, GET /api/v1/strategy
void add_system_routes(Router& router, SystemInfo info);

}  // namespace tamas::api
