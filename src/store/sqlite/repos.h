// SQLite implementations of the repositories (one .cc each). Internal.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/chat_repository.h"
#include "store/repositories.h"
#include "store/workforce_repository.h"
#include "store/sqlite/db.h"

namespace tamas::store::sqlite {

// Runs `op` inside a savepoint: all or nothing. Defined in savepoint.cc.
Status with_savepoint(Db& db, const std::function<Status()>& op);

// JSON array of strings <-> vector. Defined in json_list.cc.
std::string to_json_list(const std::vector<std::string>& items);
std::vector<std::string> from_json_list(const std::string& json);

class Tenants final : public TenantRepository {
 public:
  explicit Tenants(Db& db) : db_(db) {}
  Result<TenantId> add(const Tenant& t) override;
  Result<Tenant> get(TenantId id) override;
  Result<Tenant> find_by_slug(const std::string& slug) override;
  Result<std::vector<Tenant>> list() override;

 private:
  Db& db_;
};

class Strategies final : public StrategyRepository {
 public:
  explicit Strategies(Db& db) : db_(db) {}
  Result<RowId> add(const StrategyVersion& v) override;
  Result<StrategyVersion> get(TenantId tenant, RowId id) override;
  Result<std::vector<StrategyVersion>> history(TenantId tenant) override;
  Result<StrategyVersion> active(TenantId tenant) override;
  Status activate(TenantId tenant, RowId id) override;

 private:
  Db& db_;
};

class Users final : public UserRepository {
 public:
  explicit Users(Db& db) : db_(db) {}
  Result<RowId> add(const User& u) override;
  Result<User> get(TenantId tenant, RowId id) override;
  Result<User> find_by_username(TenantId tenant, const std::string& username) override;
  Result<std::vector<User>> list(TenantId tenant) override;
  Status update(const User& u) override;

 private:
  Db& db_;
};

class Tokens final : public ApiTokenRepository {
 public:
  explicit Tokens(Db& db) : db_(db) {}
  Result<RowId> add(const ApiToken& t) override;
  Result<ApiToken> find_by_hash(TenantId tenant, const std::string& token_hash) override;
  Result<std::vector<ApiToken>> list(TenantId tenant) override;
  Status revoke(TenantId tenant, RowId id) override;

 private:
  Db& db_;
};

class Agents final : public AgentRepository {
 public:
  explicit Agents(Db& db) : db_(db) {}
  Result<RowId> add(const Agent& a) override;
  Result<Agent> get(TenantId tenant, RowId id) override;
  Result<Agent> find_by_user(TenantId tenant, RowId user) override;
  Result<std::vector<Agent>> list(TenantId tenant) override;
  Status update(const Agent& a) override;

 private:
  Db& db_;
};

class Customers final : public CustomerRepository {
 public:
  explicit Customers(Db& db) : db_(db) {}
  Result<RowId> add(const Customer& c) override;
  Result<Customer> get(TenantId tenant, RowId id) override;
  Status update(const Customer& c) override;
  Result<std::vector<Customer>> find_by_phone(TenantId tenant, const std::string& phone) override;
  Result<std::vector<Customer>> find_by_email(TenantId tenant, const std::string& email) override;
  Status merge(TenantId tenant, RowId from, RowId into) override;

 private:
  Status write_contacts(const Customer& c);
  Status load_contacts(Customer& c);
  Result<std::vector<Customer>> find_by_contact(TenantId tenant, const char* kind,
                                                const std::string& value);
  Db& db_;
};

class Interactions final : public InteractionRepository {
 public:
  explicit Interactions(Db& db) : db_(db) {}
  Result<RowId> add(const Interaction& i) override;
  Result<Interaction> get(TenantId tenant, RowId id) override;
  Status update(const Interaction& i) override;
  Result<std::vector<Interaction>> list_open(TenantId tenant) override;
  Result<std::vector<Interaction>> list_by_customer(TenantId tenant, RowId customer) override;
  Result<std::vector<Interaction>> list_arrived(TenantId tenant, Instant from, Instant to) override;

 private:
  Db& db_;
};

class Messages final : public MessageRepository {
 public:
  explicit Messages(Db& db) : db_(db) {}
  Result<std::int64_t> append(const InteractionMessage& m) override;
  Result<std::vector<InteractionMessage>> transcript(TenantId tenant, RowId interaction) override;

 private:
  Db& db_;
};

class Events final : public EventRepository {
 public:
  explicit Events(Db& db) : db_(db) {}
  Result<std::int64_t> append(const Event& e) override;
  Result<std::vector<Event>> read_after(TenantId tenant, std::int64_t after_seq,
                                        int limit) override;
  Result<std::int64_t> last_seq(TenantId tenant) override;

 private:
  Db& db_;
};

class Sessions final : public SessionRepository {
 public:
  explicit Sessions(Db& db) : db_(db) {}
  Result<RowId> add(const Session& s) override;
  Result<Session> find_by_hash(TenantId tenant, const std::string& token_hash) override;
  Status touch(TenantId tenant, RowId id, Instant last_seen_at) override;
  Status revoke(TenantId tenant, RowId id) override;
  Result<int> revoke_user(TenantId tenant, RowId user) override;
  Result<int> purge(TenantId tenant, Instant before) override;

 private:
  Db& db_;
};

class Webhooks final : public WebhookRepository {
 public:
  explicit Webhooks(Db& db) : db_(db) {}
  Result<RowId> add(const Webhook& w) override;
  Result<Webhook> get(TenantId tenant, RowId id) override;
  Result<std::vector<Webhook>> list(TenantId tenant) override;
  Status remove(TenantId tenant, RowId id) override;
  Result<RowId> add_delivery(const WebhookDelivery& d) override;
  Result<std::vector<WebhookDelivery>> deliveries(TenantId tenant, RowId webhook,
                                                  int limit) override;

 private:
  Db& db_;
};

class Chats final : public ChatRepository {
 public:
  explicit Chats(Db& db) : db_(db) {}
  Result<RowId> add(const Chat& c) override;
  Result<Chat> find_by_token_hash(TenantId tenant, const std::string& token_hash) override;

 private:
  Db& db_;
};

class Workforce final : public WorkforceRepository {
 public:
  explicit Workforce(Db& db) : db_(db) {}
  Status record_state(const AgentStateChange& c) override;
  Result<std::vector<AgentStateChange>> state_history(TenantId tenant, Instant from,
                                                      Instant to) override;
  Status put_schedule(const PublishedSchedule& s) override;
  Result<PublishedSchedule> schedule(TenantId tenant, const std::string& day) override;

 private:
  Db& db_;
};

}  // namespace tamas::store::sqlite
