// Plain records the store reads and writes. No behaviour, no SQL.
//
// Conventions (all tables):
// - Every record carries `tenant`; every query is scoped by tenant, and a
//   repository never returns a row of another tenant.
// - Ids are int64 assigned by the store (AUTOINCREMENT: never reused, even
//   after deletes). A record passed to add() has id 0; add() returns the id.
//   Interactions are shown to people as "I-000123" (see format_interaction_id).
// - Times are tamas::Instant (int64 milliseconds UTC in the database).
// - Fields named *_json hold JSON text; the database rejects invalid JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace tamas::store {

using TenantId = std::int64_t;
using RowId = std::int64_t;

struct Tenant {
  TenantId id = 0;
  std::string slug;  // unique, e.g. "automotive"
  std::string name;
  Instant created_at;
};

struct StrategyVersion {
  RowId id = 0;
  TenantId tenant = 0;
  std::string version;        // governance version string from the YAML
  std::string yaml;           // source text as uploaded
  std::string compiled_json;  // compiled tables
  std::string uploaded_by;
  Instant created_at;
  bool active = false;  // at most one active version per tenant
};

enum class Role { admin, supervisor, agent, backoffice };
const char* to_string(Role r);
Result<Role> parse_role(const std::string& s);

struct User {
  RowId id = 0;
  TenantId tenant = 0;
  std::string username;  // unique per tenant
  std::string display_name;
  Role role = Role::agent;
  std::string password_hash;  // argon2id encoded string; never plain text
  bool disabled = false;
  Instant created_at;
};

struct ApiToken {
  RowId id = 0;
  TenantId tenant = 0;
  std::string token_hash;  // hash of the secret; the secret is never stored
  RowId owner_user = 0;
  std::vector<std::string> scopes;
  Instant created_at;
  bool revoked = false;
  std::string name;  // what the token is for, e.g. "CRM sync"
};

struct Agent {
  RowId id = 0;
  TenantId tenant = 0;
  RowId user = 0;                  // linked login; unique per tenant
  std::string skills_json = "{}";  // {"sales": 3, ...}
  std::vector<std::string> groups;
  std::string capacities_json = "{}";  // {"chat": 3, "voice": 1}
  std::string sip_uri;                 // static device; a registered phone wins
  // Default-initialised so that brace-initialising the fields above stays
  // warning-free (-Wmissing-field-initializers).
  std::string sip_ha1{};      // digest credential MD5(username:realm:password), hex; "" = none
  std::string sip_realm{};    // the realm sip_ha1 was made for
  std::string sip_contact{};  // registered phone's contact, "" = none
  std::optional<Instant> sip_contact_until{};  // when that registration expires
};

struct Customer {
  RowId id = 0;
  TenantId tenant = 0;
  std::string first_name;
  std::string last_name;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::string province;
  std::string city;
  std::string segment;
  std::string attributes_json = "{}";
  Instant created_at;
  std::optional<RowId> merged_into;  // set when merged into another customer
};

enum class InteractionState { open, queued, offered, active, wrapup, closed, abandoned };
const char* to_string(InteractionState s);
Result<InteractionState> parse_interaction_state(const std::string& s);
// closed and abandoned are final; everything else is re-queued after a restart.
bool is_final(InteractionState s);

struct Interaction {
  RowId id = 0;
  TenantId tenant = 0;
  std::string channel;  // strategy ids: "chat", "voice", "webform", ...
  std::string type;
  std::string entry_point;
  std::optional<RowId> customer;
  std::string queue;
  InteractionState state = InteractionState::open;
  int priority = 0;
  Instant arrived_at;
  std::optional<Instant> answered_at;
  std::optional<Instant> ended_at;
  std::optional<RowId> agent;  // Agent::id (not the user id)
  std::string disposition;
  std::string notes;
  std::string fields_json = "{}";  // captured data (web form fields, IVR digits)
};

// "I-000123" (at least six digits) and back.
std::string format_interaction_id(RowId id);
Result<RowId> parse_interaction_id(const std::string& text);

enum class SenderKind { customer, agent, system };
const char* to_string(SenderKind k);
Result<SenderKind> parse_sender_kind(const std::string& s);

struct InteractionMessage {
  TenantId tenant = 0;
  RowId interaction = 0;
  std::int64_t seq = 0;  // 1, 2, ... per interaction; assigned by append()
  SenderKind sender_kind = SenderKind::customer;
  std::string sender_id;
  std::string text;
  Instant sent_at;
};

// One entry of the append-only event log. seq is 1, 2, ... per tenant,
// assigned by append(), gap-free and increasing in commit order.
struct Event {
  TenantId tenant = 0;
  std::int64_t seq = 0;
  std::string type;
  Instant at;
  std::string payload_json = "{}";
};

// A login session (browser cookie or Bearer). Valid while not revoked,
// before expires_at (absolute timeout) and within the idle timeout of
// last_seen_at (the guard decides the idle limit).
struct Session {
  RowId id = 0;
  TenantId tenant = 0;
  std::string token_hash;  // token_digest() of the secret; the secret is never stored
  RowId user = 0;
  std::string csrf_hash;   // token_digest() of the CSRF token
  Instant created_at;
  Instant expires_at;
  Instant last_seen_at;
  bool revoked = false;
};

// A webhook subscription: POST events of these types to url.
struct Webhook {
  RowId id = 0;
  TenantId tenant = 0;
  std::string url;
  std::vector<std::string> events;  // event types; "*" means all
  std::string secret;               // HMAC key for signatures ("" = unsigned)
  Instant created_at;
  bool active = true;  // false once deleted (deliveries stay on record)
};

// One delivery attempt of one event to one webhook.
struct WebhookDelivery {
  RowId id = 0;
  TenantId tenant = 0;
  RowId webhook = 0;
  std::int64_t event_seq = 0;
  std::string event_type;
  int attempt = 1;      // 1, 2, ...
  Instant at;
  int status_code = 0;  // HTTP status, 0 when no response
  bool ok = false;
  std::string error;    // what went wrong ("" when ok)
};

}  // namespace tamas::store
