// Case routes (R15, R22, R24, R28, R30, R36, R39) under /api/v1.
// Contact-center staff (Permission::handle_cases) work every case;
// back-office users (Permission::department_cases) see and note only cases
// forwarded to one of their departments (user_departments), and answer only
// their departments' forwards. Illegal workflow moves answer 409.
//   GET  /api/v1/case-taxonomy                kinds, categories, departments
//   POST /api/v1/cases                        open
//   GET  /api/v1/cases/{id}                   case, events, forwards, links, redress
//   PATCH /api/v1/cases/{id}                  {category, product, province, subject,
//                                             description, priority}
//   POST /api/v1/cases/{id}/transition        {to, note}
//   POST /api/v1/cases/{id}/assign            {user}
//   POST /api/v1/cases/{id}/notes             {note}
//   POST /api/v1/cases/{id}/forward           {department, task, due}
//   POST /api/v1/cases/{id}/redress           {remedy, amount, accepted, satisfaction, notes}
//   POST /api/v1/cases/{id}/links             {other, kind}
//   POST /api/v1/cases/{id}/merge             {into}
// A category of another kind than the case's answers 422 with
// fields.category naming the allowed kind.
// Department queue, answers, overdue list and VOC actions: department_routes.h.
#pragma once

#include "api/access.h"
#include "api/crm_backend.h"
#include "api/router.h"

namespace tamas::api {

void add_case_routes(Router& router, const Guard& guard, CrmBackend& backend);

// Publishes the backend's committed case events (case.created, ...) on
// `bus` from now on (the serve context calls this once at start-up).
// `bus` must outlive the backend.
void publish_case_events(CrmBackend& backend, services::EventBus& bus);

// Whether `p` may see case `c`: handle_cases, or department_cases with a
// forward of the case to one of p's departments. Runs under the backend lock.
bool may_see_case(const Principal& p, CrmBackend::Parts& b, const store::Case& c);

}  // namespace tamas::api
