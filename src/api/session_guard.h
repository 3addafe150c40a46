// SessionGuard: the Guard of `tamas serve` (see access.h for the contract).
//
// Credentials, in order of precedence:
//  1. `Authorization: Bearer <secret>` — a login session token ("tms_...")
//     or an API token ("tmt_..."). Not CSRF-checked: browsers never send it
//     on their own.
//  2. Cookie `tamas_session=<session token>` (HttpOnly; SameSite=Strict;
//     Path=/). POST, PUT, PATCH and DELETE must carry `X-CSRF-Token` equal to
//     the session's CSRF token (returned at login), else 403.
//  3. For WebSocket upgrades only: `?access_token=<secret>`.
// Sessions end at logout, after `idle_timeout` without requests, and
// `absolute_timeout` after login. Tokens end when revoked. A disabled user's
// sessions and tokens are refused.
//
// Verified credentials are cached in memory by token digest, so an
// authenticated read costs one SHA-256 and a shared-lock lookup; the store is
// asked only on a miss. The cache is invalidated by close_session(),
// forget_token() and forget_user(), which the account endpoints call on
// logout, revocation, role change, password change and disabling.
// Last-seen times are written back at most every `touch_interval`.
//
// Threads: every method is thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api/access.h"
#include "api/accounts_db.h"
#include "core/result.h"
#include "core/time.h"

namespace tamas::api {

struct SessionPolicy {
  Duration idle_timeout = std::chrono::minutes(30);
  Duration absolute_timeout = std::chrono::hours(12);
  Duration touch_interval = std::chrono::minutes(1);  // REQUIRES: < idle_timeout
  bool secure_cookie = false;                         // add `Secure` (set when served over https)
  std::size_t max_cached = 100'000;
};

inline constexpr const char* kSessionCookie = "tamas_session";
inline constexpr const char* kSessionPrefix = "tms_";
inline constexpr const char* kApiTokenPrefix = "tmt_";

struct NewSession {
  store::RowId id = 0;
  std::string token;       // secret; shown once
  std::string csrf_token;  // secret; shown once
  Instant expires_at;
};

class SessionGuard final : public Guard {
 public:
  SessionGuard(AccountsDb& db, store::TenantId tenant, const Clock& clock, SessionPolicy policy);
  ~SessionGuard() override;

  std::variant<Principal, Response> authenticate(const Request& req) const override;

  // Starts a session for `user` (already verified and not disabled).
  Result<NewSession> open_session(const store::User& user) const;
  // Revokes the session `principal` was authenticated by.
  Status close_session(const Principal& principal) const;
  // Drops cached credentials so the next request reloads them from the store.
  void forget_user(store::RowId user) const;
  void forget_token(store::RowId token) const;

  // Set-Cookie values for a new session and for logging out.
  std::string session_cookie(const NewSession& s) const;
  std::string clearing_cookie() const;

  const SessionPolicy& policy() const { return policy_; }
  store::TenantId tenant() const { return tenant_; }

 private:
  struct Entry;
  using EntryPtr = std::shared_ptr<Entry>;
  std::variant<EntryPtr, Response> lookup(const std::string& secret, Instant now) const;
  std::variant<EntryPtr, Response> load_session(const std::string& digest, Instant now) const;
  std::variant<EntryPtr, Response> load_token(const std::string& digest) const;
  std::optional<Response> still_valid(Entry& e, const std::string& digest, Instant now) const;
  void remember(const std::string& digest, EntryPtr e) const;
  void forget_if(const std::function<bool(const Entry&)>& pred) const;

  AccountsDb& db_;
  const store::TenantId tenant_;
  const Clock& clock_;
  const SessionPolicy policy_;
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, EntryPtr> cache_;  // by token digest
};

}  // namespace tamas::api
