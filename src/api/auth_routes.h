// Logging in and out, and who am I:
//   POST /api/v1/auth/login   {username, password}   public, rate-limited
//   POST /api/v1/auth/logout                          authenticated
//   GET  /api/v1/me                                   authenticated
// Login answers the same 401 for an unknown user and a wrong password (and
// spends the same argon2 time on both). Attempts are limited per remote
// address and failures per username (429 with Retry-After).
#pragma once

#include "api/accounts_db.h"
#include "api/router.h"
#include "api/session_guard.h"
#include "api/slow_work.h"
#include "core/time.h"

namespace tamas::api {

struct LoginLimits {
  double per_address_burst = 30;
  double per_address_per_minute = 30;
  double failures_per_user_burst = 5;
  double failures_per_user_per_minute = 5;
};

struct AccountServices {
  AccountsDb& db;
  const SessionGuard& guard;
  const Clock& clock;
  // Where password hashing runs (slow_work.h); null: on the calling thread.
  SlowWork* slow = nullptr;
};

// Runs `work` on services.slow (or inline without one) and responds with
// its answer; 503 when the slow-work queue is full.
void respond_slowly(const AccountServices& services, Respond respond,
                    std::function<Response()> work);

void add_auth_routes(Router& router, AccountServices services, LoginLimits limits = {});

// {"id":1,"username":"sara","display_name":"Sara","role":"agent"} (JSON text)
std::string user_summary_json(store::RowId id, const std::string& username,
                              const std::string& display_name, store::Role role);

}  // namespace tamas::api
