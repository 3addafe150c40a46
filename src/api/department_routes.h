// Back-office department routes (R30, R39) and VOC preventive actions (R36).
//   GET  /api/v1/departments/{department}/cases     forwarded cases (department_cases; members,
//                                                   admins and supervisors)
//   POST /api/v1/departments/{department}/members   {user, head} (manage_users)
//   POST /api/v1/forwards/{id}/answer               {answer} the case returns (department_cases;
//                                                   members of the forward's department)
//   GET  /api/v1/forwards/overdue                   unanswered past due, escalated or not
//   (handle_cases) GET  /api/v1/voc-actions, POST /api/v1/voc-actions, POST
//   /api/v1/voc-actions/{id}/status
//                                                   (handle_cases)
#pragma once

#include "api/access.h"
#include "api/crm_backend.h"
#include "api/router.h"

namespace tamas::api {

void add_department_routes(Router& router, const Guard& guard, CrmBackend& backend);

}  // namespace tamas::api
