// Who may do what: permissions, the role → permission matrix, and the Guard
// every protected route goes through.
//
// Contract for route authors: register a protected endpoint as
//   router.get("/api/v1/x", guard.allow(Permission::supervise, handler));
// The guard authenticates the request (session cookie or Bearer token; see
// the Guard implementation for CSRF and token scopes), answers 401 when
// nobody is logged in and 403 when the role lacks the permission, and only
// then calls the handler with the Principal. Handlers must still scope every
// read and write by principal.tenant, and check ownership (an agent acts only
// on its own contacts; back-office only on its department's cases).
//
// docs/api/openapi.json lists the permission of every operation
// (x-permission); tests walk that matrix role by role.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "api/http.h"
#include "store/records.h"

namespace tamas::api {

enum class Permission {
  authenticated,     // any logged-in user or token
  view_strategy,     // read the active strategy
  manage_strategy,   // upload / activate strategy versions
  manage_users,      // users, roles, agents' skills and groups
  manage_tokens,     // API tokens for integrations
  manage_webhooks,   // webhook subscriptions and delivery log
  agent_desk,        // own agent session: state, offers, contacts, messages
  supervise,         // all agents' and queues' live state; change agent states
  handle_cases,      // customers and cases of the contact center
  department_cases,  // cases forwarded to the user's department
  view_sensitive,    // unmasked sensitive customer fields (national id, ...)
  plan_workforce,    // forecasts, staffing, schedules, simulations
  manage_knowledge,  // edit knowledge-base articles
  read_knowledge,    // search and read articles
};

const char* to_string(Permission p);
std::optional<Permission> parse_permission(std::string_view name);
const std::vector<Permission>& all_permissions();

// The fixed matrix of roles to permissions (R27).
bool permits(store::Role role, Permission p);

// The authenticated caller of a request.
struct Principal {
  store::TenantId tenant = 0;
  store::RowId user = 0;
  std::string username;
  store::Role role = store::Role::agent;
  // Set for API tokens: the token may use only these permissions (empty: all
  // of its owner's).
  std::optional<std::vector<Permission>> scopes;
  bool cookie_session = false;  // browser session (CSRF-checked)

  bool may(Permission p) const;
};

using AuthedHandler = std::function<void(const Request&, const Principal&, Respond)>;

class Guard {
 public:
  virtual ~Guard() = default;
  // The caller of `req`, or the response to refuse it with (401 with a JSON
  // error naming what is wrong: missing, malformed, expired or revoked
  // credentials; 403 for a failed CSRF check). Thread-safe.
  virtual std::variant<Principal, Response> authenticate(const Request& req) const = 0;

  // A handler that authenticates, checks `p` (403 naming the role and the
  // permission when refused), then calls `h`.
  Handler allow(Permission p, AuthedHandler h) const;
  // The same check for a WebSocket upgrade: the principal, or the refusal.
  std::variant<Principal, Response> check(const Request& req, Permission p) const;
};

}  // namespace tamas::api
