#include "api/form_routes.h"

#include "api/json_body.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

Response receipt_response(const services::IntakeReceipt& r) {
  json::object o{{"interaction", r.interaction}, {"type", r.type},   {"segment", r.segment},
                 {"priority", r.priority},       {"status", r.queue.empty() ? "received" : "queued"}};
  if (!r.queue.empty()) o["queue"] = r.queue;
  return Response::json(201, json::serialize(o));
}

}  // namespace

void add_form_routes(Router& router, services::Intake& intake) {
  router.post("/api/v1/forms/{entry_point}", [&intake](const Request& req, Respond respond) {
    JsonBody body(req);
    auto fields = body.string_map("fields", /*required=*/true);
    if (auto e = body.error()) return respond(std::move(*e));
    services::FormSubmission form{req.params.at("entry_point"), std::move(*fields)};
    intake.submit_form(std::move(form), [respond](services::IntakeOutcome out) {
      using Kind = services::IntakeOutcome::Kind;
      switch (out.kind) {
        case Kind::accepted: return respond(receipt_response(out.receipt));
        case Kind::unknown_entry_point: return respond(Response::error(404, "not_found", out.message));
        case Kind::invalid_fields: return respond(field_problems_response(out.check.problems));
        case Kind::store_failed:
          return respond(Response::error(503, "unavailable", "could not store the submission; try again"));
      }
    });
  });
}

}  // namespace tamas::api
