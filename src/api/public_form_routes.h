// Public (no login) read of one form's definition, for the web forms and the
// chat widget on the organisation's website:
//   GET /api/v1/public/forms/{entry_point}
// answers for webform and chat entry points only, with what a browser needs
// to render and validate the form — field names, types, required, patterns,
// lengths, choices, privacy level — plus, for chat, the survey to show at the
// end and the wait after which alternatives are offered (R43). Nothing about
// routing (queues, rules, skills, hours) is exposed.
//
// Threads: handlers read the immutable strategy; any I/O thread.
#pragma once

#include "api/router.h"
#include "strategy/model.h"

namespace tamas::api {

// `strategy` must outlive the router.
void add_public_form_routes(Router& router, const strategy::Strategy& strategy);

// The JSON answer for one entry point; empty when it is not public.
std::string public_form_json(const strategy::Strategy& s, const std::string& entry_point);

}  // namespace tamas::api
