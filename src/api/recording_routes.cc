#include "api/recording_routes.h"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "api/route_helpers.h"

namespace tamas::api {
namespace {

struct RecordingRef {
  std::string path;   // "" = none
  std::string agent;  // username of the agent who handled the call
};

std::optional<RecordingRef> recording_of(AccountsDb& db, store::TenantId tenant, store::RowId id) {
  auto row = db.with([&](store::Store& s) { return s.interactions().get(tenant, id); });
  if (!row) return std::nullopt;
  RecordingRef ref;
  boost::system::error_code ec;
  auto fields = boost::json::parse(row->fields_json, ec);
  if (ec || !fields.is_object()) return ref;
  const auto& f = fields.as_object();
  if (const auto* p = f.if_contains("recording"); p && p->is_string())
    ref.path = std::string(p->as_string());
  if (const auto* a = f.if_contains("recording_agent"); a && a->is_string())
    ref.agent = std::string(a->as_string());
  return ref;
}

Response not_found() {
  return Response::error(404, "not_found", "no recording for this interaction");
}

}  // namespace

void add_recording_routes(Router& router, const Guard& guard, AccountsDb& db) {
  router.get(
      "/api/v1/interactions/{id}/recording",
      guard.allow(Permission::authenticated, [&db](const Request& req, const Principal& who,
                                                   Respond respond) {
        auto id = store::parse_interaction_id(req.params.at("id"));
        if (!id) return respond(not_found());
        auto ref = recording_of(db, who.tenant, *id);
        if (!ref) return respond(not_found());
        // Who may listen is decided before whether a file exists,
        // so nobody learns which calls were recorded.
        if (!who.may(Permission::supervise) && (ref->agent.empty() || ref->agent != who.username))
          return respond(Response::error(403, "forbidden",
                                         "only supervisors and the agent who handled the call may "
                                         "listen to its recording"));
        if (ref->path.empty()) return respond(not_found());
        std::ifstream in(ref->path, std::ios::binary);
        if (!in) return respond(not_found());
        std::ostringstream body;
        body << in.rdbuf();
        Response r;
        r.status = 200;
        r.content_type = "audio/wav";
        r.body = body.str();
        r.headers.emplace_back("Cache-Control", "private, no-store");
        respond(std::move(r));
      }));
}

}  // namespace tamas::api
