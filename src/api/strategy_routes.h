// Strategy versions over the API:
//   POST /api/v1/strategy/versions        (manage_strategy) upload a new version
//   GET  /api/v1/strategy/versions        (view_strategy)   history, newest first
//   GET  /api/v1/strategy/versions/{id}   (view_strategy)   one version with its YAML
//
// An upload is the YAML text (Content-Type application/yaml, text/yaml or
// text/plain) or JSON {"yaml": "..."}. It is validated by the same loader as
// `tamas check`; a file with errors is refused with 422 and every problem:
//   {"error":{...,"code":"invalid_strategy"},"problems":[{"line","column","message"}]}
// A valid file must keep the organisation id of the running server and pass
// the start-up checks (`startable`). It is then stored as a new version and
// becomes the tenant's active version at once; this process keeps routing by
// the version it started with (`running`), and the next `tamas serve` starts
// from the active version (see app/serve_context.h).
//
// Threads: handlers run on I/O threads; the store is reached through
// AccountsDb (serialised).
#pragma once

#include <functional>
#include <string>

#include "api/auth_routes.h"
#include "core/result.h"
#include "strategy/model.h"

namespace tamas::api {

struct StrategyVersionSettings {
  // The organisation id every upload must keep (the tenant's slug).
  std::string organisation;
  // The version this process routes by; reported as "running".
  store::RowId running = 0;
  // Further checks a valid strategy must pass to start (routing tables,
  // calendar); empty: none. Called on an I/O thread; must not block long.
  std::function<Status(const strategy::Strategy&)> startable;
};

void add_strategy_version_routes(Router& router, AccountServices services,
                                 StrategyVersionSettings settings);

}  // namespace tamas::api
