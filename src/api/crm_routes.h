// Customer routes (R1, R20, R21, R41) under /api/v1/customers, all needing
// Permission::handle_cases; sensitive values (national id, sensitive
// attributes) are masked unless the caller has Permission::view_sensitive.
//   POST /api/v1/customers/resolve           match (or create provisional)
//   GET  /api/v1/customers/{id}              record, identities, assets, consents, merges
//   POST /api/v1/customers/{id}/attributes   replace attributes; segment recomputed
//   POST /api/v1/customers/{id}/identities   add a handle or national id
//   POST /api/v1/customers/{id}/assets       add a product/vehicle
//   POST /api/v1/customers/{id}/merge        merge this record into another
//   GET  /api/v1/customers/{id}/timeline     ?cursor=&limit= newest first
//   GET  /api/v1/customers/{id}/screen-pop   customer, segment, value, open cases, last contacts
// docs/api/crm-openapi-fragment.json describes bodies and answers.
#pragma once

#include "api/access.h"
#include "api/crm_backend.h"
#include "api/router.h"

namespace tamas::api {

// `guard` and `backend` must outlive the router.
void add_crm_routes(Router& router, const Guard& guard, CrmBackend& backend);

}  // namespace tamas::api
