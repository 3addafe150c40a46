// Workforce planning from what was recorded (issue 8), behind
// Permission::plan_workforce:
//   GET /api/v1/wfm/history?from=YYYY-MM-DD&to=YYYY-MM-DD[&interval=30m]
//       [&queue=Q][&type=T][&channel=C]   (with a WfmRecords only)
//     → {"from","to","interval_minutes","intervals":[{"start":"2026-03-01
//       08:00","volume":12,"aht_s":183.2}]}: every interval of the local days
//       in order, volume 0 where nothing came (wfm::history_from_interactions).
//       422 naming the field for bad dates, to < from, more than 366 days or
//       an interval that does not divide a day (15m, 30m, 60m, ...).
//   POST /api/v1/wfm/plan  required vs scheduled agents per interval:
//     body {"intervals":[{"start","volume","aht_s"}] (1..2000), "interval"?
//       (default 30m), "target":"80/20s", "patience"?, "shrinkage"?,
//       "occupancy_cap"?}
//     → {"intervals":[{"start","volume","aht_s","required",
//       "scheduled_required","service_level","occupancy","scheduled"}]}
//     required: Erlang C (A with patience) agents on the phones;
//     scheduled_required: with shrinkage; scheduled: agents of the published
//     day schedules working at least half of the interval (breaks are not
//     work; yesterday's night shifts count), null when that day has no
//     published schedule or the server has no store.
// Handlers run on any thread; the store is reached through WfmRecords.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "api/access.h"
#include "api/router.h"
#include "api/wfm_routes.h"
#include "services/wfm/history.h"

namespace tamas::api {

void add_wfm_history_routes(Router& router, const Guard& guard, WfmRecords* records);

// The "history" object of a forecast body, {"from","to","queue"?,"type"?,
// "channel"?}, read from the recorded interactions. Errors: invalid_argument
// (message names the field, "history.from: ..."), or the store's error.
Result<wfm::History> recorded_history(WfmRecords& records, const boost::json::value& spec,
                                      int interval_minutes);

}  // namespace tamas::api
