// Conformance: login sessions, webhooks and their delivery log.
#include "conformance.h"

namespace tamas::store::testing {
namespace {

template <typename Kind>
class AuthConformance : public StoreConformance<Kind> {
 protected:
  RowId add_user(TenantId t, const std::string& name) {
    auto id = this->store->users().add(
        User{0, t, name, name, Role::agent, "$argon2id$hash", false, from_millis(1)});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return *id;
  }
  Session session(TenantId t, RowId user, const std::string& hash) {
    return Session{0,
                   t,
                   hash,
                   user,
                   "csrf-" + hash,
                   from_millis(100),
                   from_millis(10'000),
                   from_millis(100),
                   false};
  }
};
TYPED_TEST_SUITE(AuthConformance, StoreKinds);

TYPED_TEST(AuthConformance, ASessionIsFoundByItsTokenDigestOnlyInItsTenant) {
  TenantId a = this->add_tenant("a");
  TenantId b = this->add_tenant("b");
  RowId u = this->add_user(a, "sara");
  auto& repo = this->store->sessions();
  auto id = repo.add(this->session(a, u, "h1"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto found = repo.find_by_hash(a, "h1");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->user, u);
  EXPECT_EQ(found->csrf_hash, "csrf-h1");
  EXPECT_EQ(found->expires_at, from_millis(10'000));
  EXPECT_FALSE(found->revoked);
  EXPECT_EQ(repo.find_by_hash(b, "h1").error().code, ErrorCode::not_found);
  EXPECT_EQ(repo.add(this->session(a, u, "h1")).error().code, ErrorCode::already_exists);
}

TYPED_TEST(AuthConformance, ASessionOfAnUnknownUserIsRejected) {
  TenantId a = this->add_tenant("a");
  auto r = this->store->sessions().add(this->session(a, 4242, "h"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
}

TYPED_TEST(AuthConformance, TouchRevokeAndRevokeAllOfAUser) {
  TenantId a = this->add_tenant("a");
  RowId u = this->add_user(a, "sara");
  RowId other = this->add_user(a, "omid");
  auto& repo = this->store->sessions();
  RowId s1 = *repo.add(this->session(a, u, "h1"));
  ASSERT_TRUE(repo.add(this->session(a, u, "h2")).ok());
  ASSERT_TRUE(repo.add(this->session(a, other, "h3")).ok());
  ASSERT_TRUE(repo.touch(a, s1, from_millis(500)).ok());
  EXPECT_EQ(repo.find_by_hash(a, "h1")->last_seen_at, from_millis(500));
  ASSERT_TRUE(repo.revoke(a, s1).ok());
  EXPECT_TRUE(repo.find_by_hash(a, "h1")->revoked);
  EXPECT_EQ(*repo.revoke_user(a, u), 1) << "only h2 was still active";
  EXPECT_TRUE(repo.find_by_hash(a, "h2")->revoked);
  EXPECT_FALSE(repo.find_by_hash(a, "h3")->revoked);
  EXPECT_EQ(repo.revoke(a, 999).error().code, ErrorCode::not_found);
}

TYPED_TEST(AuthConformance, PurgeDeletesExpiredAndLongRevokedSessions) {
  TenantId a = this->add_tenant("a");
  RowId u = this->add_user(a, "sara");
  auto& repo = this->store->sessions();
  auto expired = this->session(a, u, "old");
  expired.expires_at = from_millis(200);
  ASSERT_TRUE(repo.add(expired).ok());
  RowId revoked = *repo.add(this->session(a, u, "revoked"));
  ASSERT_TRUE(repo.revoke(a, revoked).ok());
  ASSERT_TRUE(repo.add(this->session(a, u, "live")).ok());
  EXPECT_EQ(*repo.purge(a, from_millis(300)), 2);
  EXPECT_EQ(repo.find_by_hash(a, "old").error().code, ErrorCode::not_found);
  EXPECT_TRUE(repo.find_by_hash(a, "live").ok());
}

TYPED_TEST(AuthConformance, WebhooksAreListedUntilRemoved) {
  TenantId a = this->add_tenant("a");
  TenantId b = this->add_tenant("b");
  auto& repo = this->store->webhooks();
  Webhook w{0, a, "http://127.0.0.1:9/hook", {"offer", "message"}, "s3cret", from_millis(7), true};
  RowId id = *repo.add(w);
  auto got = repo.get(a, id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->url, w.url);
  EXPECT_EQ(got->events, w.events);
  EXPECT_EQ(got->secret, "s3cret");
  EXPECT_EQ(repo.get(b, id).error().code, ErrorCode::not_found);
  EXPECT_TRUE(repo.list(b)->empty());
  ASSERT_EQ(repo.list(a)->size(), 1u);
  ASSERT_TRUE(repo.remove(a, id).ok());
  EXPECT_TRUE(repo.list(a)->empty());
  EXPECT_EQ(repo.get(a, id).error().code, ErrorCode::not_found);
  EXPECT_EQ(repo.remove(a, id).error().code, ErrorCode::not_found);
}

TYPED_TEST(AuthConformance, DeliveriesAreLoggedNewestFirst) {
  TenantId a = this->add_tenant("a");
  auto& repo = this->store->webhooks();
  RowId hook = *repo.add(Webhook{0, a, "http://x/", {"*"}, "", from_millis(1), true});
  for (int attempt = 1; attempt <= 3; ++attempt) {
    WebhookDelivery d{0,
                      a,
                      hook,
                      5,
                      "offer",
                      attempt,
                      from_millis(attempt * 10),
                      attempt < 3 ? 500 : 200,
                      attempt == 3,
                      attempt < 3 ? "HTTP 500" : ""};
    ASSERT_TRUE(repo.add_delivery(d).ok());
  }
  auto log = repo.deliveries(a, hook, 2);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].attempt, 3);
  EXPECT_TRUE((*log)[0].ok);
  EXPECT_EQ((*log)[1].status_code, 500);
  EXPECT_EQ((*log)[1].error, "HTTP 500");
  EXPECT_EQ((*log)[1].event_seq, 5);
  auto bad = repo.add_delivery(WebhookDelivery{0, a, 999, 1, "x", 1, from_millis(1), 0, false, ""});
  EXPECT_FALSE(bad.ok()) << "a delivery of an unknown webhook is refused";
}

}  // namespace
}  // namespace tamas::store::testing

namespace tamas::store::testing {
namespace {

TYPED_TEST(AuthConformance, AnApiTokenKeepsItsName) {
  TenantId a = this->add_tenant("a");
  RowId u = this->add_user(a, "admin");
  ApiToken t{0, a, "digest", u, {"supervise"}, from_millis(3), false, "CRM sync"};
  ASSERT_TRUE(this->store->tokens().add(t).ok());
  auto found = this->store->tokens().find_by_hash(a, "digest");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "CRM sync");
  EXPECT_EQ(found->scopes, std::vector<std::string>{"supervise"});
}

}  // namespace
}  // namespace tamas::store::testing
