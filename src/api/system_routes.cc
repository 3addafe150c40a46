#include "api/system_routes.h"

namespace tamas::api {

void add_system_routes(Router& router, SystemInfo info, const Guard& guard) {
  auto shared = std::make_shared<const SystemInfo>(std::move(info));
  router.get("/health", sync([shared](const Request&) {
    const std::string problem = shared->health_problem ? shared->health_problem() : "";
    if (!problem.empty())
      return Response::json(503, "{\"status\":\"unavailable\",\"problem\":\"" + json_escape(problem) + "\"}");
    return Response::json(200, "{\"status\":\"ok\"}");
  }));
  router.get("/version", sync([shared](const Request&) {
    return Response::json(200, "{\"name\":\"tamas\",\"version\":\"" + json_escape(shared->version) + "\"}");
  }));
  router.get("/api/v1/strategy",
             guard.allow(Permission::view_strategy,
                         [shared](const Request&, const Principal&, Respond respond) {
                           auto json = shared->strategy_json ? shared->strategy_json() : nullptr;
                           if (!json)
                             return respond(Response::error(404, "not_found", "no strategy is active"));
                           respond(Response::json(200, *json));
                         }));
  router.get("/api/v1/openapi.json", sync([](const Request&) {
    return Response::json(200, openapi_document());
  }));
}

}  // namespace tamas::api
