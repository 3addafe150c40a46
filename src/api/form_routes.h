// Public web forms (R12, R29): POST /api/v1/forms/{entry_point} with
//   {"fields": {"vehicle_model": "kavir_suv", "vin": "...", ...}}
// 201 {"interaction":"I-000001",...} once the submission is committed and
// routed; 422 with a problem per field; 404 for an unknown form.
#pragma once

#include "api/router.h"
#include "services/intake/intake.h"

namespace tamas::api {

// `intake` must outlive the router's use.
void add_form_routes(Router& router, services::Intake& intake);

}  // namespace tamas::api
