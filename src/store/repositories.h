// Repository interfaces: one per table family. Implementations: SQLite
// (sqlite_store.h), in-memory (memory_store.h), fault-injecting decorator
// (fault_injection.h). All of them pass tests/store/conformance_*.
//
// Contract shared by every method:
// - Scoped by tenant: a row of another tenant is reported as not_found and
//   never appears in a list.
// - Errors: not_found (no such row in this tenant), already_exists (a unique
//   key is taken), invalid_argument (bad JSON, unknown reference, empty key),
//   unavailable (I/O failed; may succeed later).
// - A method with several statements is atomic (all or nothing).
// - Not thread-safe: a repository belongs to its Store, used by one thread
//   at a time (see store.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/records.h"

namespace tamas::store {

class TenantRepository {
 public:
  virtual ~TenantRepository() = default;
  virtual Result<TenantId> add(const Tenant& t) = 0;
  virtual Result<Tenant> get(TenantId id) = 0;
  virtual Result<Tenant> find_by_slug(const std::string& slug) = 0;
  virtual Result<std::vector<Tenant>> list() = 0;
};

class StrategyRepository {
 public:
  virtual ~StrategyRepository() = default;
  // Stores a version, inactive regardless of v.active.
  virtual Result<RowId> add(const StrategyVersion& v) = 0;
  virtual Result<StrategyVersion> get(TenantId tenant, RowId id) = 0;
  // Newest first.
  virtual Result<std::vector<StrategyVersion>> history(TenantId tenant) = 0;
  // not_found when the tenant has never activated a version.
  virtual Result<StrategyVersion> active(TenantId tenant) = 0;
  // Makes `id` the only active version of the tenant.
  virtual Status activate(TenantId tenant, RowId id) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<RowId> add(const User& u) = 0;
  virtual Result<User> get(TenantId tenant, RowId id) = 0;
  virtual Result<User> find_by_username(TenantId tenant, const std::string& username) = 0;
  // Ordered by username.
  virtual Result<std::vector<User>> list(TenantId tenant) = 0;
  // Replaces every field but id, tenant and created_at.
  virtual Status update(const User& u) = 0;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;
  virtual Result<RowId> add(const ApiToken& t) = 0;
  // Revoked tokens are found too; the caller checks `revoked`.
  virtual Result<ApiToken> find_by_hash(TenantId tenant, const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> list(TenantId tenant) = 0;
  virtual Status revoke(TenantId tenant, RowId id) = 0;
};

class AgentRepository {
 public:
  virtual ~AgentRepository() = default;
  virtual Result<RowId> add(const Agent& a) = 0;
  virtual Result<Agent> get(TenantId tenant, RowId id) = 0;
  virtual Result<Agent> find_by_user(TenantId tenant, RowId user) = 0;
  virtual Result<std::vector<Agent>> list(TenantId tenant) = 0;
  virtual Status update(const Agent& a) = 0;
};

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  virtual Result<RowId> add(const Customer& c) = 0;
  virtual Result<Customer> get(TenantId tenant, RowId id) = 0;
  // Replaces every field but id, tenant, created_at and merged_into.
  virtual Status update(const Customer& c) = 0;
  // Exact match on a stored phone / email; merged customers are skipped.
  virtual Result<std::vector<Customer>> find_by_phone(TenantId tenant,
                                                      const std::string& phone) = 0;
  virtual Result<std::vector<Customer>> find_by_email(TenantId tenant,
                                                      const std::string& email) = 0;
  // Marks `from` as merged into `into`; both must exist and differ.
  virtual Status merge(TenantId tenant, RowId from, RowId into) = 0;
};

class InteractionRepository {
 public:
  virtual ~InteractionRepository() = default;
  virtual Result<RowId> add(const Interaction& i) = 0;
  virtual Result<Interaction> get(TenantId tenant, RowId id) = 0;
  // Replaces every field but id, tenant and arrived_at.
  virtual Status update(const Interaction& i) = 0;
  // Recovery after a restart: every interaction not closed/abandoned,
  // ordered by arrival time (then id).
  virtual Result<std::vector<Interaction>> list_open(TenantId tenant) = 0;
  // A customer's timeline, oldest first.
  virtual Result<std::vector<Interaction>> list_by_customer(TenantId tenant, RowId customer) = 0;
  // Every interaction that arrived in [from, to), by arrival time (then id).
  virtual Result<std::vector<Interaction>> list_arrived(TenantId tenant, Instant from,
                                                        Instant to) = 0;
};

class MessageRepository {
 public:
  virtual ~MessageRepository() = default;
  // Assigns and returns the next seq of the interaction (m.seq is ignored).
  virtual Result<std::int64_t> append(const InteractionMessage& m) = 0;
  // In seq order.
  virtual Result<std::vector<InteractionMessage>> transcript(TenantId tenant,
                                                             RowId interaction) = 0;
};

class EventRepository {
 public:
  virtual ~EventRepository() = default;
  // Assigns and returns the tenant's next seq (e.seq is ignored).
  virtual Result<std::int64_t> append(const Event& e) = 0;
  // Events with seq > after_seq, in seq order, at most `limit`.
  virtual Result<std::vector<Event>> read_after(TenantId tenant, std::int64_t after_seq,
                                                int limit) = 0;
  // 0 when the tenant has no events.
  virtual Result<std::int64_t> last_seq(TenantId tenant) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Result<RowId> add(const Session& s) = 0;
  // Revoked and expired sessions are found too; the caller checks.
  virtual Result<Session> find_by_hash(TenantId tenant, const std::string& token_hash) = 0;
  virtual Status touch(TenantId tenant, RowId id, Instant last_seen_at) = 0;
  virtual Status revoke(TenantId tenant, RowId id) = 0;
  // Revokes every session of the user; returns how many were active.
  virtual Result<int> revoke_user(TenantId tenant, RowId user) = 0;
  // Deletes sessions that expired or were revoked before `before`.
  virtual Result<int> purge(TenantId tenant, Instant before) = 0;
};

class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;
  virtual Result<RowId> add(const Webhook& w) = 0;
  virtual Result<Webhook> get(TenantId tenant, RowId id) = 0;
  // Active webhooks only, by id.
  virtual Result<std::vector<Webhook>> list(TenantId tenant) = 0;
  // Deactivates; not_found for an unknown or already removed webhook.
  virtual Status remove(TenantId tenant, RowId id) = 0;
  virtual Result<RowId> add_delivery(const WebhookDelivery& d) = 0;
  // Newest first, at most `limit`.
  virtual Result<std::vector<WebhookDelivery>> deliveries(TenantId tenant, RowId webhook,
                                                          int limit) = 0;
};

}  // namespace tamas::store
