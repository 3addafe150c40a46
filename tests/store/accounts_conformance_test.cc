// Conformance: tenants, strategy versions, users, API tokens, agents.
#include "conformance.h"

namespace tamas::store::testing {
namespace {

template <typename Kind>
class AccountsConformance : public StoreConformance<Kind> {};
TYPED_TEST_SUITE(AccountsConformance, StoreKinds);

User make_user(TenantId t, const std::string& name, Role role = Role::agent) {
  return User{0, t, name, "Name of " + name, role, "$argon2id$hash", false, from_millis(5)};
}

TYPED_TEST(AccountsConformance, TenantsAreFoundBySlugAndSlugsAreUnique) {
  TenantId a = this->add_tenant("automotive");
  this->add_tenant("gas");
  auto found = this->store->tenants().find_by_slug("automotive");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, a);
  EXPECT_EQ(found->name, "Org automotive");
  EXPECT_EQ(found->created_at, from_millis(1000));
  auto dup = this->store->tenants().add(Tenant{0, "gas", "Again", from_millis(1)});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::already_exists);
  EXPECT_EQ(this->store->tenants().list()->size(), 2u);
  EXPECT_EQ(this->store->tenants().get(9999).error().code, ErrorCode::not_found);
}

TYPED_TEST(AccountsConformance, StrategyHistoryIsNewestFirstAndOnlyOneVersionIsActive) {
  TenantId t = this->add_tenant("automotive");
  auto& repo = this->store->strategies();
  EXPECT_EQ(repo.active(t).error().code, ErrorCode::not_found);
  StrategyVersion v{
      0, t, "2026.1", "organisation: {}\n", "{\"queues\":[]}", "admin", from_millis(10), true};
  auto v1 = repo.add(v);
  v.version = "2026.2";
  v.created_at = from_millis(20);
  auto v2 = repo.add(v);
  ASSERT_TRUE(v1.ok() && v2.ok());
  EXPECT_FALSE(repo.get(t, *v1)->active) << "add() stores versions inactive";

  ASSERT_TRUE(repo.activate(t, *v1).ok());
  ASSERT_TRUE(repo.activate(t, *v2).ok());
  EXPECT_EQ(repo.active(t)->version, "2026.2");
  auto history = repo.history(t);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].id, *v2);
  EXPECT_FALSE((*history)[1].active);
  EXPECT_EQ((*history)[1].yaml, "organisation: {}\n");

  EXPECT_EQ(repo.activate(t, 4242).error().code, ErrorCode::not_found);
  EXPECT_EQ(repo.active(t)->id, *v2) << "a failed activate keeps the old version active";
}

TYPED_TEST(AccountsConformance, StrategyWithInvalidCompiledJsonIsRejected) {
  TenantId t = this->add_tenant("automotive");
  auto r = this->store->strategies().add(
      StrategyVersion{0, t, "1", "x: 1", "{not json", "admin", from_millis(1), false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
}

TYPED_TEST(AccountsConformance, UsernamesAreUniquePerTenantNotGlobally) {
  TenantId a = this->add_tenant("a");
  TenantId b = this->add_tenant("b");
  auto& users = this->store->users();
  ASSERT_TRUE(users.add(make_user(a, "sara")).ok());
  EXPECT_EQ(users.add(make_user(a, "sara")).error().code, ErrorCode::already_exists);
  EXPECT_TRUE(users.add(make_user(b, "sara")).ok());
}

TYPED_TEST(AccountsConformance, UserUpdateChangesRolePasswordAndDisabled) {
  TenantId t = this->add_tenant("a");
  auto& users = this->store->users();
  auto id = users.add(make_user(t, "reza", Role::agent));
  ASSERT_TRUE(id.ok());
  User u = *users.get(t, *id);
  EXPECT_EQ(u.role, Role::agent);
  u.role = Role::supervisor;
  u.password_hash = "$argon2id$new";
  u.disabled = true;
  ASSERT_TRUE(users.update(u).ok());
  User back = *users.find_by_username(t, "reza");
  EXPECT_EQ(back.role, Role::supervisor);
  EXPECT_EQ(back.password_hash, "$argon2id$new");
  EXPECT_TRUE(back.disabled);
  EXPECT_EQ(back.created_at, from_millis(5));
  ASSERT_TRUE(users.add(make_user(t, "ali", Role::admin)).ok());
  auto all = users.list(t);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].username, "ali");
}

TYPED_TEST(AccountsConformance, ApiTokensAreFoundByHashAndCanBeRevoked) {
  TenantId t = this->add_tenant("a");
  RowId owner = *this->store->users().add(make_user(t, "crm-bot", Role::admin));
  auto& tokens = this->store->tokens();
  auto id = tokens.add(
      ApiToken{0, t, "h1", owner, {"interactions:read", "webhooks"}, from_millis(7), false, ""});
  ASSERT_TRUE(id.ok()) << id.error().message;
  ApiToken tok = *tokens.find_by_hash(t, "h1");
  EXPECT_EQ(tok.owner_user, owner);
  EXPECT_EQ(tok.scopes, (std::vector<std::string>{"interactions:read", "webhooks"}));
  ASSERT_TRUE(tokens.revoke(t, *id).ok());
  EXPECT_TRUE(tokens.find_by_hash(t, "h1")->revoked);
  EXPECT_EQ(tokens.find_by_hash(t, "nope").error().code, ErrorCode::not_found);
  auto orphan = tokens.add(ApiToken{0, t, "h2", 9999, {}, from_millis(7), false, ""});
  EXPECT_EQ(orphan.error().code, ErrorCode::invalid_argument) << "owner must exist";
}

TYPED_TEST(AccountsConformance, AgentsKeepSkillsGroupsAndCapacities) {
  TenantId t = this->add_tenant("a");
  RowId user = *this->store->users().add(make_user(t, "maryam"));
  auto& agents = this->store->agents();
  Agent a{0,
          t,
          user,
          R"({"sales":3,"warranty":5})",
          {"after-sales", "vip \"desk\""},
          R"({"chat":3,"voice":1})",
          "sip:maryam@tamas.local"};
  auto id = agents.add(a);
  ASSERT_TRUE(id.ok()) << id.error().message;
  Agent back = *agents.find_by_user(t, user);
  EXPECT_EQ(back.id, *id);
  EXPECT_EQ(back.skills_json, a.skills_json);
  EXPECT_EQ(back.groups, a.groups);
  EXPECT_EQ(back.capacities_json, a.capacities_json);
  back.sip_uri = "sip:m2@tamas.local";
  back.groups = {};
  ASSERT_TRUE(agents.update(back).ok());
  EXPECT_EQ(agents.get(t, *id)->sip_uri, "sip:m2@tamas.local");
  EXPECT_TRUE(agents.get(t, *id)->groups.empty());
  EXPECT_EQ(agents.list(t)->size(), 1u);
  EXPECT_EQ(agents.add(a).error().code, ErrorCode::already_exists) << "one agent per user";
}

}  // namespace
}  // namespace tamas::store::testing
