// Identity resolution: a caller is recognised however the number is typed.
#include "services/crm/identity.h"
#include "fixture.h"

namespace tamas::testing {
namespace {

using services::crm::ContactKeys;
using services::crm::MatchedBy;

class IdentityTest : public CrmFixture {};

TEST_F(IdentityTest, MessyPhoneSpellingsAllFindTheSameCustomer) {
  const store::RowId ali = add_customer("Ali", "+989123456789");
  add_customer("Sara", "+989121111111");
  auto c = ctx();
  for (const char* typed : {"09123456789", "+98 912 345 6789", "0098-912-345-6789", "۰۹۱۲۳۴۵۶۷۸۹",
                            "٠٩١٢٣٤٥٦٧٨٩", "(0912) 345-67-89", "989123456789", "9123456789",
                            "+98 0912 345 6789", "۰۰۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹"}) {
    auto r = services::crm::find_customer(c, ContactKeys{typed, "", "", ""});
    ASSERT_TRUE(r.ok()) << typed << ": " << r.error().message;
    EXPECT_EQ(r->customer, ali) << typed;
    EXPECT_EQ(r->matched_by, MatchedBy::phone);
    EXPECT_FALSE(r->provisional);
  }
}

TEST_F(IdentityTest, UnknownCallerGetsOneProvisionalRecordThatIsFoundNextTime) {
  auto c = ctx();
  auto first = services::crm::resolve_customer(c, {"0935 000 1122", "", "", ""}, from_millis(5));
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->provisional);
  EXPECT_EQ(first->matched_by, MatchedBy::created);
  auto stored = db->customers().get(tenant, first->customer);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->phones, std::vector<std::string>{"+989350001122"});
  EXPECT_NE(stored->attributes_json.find("provisional"), std::string::npos);

  auto again = services::crm::resolve_customer(c, {"+989350001122", "", "", ""}, from_millis(6));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->customer, first->customer);
  EXPECT_FALSE(again->provisional);
}

TEST_F(IdentityTest, EmailHandleAndVinAreMatchedInTheirCanonicalForms) {
  const store::RowId ali = add_customer("Ali", "", "ali@example.com");
  ASSERT_TRUE(db->profiles()
                  .add_identity({tenant, ali, store::IdentityKind::handle, "instagram:@kavir_fan",
                                 from_millis(1)})
                  .ok());
  store::CustomerAsset car;
  car.tenant = tenant;
  car.customer = ali;
  car.model = "kavir_suv";
  car.serial = "NAAM01CA9KR123456";
  ASSERT_TRUE(db->profiles().add_asset(car).ok());
  auto c = ctx();
  auto by_email = services::crm::find_customer(c, {"", "  Ali@Example.COM ", "", ""});
  ASSERT_TRUE(by_email.ok());
  EXPECT_EQ(by_email->matched_by, MatchedBy::email);
  auto by_handle = services::crm::find_customer(c, {"", "", "Instagram:@Kavir_Fan", ""});
  ASSERT_TRUE(by_handle.ok());
  EXPECT_EQ(by_handle->customer, ali);
  auto by_vin = services::crm::find_customer(c, {"", "", "", "naam01ca9-kr123456"});
  ASSERT_TRUE(by_vin.ok());
  EXPECT_EQ(by_vin->customer, ali);
  EXPECT_EQ(by_vin->matched_by, MatchedBy::vin);
}

TEST_F(IdentityTest, SharedPhoneResolvesToTheOldestAndListsEveryCandidate) {
  const store::RowId father = add_customer("Reza", "+989123456789");
  const store::RowId son = add_customer("Amir", "+989123456789");
  auto c = ctx();
  auto r = services::crm::find_customer(c, {"09123456789", "", "", ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->customer, father);
  EXPECT_EQ(r->candidates, (std::vector<store::RowId>{father, son}));
}

TEST_F(IdentityTest, UnreadableKeysAreRejectedNotTurnedIntoCustomers) {
  auto c = ctx();
  auto letters = services::crm::resolve_customer(c, {"0912-CALL-ME", "", "", ""}, from_millis(1));
  ASSERT_FALSE(letters.ok());
  EXPECT_EQ(letters.error().code, ErrorCode::invalid_argument);
  auto nothing = services::crm::resolve_customer(c, {}, from_millis(1));
  ASSERT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.error().code, ErrorCode::invalid_argument);
  auto bad_mail =
      services::crm::resolve_customer(c, {"", "not-an-address", "", ""}, from_millis(1));
  EXPECT_FALSE(bad_mail.ok());
}

}  // namespace
}  // namespace tamas::testing
