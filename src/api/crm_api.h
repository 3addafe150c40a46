// One call that mounts every CRM, case, department and knowledge route
// (crm_routes.h, case_routes.h, department_routes.h, kb_routes.h), and the
// ticker that drives case SLA timers from the wall clock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "api/access.h"
#include "api/crm_backend.h"
#include "api/router.h"

namespace tamas::api {

void add_crm_api(Router& router, const Guard& guard, CrmBackend& backend);

// Calls backend.tick() every `period` on its own thread until destroyed.
// Failures are logged and retried at the next period.
class CaseTicker {
 public:
  CaseTicker(CrmBackend& backend, std::chrono::milliseconds period);
  ~CaseTicker();
  CaseTicker(const CaseTicker&) = delete;
  CaseTicker& operator=(const CaseTicker&) = delete;

 private:
  void loop();
  CrmBackend& backend_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace tamas::api
