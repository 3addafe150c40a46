#include "api/crm_backend.h"

#include <charconv>

namespace tamas::api {

CrmBackend::CrmBackend(std::unique_ptr<store::Store> db, const strategy::Strategy& strategy,
                       store::TenantId tenant, const BusinessCalendar& calendar,
                       const Schedule& hours, const Clock& clock)
    : db_(std::move(db)),
      strategy_(strategy),
      tenant_(tenant),
      cases_(*db_, tenant, services::cases::case_config_from(strategy), calendar, hours),
      kb_(*db_, tenant),
      clock_(clock) {}

Result<services::cases::TickReport> CrmBackend::tick() {
  return run([](Parts& p) { return p.cases.tick(p.now); });
}

AuthedHandler on_backend(CrmBackend& backend, CrmHandler fn) {
  return [&backend, fn = std::move(fn)](const Request& req, const Principal& p, Respond respond) {
    if (p.tenant != backend.tenant())
      return respond(Response::error(404, "not_found", "nothing of this tenant here"));
    respond(backend.run([&](CrmBackend::Parts& parts) { return fn(req, p, parts); }));
  };
}

std::optional<store::RowId> path_id(const Request& req, const char* name) {
  auto it = req.params.find(name);
  if (it == req.params.end()) return std::nullopt;
  store::RowId id = 0;
  const std::string& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace tamas::api
