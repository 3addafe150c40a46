// The desk's attended (consult) transfer of calls over HTTP (desk_routes.h).
#include "api/desk_routes.h"
#include "api/json_body.h"

namespace tamas::api {
namespace {

ConsultActions::Done answer(Respond respond, int status, std::string body) {
  return [respond, status, body = std::move(body)](const Status& st) {
    respond(st.ok() ? Response::json(status, body) : error_response(st.error()));
  };
}

// A POST without a body (an empty one, or a JSON object with no fields).
std::optional<Response> no_fields(const Request& req) {
  if (req.body.empty()) return std::nullopt;
  JsonBody body(req);
  return body.error();
}

}  // namespace

void add_consult_routes(Router& router, const Guard& guard, ConsultActions actions) {
  const std::string base = "/api/v1/agent/contacts/{contact}/consult";
  const auto p = Permission::agent_desk;
  router.post(base, guard.allow(p, [start = actions.start](const Request& req, const Principal& who,
                                                           Respond respond) {
    JsonBody body(req);
    ConsultTo to;
    to.agent = body.string("agent", false, 100).value_or("");
    to.queue = body.string("queue", false, 100).value_or("");
    to.number = body.string("number", false, 32).value_or("");
    if (!to.agent.empty() + !to.queue.empty() + !to.number.empty() != 1)
      body.problem("agent", "give exactly one of agent, queue or number");
    if (auto e = body.error()) return respond(std::move(*e));
    start(who.username, req.params.at("contact"), to,
          answer(respond, 202, R"({"ok":true,"consult":"ringing"})"));
  }));
  router.post(base + "/complete", guard.allow(p, [complete = actions.complete](const Request& req,
                                                                               const Principal& who,
                                                                               Respond respond) {
    if (auto e = no_fields(req)) return respond(std::move(*e));
    complete(who.username, req.params.at("contact"), answer(respond, 200, R"({"ok":true})"));
  }));
  router.post(base + "/cancel", guard.allow(p, [cancel = actions.cancel](const Request& req,
                                                                         const Principal& who,
                                                                         Respond respond) {
    if (auto e = no_fields(req)) return respond(std::move(*e));
    cancel(who.username, req.params.at("contact"), answer(respond, 200, R"({"ok":true})"));
  }));
}

}  // namespace tamas::api
