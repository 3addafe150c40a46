// A call's recording, by role (issue 6, R27):
//   GET /api/v1/interactions/{id}/recording  -> 200 audio/wav (the stereo WAV:
//   caller/customer left, agent right)
// Allowed to whoever may supervise (supervisors, admins) and to the agent
// who handled the call (fields_json.recording_agent, noted by the voice
// channel when the agent answered); 403 for everyone else, 404 for an unknown
// interaction or one without a recording (also when the file is gone).
// The WAV is read on the I/O thread (recordings are a few MB at most).
#pragma once

#include "api/access.h"
#include "api/accounts_db.h"
#include "api/router.h"

namespace tamas::api {

// `db` must outlive the router.
void add_recording_routes(Router& router, const Guard& guard, AccountsDb& db);

}  // namespace tamas::api
