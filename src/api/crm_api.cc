#include "api/crm_api.h"

#include "api/case_routes.h"
#include "api/crm_routes.h"
#include "api/department_routes.h"
#include "api/kb_routes.h"
#include "core/log.h"

namespace tamas::api {

void add_crm_api(Router& router, const Guard& guard, CrmBackend& backend) {
  add_crm_routes(router, guard, backend);
  add_case_routes(router, guard, backend);
  add_department_routes(router, guard, backend);
  add_kb_routes(router, guard, backend);
}

CaseTicker::CaseTicker(CrmBackend& backend, std::chrono::milliseconds period)
    : backend_(backend), period_(period), thread_([this] { loop(); }) {}

CaseTicker::~CaseTicker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void CaseTicker::loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, period_, [this] { return stop_; })) {
    lock.unlock();
    auto report = backend_.tick();
    if (!report.ok())
      log(LogLevel::warn, "cases.tick_failed", {{"error", report.error().message}});
    else if (report->warnings + report->breaches + report->escalations > 0)
      log(LogLevel::info, "cases.tick", {{"warnings", report->warnings},
                                          {"breaches", report->breaches},
                                          {"escalations", report->escalations}});
    lock.lock();
  }
}

}  // namespace tamas::api
