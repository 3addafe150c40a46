// Workforce-management endpoints for the web front end (issue 8), each
// behind Permission::plan_workforce:
//   POST /api/v1/wfm/staff     one-interval Erlang C / A staffing; body and
//                              answer as `tamas staff --json`
//   POST /api/v1/wfm/forecast  Holt-Winters forecast and back-test of a CSV
//                              history sent inline; answer as
//                              `tamas forecast --json`
//   POST /api/v1/wfm/simulate  a small M/M/N(+M) run through the real engine;
//                              answer as `tamas simulate --json`; bounded
//                              (agents <= 500, hours <= 24, replications <= 20)
// Bodies are JSON objects; durations are strings with units ("180s", "30m")
// or numbers of seconds; unknown fields are 422 like every JSON body.
// The OpenAPI path objects are in docs/api/wfm-openapi-fragment.json.
// Handlers are pure computations (no store, no clock): safe from any thread.
#pragma once

#include "api/access.h"
#include "api/router.h"

namespace tamas::api {

void add_wfm_routes(Router& router, const Guard& guard);

}  // namespace tamas::api
