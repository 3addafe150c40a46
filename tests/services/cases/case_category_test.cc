// A case's category belongs to its kind: the strategy's category tree gives
// each subtree a kind, and a case of another kind cannot use it.
#include "fixture.h"
#include "services/cases/service.h"

namespace tamas::testing {
namespace {

using services::cases::CaseService;

class CaseCategoryTest : public CrmFixture {
 protected:
  void SetUp() override {
    CrmFixture::SetUp();
    service = std::make_unique<CaseService>(
        *db, tenant, services::cases::case_config_from(strategy), calendar, always);
  }
  Result<store::Case> open(const std::string& kind, const std::string& category) {
    services::cases::NewCase n;
    n.kind = kind;
    n.category = category;
    return service->open(n, agent, from_millis(1000));
  }

  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", {});
  Schedule always{"always", true, {}, {}, false};
  std::unique_ptr<CaseService> service;
};

TEST_F(CaseCategoryTest, ACategoryOfTheCaseKindOrItsSubtreeIsAccepted) {
  EXPECT_TRUE(open("complaint", "complaint/product_quality/engine").ok());
  EXPECT_TRUE(open("request", "request/recall").ok());
  EXPECT_TRUE(open("inquiry", "").ok()) << "a category is optional";
}

TEST_F(CaseCategoryTest, ACategoryOfAnotherKindIsRefusedNamingTheAllowedKind) {
  auto c = open("request", "complaint/delivery_delay");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(c.error().message.find("category 'complaint/delivery_delay'"), std::string::npos);
  EXPECT_NE(c.error().message.find("kind 'complaint'"), std::string::npos) << c.error().message;
  auto cases = db->cases().by_state(tenant, store::CaseState::new_, 10);
  ASSERT_TRUE(cases.ok());
  EXPECT_TRUE(cases->empty()) << "nothing was stored";
}

TEST_F(CaseCategoryTest, EditingMayNotMoveACaseIntoAnotherKindsCategory) {
  auto c = open("complaint", "complaint/delivery_delay");
  ASSERT_TRUE(c.ok());
  services::cases::CaseEdit e;
  e.category = "inquiry/prices";
  auto bad = service->edit(c->id, e, agent, from_millis(2000));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("kind 'inquiry'"), std::string::npos) << bad.error().message;
  e.category = "complaint/warranty";
  e.priority = 3;
  auto good = service->edit(c->id, e, agent, from_millis(3000));
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(service->get(c->id)->category, "complaint/warranty");
  auto events = db->cases().events(tenant, c->id);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->back().kind, "edited");
  EXPECT_NE(events->back().payload_json.find("complaint/warranty"), std::string::npos);
}

}  // namespace
}  // namespace tamas::testing
