// Repository decorators for FaultInjectingStore: reads pass through; writes
// ask the FaultSwitch first.
#include "store/fault_injection.h"
#include "store/fault_injection_write.h"

namespace tamas::store {

std::optional<Error> FaultSwitch::on_write() {
  seen_.fetch_add(1);
  bool fail = all_.load();
  std::int64_t n = countdown_.load();
  while (n > 0 && !countdown_.compare_exchange_weak(n, n - 1)) {
  }
  if (n == 1) fail = true;
  if (!fail) return std::nullopt;
  failed_.fetch_add(1);
  return Error::unavailable("injected write failure");
}


namespace {

class Tenants final : public TenantRepository {
 public:
  Tenants(TenantRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<TenantId> add(const Tenant& t) override { TAMAS_W(add(t)); }
  Result<Tenant> get(TenantId id) override { return in_.get(id); }
  Result<Tenant> find_by_slug(const std::string& s) override { return in_.find_by_slug(s); }
  Result<std::vector<Tenant>> list() override { return in_.list(); }

 private:
  TenantRepository& in_;
  FaultSwitch& f_;
};

class Strategies final : public StrategyRepository {
 public:
  Strategies(StrategyRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const StrategyVersion& v) override { TAMAS_W(add(v)); }
  Result<StrategyVersion> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Result<std::vector<StrategyVersion>> history(TenantId t) override { return in_.history(t); }
  Result<StrategyVersion> active(TenantId t) override { return in_.active(t); }
  Status activate(TenantId t, RowId id) override { TAMAS_W(activate(t, id)); }

 private:
  StrategyRepository& in_;
  FaultSwitch& f_;
};

class Users final : public UserRepository {
 public:
  Users(UserRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const User& u) override { TAMAS_W(add(u)); }
  Result<User> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Result<User> find_by_username(TenantId t, const std::string& n) override {
    return in_.find_by_username(t, n);
  }
  Result<std::vector<User>> list(TenantId t) override { return in_.list(t); }
  Status update(const User& u) override { TAMAS_W(update(u)); }

 private:
  UserRepository& in_;
  FaultSwitch& f_;
};

class Tokens final : public ApiTokenRepository {
 public:
  Tokens(ApiTokenRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const ApiToken& t) override { TAMAS_W(add(t)); }
  Result<ApiToken> find_by_hash(TenantId t, const std::string& h) override {
    return in_.find_by_hash(t, h);
  }
  Result<std::vector<ApiToken>> list(TenantId t) override { return in_.list(t); }
  Status revoke(TenantId t, RowId id) override { TAMAS_W(revoke(t, id)); }

 private:
  ApiTokenRepository& in_;
  FaultSwitch& f_;
};

class Agents final : public AgentRepository {
 public:
  Agents(AgentRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const Agent& a) override { TAMAS_W(add(a)); }
  Result<Agent> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Result<Agent> find_by_user(TenantId t, RowId u) override { return in_.find_by_user(t, u); }
  Result<std::vector<Agent>> list(TenantId t) override { return in_.list(t); }
  Status update(const Agent& a) override { TAMAS_W(update(a)); }

 private:
  AgentRepository& in_;
  FaultSwitch& f_;
};

class Customers final : public CustomerRepository {
 public:
  Customers(CustomerRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const Customer& c) override { TAMAS_W(add(c)); }
  Result<Customer> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Status update(const Customer& c) override { TAMAS_W(update(c)); }
  Result<std::vector<Customer>> find_by_phone(TenantId t, const std::string& p) override {
    return in_.find_by_phone(t, p);
  }
  Result<std::vector<Customer>> find_by_email(TenantId t, const std::string& e) override {
    return in_.find_by_email(t, e);
  }
  Status merge(TenantId t, RowId from, RowId into) override { TAMAS_W(merge(t, from, into)); }

 private:
  CustomerRepository& in_;
  FaultSwitch& f_;
};

class Interactions final : public InteractionRepository {
 public:
  Interactions(InteractionRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const Interaction& i) override { TAMAS_W(add(i)); }
  Result<Interaction> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Status update(const Interaction& i) override { TAMAS_W(update(i)); }
  Result<std::vector<Interaction>> list_open(TenantId t) override { return in_.list_open(t); }
  Result<std::vector<Interaction>> list_arrived(TenantId t, Instant from, Instant to) override {
    return in_.list_arrived(t, from, to);
  }
  Result<std::vector<Interaction>> list_by_customer(TenantId t, RowId c) override {
    return in_.list_by_customer(t, c);
  }

