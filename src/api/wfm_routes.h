// Workforce-management endpoints for the web front end (issue 8), each
// behind Permission::plan_workforce:
//   POST /api/v1/wfm/staff     one-interval Erlang C / A staffing; body and
//                              answer as `tamas staff --json`
//   POST /api/v1/wfm/forecast  Holt-Winters forecast and back-test of a CSV
//                              history sent inline, or (with a WfmRecords) of
//                              the recorded interactions; answer as
//                              `tamas forecast --json`
//   POST /api/v1/wfm/plan, GET /api/v1/wfm/history: wfm_history_routes.h
//   POST /api/v1/wfm/simulate  a small M/M/N(+M) run through the real engine;
//                              answer as `tamas simulate --json`; bounded
//                              (agents <= 500, hours <= 24, replications <= 20)
// With a WfmRecords (the server's store), also:
//   PUT /api/v1/wfm/schedules/{day}  publish the day's schedule (body: the
//                              schedule file of `tamas adherence` as JSON;
//                              plan_workforce)
//   GET /api/v1/wfm/adherence?day=YYYY-MM-DD[&grace=5m]  adherence of every
//                              scheduled or logged-in agent from the recorded
//                              agent states; answer as `tamas adherence
//                              --json` (plan_workforce or supervise)
// Bodies are JSON objects; durations are strings with units ("180s", "30m")
// or numbers of seconds; unknown fields are 422 like every JSON body.
// Documented in docs/api/openapi.json (checked against the router by a test).
// The computing handlers are pure (no store, no clock): safe from any
// thread. The record routes share one Store behind a mutex.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "api/access.h"
#include "api/router.h"
#include "core/calendar.h"
#include "store/store.h"

namespace tamas::api {

// The store the adherence routes read and write, the tenant, and its local
// time (the strategy's time zone). Thread-safe; lives as long as the routes.
class WfmRecords {
 public:
  WfmRecords(std::unique_ptr<store::Store> db, store::TenantId tenant, BusinessCalendar calendar,
             const Clock& clock)
      : db_(std::move(db)), tenant_(tenant), calendar_(std::move(calendar)), clock_(clock) {}

  template <typename F>
  auto with_store(F f) {
    std::lock_guard<std::mutex> lock(mu_);
    return f(*db_);
  }
  store::TenantId tenant() const { return tenant_; }
  const BusinessCalendar& calendar() const { return calendar_; }
  Instant now() const { return clock_.now(); }

 private:
  std::mutex mu_;
  std::unique_ptr<store::Store> db_;
  store::TenantId tenant_;
  BusinessCalendar calendar_;
  const Clock& clock_;
};

void add_wfm_routes(Router& router, const Guard& guard, WfmRecords* records = nullptr);

}  // namespace tamas::api
