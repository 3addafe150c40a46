// Conformance: tenant A never sees, changes or references tenant B's rows.
#include "conformance.h"

namespace tamas::store::testing {
namespace {

template <typename Kind>
class TenantIsolation : public StoreConformance<Kind> {
 protected:
  void SetUp() override {
    StoreConformance<Kind>::SetUp();
    a = this->add_tenant("a");
    b = this->add_tenant("b");
    Store& s = *this->store;
    user = *s.users().add(User{0, a, "sara", "Sara", Role::agent, "h", false, from_millis(1)});
    agent = *s.agents().add(Agent{0, a, user, "{}", {"g"}, "{}", "sip:sara@x"});
    Customer c;
    c.tenant = a;
    c.phones = {"0912"};
    c.emails = {"s@x"};
    customer = *s.customers().add(c);
    Interaction i;
    i.tenant = a;
    i.customer = customer;
    i.arrived_at = from_millis(1);
    interaction = *s.interactions().add(i);
    strategy = *s.strategies().add(StrategyVersion{0, a, "1", "", "{}", "x", from_millis(1), 0});
    ASSERT_TRUE(s.strategies().activate(a, strategy).ok());
    ASSERT_TRUE(s.tokens().add(ApiToken{0, a, "hash", user, {}, from_millis(1), false, ""}).ok());
    ASSERT_TRUE(s.messages().append({a, interaction, 0, SenderKind::customer, "", "hi", {}}).ok());
    ASSERT_TRUE(s.events().append(Event{a, 0, "x", from_millis(1), "{}"}).ok());
  }
  TenantId a = 0, b = 0;
  RowId user = 0, agent = 0, customer = 0, interaction = 0, strategy = 0;
};
TYPED_TEST_SUITE(TenantIsolation, StoreKinds);

TYPED_TEST(TenantIsolation, ReadsFromAnotherTenantFindNothing) {
  Store& s = *this->store;
  const TenantId b = this->b;
  EXPECT_EQ(s.users().get(b, this->user).error().code, ErrorCode::not_found);
  EXPECT_FALSE(s.users().find_by_username(b, "sara").ok());
  EXPECT_TRUE(s.users().list(b)->empty());
  EXPECT_FALSE(s.agents().get(b, this->agent).ok());
  EXPECT_FALSE(s.agents().find_by_user(b, this->user).ok());
  EXPECT_TRUE(s.agents().list(b)->empty());
  EXPECT_FALSE(s.customers().get(b, this->customer).ok());
  EXPECT_TRUE(s.customers().find_by_phone(b, "0912")->empty());
  EXPECT_TRUE(s.customers().find_by_email(b, "s@x")->empty());
  EXPECT_FALSE(s.interactions().get(b, this->interaction).ok());
  EXPECT_TRUE(s.interactions().list_open(b)->empty());
  EXPECT_TRUE(s.interactions().list_by_customer(b, this->customer)->empty());
  EXPECT_TRUE(s.messages().transcript(b, this->interaction)->empty());
  EXPECT_TRUE(s.events().read_after(b, 0, 100)->empty());
  EXPECT_EQ(*s.events().last_seq(b), 0);
  EXPECT_FALSE(s.strategies().get(b, this->strategy).ok());
  EXPECT_FALSE(s.strategies().active(b).ok());
  EXPECT_TRUE(s.strategies().history(b)->empty());
  EXPECT_FALSE(s.tokens().find_by_hash(b, "hash").ok());
  EXPECT_TRUE(s.tokens().list(b)->empty());
}

TYPED_TEST(TenantIsolation, WritesAddressedToAnotherTenantChangeNothing) {
  Store& s = *this->store;
  const TenantId b = this->b;
  User u = *s.users().get(this->a, this->user);
  u.tenant = b;
  u.disabled = true;
  EXPECT_EQ(s.users().update(u).error().code, ErrorCode::not_found);
  EXPECT_FALSE(s.users().get(this->a, this->user)->disabled);
  Interaction i = *s.interactions().get(this->a, this->interaction);
  i.tenant = b;
  i.state = InteractionState::closed;
  EXPECT_EQ(s.interactions().update(i).error().code, ErrorCode::not_found);
  EXPECT_EQ(s.interactions().list_open(this->a)->size(), 1u);
  EXPECT_FALSE(s.strategies().activate(b, this->strategy).ok());
  EXPECT_FALSE(s.tokens().revoke(b, 1).ok());
  EXPECT_FALSE(s.customers().merge(b, this->customer, this->customer + 1).ok());
}

TYPED_TEST(TenantIsolation, RowsCannotPointAcrossTenants) {
  Store& s = *this->store;
  const TenantId b = this->b;
  Interaction i;
  i.tenant = b;
  i.customer = this->customer;  // tenant a's customer
  EXPECT_EQ(s.interactions().add(i).error().code, ErrorCode::invalid_argument);
  i.customer.reset();
  i.agent = this->agent;  // tenant a's agent
  EXPECT_EQ(s.interactions().add(i).error().code, ErrorCode::invalid_argument);
  EXPECT_FALSE(s.agents().add(Agent{0, b, this->user, "{}", {}, "{}", ""}).ok());
  EXPECT_FALSE(s.messages().append({b, this->interaction, 0, SenderKind::agent, "", "x", {}}).ok());
  EXPECT_FALSE(s.tokens().add(ApiToken{0, b, "h2", this->user, {}, {}, false, ""}).ok());
}

}  // namespace
}  // namespace tamas::store::testing