 private:
  InteractionRepository& in_;
  FaultSwitch& f_;
};

class Messages final : public MessageRepository {
 public:
  Messages(MessageRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<std::int64_t> append(const InteractionMessage& m) override { TAMAS_W(append(m)); }
  Result<std::vector<InteractionMessage>> transcript(TenantId t, RowId i) override {
    return in_.transcript(t, i);
  }

 private:
  MessageRepository& in_;
  FaultSwitch& f_;
};

class Events final : public EventRepository {
 public:
  Events(EventRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<std::int64_t> append(const Event& e) override { TAMAS_W(append(e)); }
  Result<std::vector<Event>> read_after(TenantId t, std::int64_t after, int limit) override {
    return in_.read_after(t, after, limit);
  }
  Result<std::int64_t> last_seq(TenantId t) override { return in_.last_seq(t); }

 private:
  EventRepository& in_;
  FaultSwitch& f_;
};

class Sessions final : public SessionRepository {
 public:
  Sessions(SessionRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const Session& s) override { TAMAS_W(add(s)); }
  Result<Session> find_by_hash(TenantId t, const std::string& h) override {
    return in_.find_by_hash(t, h);
  }
  Status touch(TenantId t, RowId id, Instant at) override { TAMAS_W(touch(t, id, at)); }
  Status revoke(TenantId t, RowId id) override { TAMAS_W(revoke(t, id)); }
  Result<int> revoke_user(TenantId t, RowId u) override { TAMAS_W(revoke_user(t, u)); }
  Result<int> purge(TenantId t, Instant before) override { TAMAS_W(purge(t, before)); }

 private:
  SessionRepository& in_;
  FaultSwitch& f_;
};

class Webhooks final : public WebhookRepository {
 public:
  Webhooks(WebhookRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const Webhook& w) override { TAMAS_W(add(w)); }
  Result<Webhook> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Result<std::vector<Webhook>> list(TenantId t) override { return in_.list(t); }
  Status remove(TenantId t, RowId id) override { TAMAS_W(remove(t, id)); }
  Result<RowId> add_delivery(const WebhookDelivery& d) override { TAMAS_W(add_delivery(d)); }
  Result<std::vector<WebhookDelivery>> deliveries(TenantId t, RowId w, int limit) override {
    return in_.deliveries(t, w, limit);
  }

 private:
  WebhookRepository& in_;
  FaultSwitch& f_;
};

}  // namespace

#undef TAMAS_W

struct FaultInjectingStore::Repos {
  Repos(Store& s, FaultSwitch& f)
      : tenants(s.tenants(), f),
        strategies(s.strategies(), f),
        users(s.users(), f),
        tokens(s.tokens(), f),
        agents(s.agents(), f),
        customers(s.customers(), f),
        interactions(s.interactions(), f),
        messages(s.messages(), f),
        events(s.events(), f),
        sessions(s.sessions(), f),
        webhooks(s.webhooks(), f) {}
  Tenants tenants;
  Strategies strategies;
  Users users;
  Tokens tokens;
  Agents agents;
  Customers customers;
  Interactions interactions;
  Messages messages;
  Events events;
  Sessions sessions;
  Webhooks webhooks;
};

FaultInjectingStore::FaultInjectingStore(std::unique_ptr<Store> inner)
    : inner_(std::move(inner)),
      repos_(std::make_unique<Repos>(*inner_, faults_)),
      crm_(make_crm_repos(*inner_, faults_)) {}
FaultInjectingStore::~FaultInjectingStore() = default;

TenantRepository& FaultInjectingStore::tenants() {
  return repos_->tenants;
}
StrategyRepository& FaultInjectingStore::strategies() {
  return repos_->strategies;
}
UserRepository& FaultInjectingStore::users() {
  return repos_->users;
}
ApiTokenRepository& FaultInjectingStore::tokens() {
  return repos_->tokens;
}
AgentRepository& FaultInjectingStore::agents() {
  return repos_->agents;
}
CustomerRepository& FaultInjectingStore::customers() {
  return repos_->customers;
}
InteractionRepository& FaultInjectingStore::interactions() {
  return repos_->interactions;
}
MessageRepository& FaultInjectingStore::messages() {
  return repos_->messages;
}
EventRepository& FaultInjectingStore::events() {
  return repos_->events;
}

SessionRepository& FaultInjectingStore::sessions() {
  return repos_->sessions;
}
WebhookRepository& FaultInjectingStore::webhooks() {
  return repos_->webhooks;
}

Status FaultInjectingStore::commit() {
  if (auto e = faults_.on_write()) {
    inner_->rollback();
    return *e;
  }
  return inner_->commit();
}

}  // namespace tamas::store
