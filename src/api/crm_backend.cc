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

}  // namespace tamas::api
