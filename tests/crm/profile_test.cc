// Segments follow the strategy's rules and the value score.
#include "services/crm/profile.h"
#include "fixture.h"
#include "services/crm/screen_pop.h"
#include "services/crm/value.h"

namespace tamas::testing {
namespace {

using namespace std::chrono_literals;
using services::crm::customer_value;
using services::crm::ValueFacts;

class ProfileTest : public CrmFixture {};

TEST_F(ProfileTest, SegmentIsRecomputedWhenAttributesChange) {
  const store::RowId id = add_customer("Ali", "+989123456789");
  auto c = ctx();
  auto fleet = services::crm::set_attributes(c, id, R"({"fleet_size": 12})", from_millis(1));
  ASSERT_TRUE(fleet.ok()) << fleet.error().message;
  EXPECT_EQ(fleet->segment, "fleet_owner");
  auto small = services::crm::set_attributes(c, id, R"({"fleet_size": 2})", from_millis(2));
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->segment, "provinces");
  EXPECT_EQ(db->customers().get(tenant, id)->segment, "provinces");
  auto bad = services::crm::set_attributes(c, id, "[1,2]", from_millis(3));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
}

TEST_F(ProfileTest, AValuableCustomerIsVipThroughTheValueTier) {
  const store::RowId id = add_customer("Ali", "+989123456789");
  const Instant now = from_millis(400LL * 86400 * 1000);
  for (int i = 0; i < 60; ++i) add_interaction(id, "voice", now - std::chrono::hours(24 * i + 1));
  store::CustomerAsset car;
  car.tenant = tenant;
  car.customer = id;
  car.model = "kavir_suv";
  car.amount = 30'000'000'000;
  ASSERT_TRUE(db->profiles().add_asset(car).ok());
  auto c = ctx();
  auto refreshed = services::crm::refresh_segment(c, id, now);
  ASSERT_TRUE(refreshed.ok());
  EXPECT_EQ(refreshed->segment, "vip");
  auto pop = services::crm::screen_pop(c, id, now);
  ASSERT_TRUE(pop.ok());
  EXPECT_TRUE(pop->value.tier == "platinum" || pop->value.tier == "gold") << pop->value.tier;
  EXPECT_EQ(pop->last_contacts.size(), 5u);
}

TEST(CustomerValue, RecencyFrequencyMoneyRaiseAndComplaintsLowerTheScore) {
  const Instant now = from_millis(1'000'000'000'000);
  EXPECT_EQ(customer_value(ValueFacts{}, now).tier, "bronze");
  ValueFacts loyal{now - 24h * 3, 100, 50'000'000'000, 0};
  auto best = customer_value(loyal, now);
  EXPECT_DOUBLE_EQ(best.score, 100);
  EXPECT_EQ(best.tier, "platinum");
  ValueFacts lapsed = loyal;
  lapsed.last_contact = now - 24h * 400;
  EXPECT_LT(customer_value(lapsed, now).score, best.score);
  ValueFacts unhappy = loyal;
  unhappy.complaints = 2;
  EXPECT_DOUBLE_EQ(customer_value(unhappy, now).score, 90);
  unhappy.complaints = 50;
  EXPECT_DOUBLE_EQ(customer_value(unhappy, now).score, 80) << "the penalty is capped";
}

}  // namespace
}  // namespace tamas::testing
