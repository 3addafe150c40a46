// Public (no login) case status for customers (R29):
//   POST /api/v1/public/cases/status  {"number":"C-000123","phone":"0912..."}
// A POST with a JSON body rather than GET ?phone=: the phone number is
// personal data and must not land in access logs, proxies or browser
// history.
//
// Answers only when the phone (normalised to E.164) is one of the case's
// customer's phones. A wrong number, a wrong phone, a case without a
// customer and a merged case all get the same 404, so nobody can learn
// which case numbers exist. Rate limited like login: every request per
// client address, and failed lookups per case number (so spreading
// guesses over many addresses does not help).
//
// The answer holds only what the customer may see: state, kind, when it
// was opened and last changed (the last customer-visible event, never its
// note), and when it is due.
//
// Threads: any I/O thread; the work runs under the backend's lock.
#pragma once

#include "api/auth_routes.h"
#include "api/crm_backend.h"
#include "api/router.h"

namespace tamas::api {

// `backend` must outlive the router. `limits` as for login.
void add_public_case_routes(Router& router, CrmBackend& backend, const Clock& clock,
                            LoginLimits limits = {});

}  // namespace tamas::api
