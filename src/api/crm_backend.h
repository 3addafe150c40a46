// What the CRM, case and knowledge-base routes work on: one Store
// connection, the strategy, the case service and the knowledge base of the
// server's tenant, behind one mutex.
//
// Threads: handlers run on any I/O thread; run() serialises them on the
// backend's own connection (SQLite WAL: it reads beside the store writer,
// and its short write transactions wait on the busy timeout). tick() is for
// the server's timer thread. Owned by the serve context; outlives the router.
#pragma once

#include <memory>
#include <mutex>

#include "api/access.h"
#include "core/calendar.h"
#include "services/cases/service.h"
#include "services/crm/context.h"
#include "services/kb/knowledge_base.h"
#include "store/store.h"
#include "strategy/model.h"

namespace tamas::api {

class CrmBackend {
 public:
  // `strategy`, `calendar`, `hours` and `clock` must outlive the backend.
  CrmBackend(std::unique_ptr<store::Store> db, const strategy::Strategy& strategy,
             store::TenantId tenant, const BusinessCalendar& calendar, const Schedule& hours,
             const Clock& clock);

  struct Parts {
    store::Store& store;
    services::crm::CrmContext crm;
    services::cases::CaseService& cases;
    services::kb::KnowledgeBase& kb;
    const strategy::Strategy& strategy;
    Instant now;
  };

  // Calls fn(Parts&) under the lock and returns what it returns.
  template <typename F>
  auto run(F&& fn) {
    std::lock_guard<std::mutex> lock(mu_);
    Parts parts{*db_, {*db_, strategy_, tenant_}, cases_, kb_, strategy_, clock_.now()};
    return fn(parts);
  }

  store::TenantId tenant() const { return tenant_; }
  // SLA warnings/breaches and forward escalation as of the clock's now.
  Result<services::cases::TickReport> tick();

 private:
  std::mutex mu_;
  std::unique_ptr<store::Store> db_;
  const strategy::Strategy& strategy_;
  store::TenantId tenant_;
  services::cases::CaseService cases_;
  services::kb::KnowledgeBase kb_;
  const Clock& clock_;
};

// A route handler that runs under the backend's lock. Requests of a tenant
// other than the backend's answer 404 (nothing of theirs is here).
using CrmHandler = std::function<Response(const Request&, const Principal&, CrmBackend::Parts&)>;
AuthedHandler on_backend(CrmBackend& backend, CrmHandler fn);

}  // namespace tamas::api
