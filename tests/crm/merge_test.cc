// Merging a provisional record into a known customer keeps all history.
#include "services/crm/merge.h"
#include "fixture.h"
#include "services/crm/identity.h"
#include "services/crm/screen_pop.h"
#include "services/crm/timeline.h"

namespace tamas::testing {
namespace {

class MergeTest : public CrmFixture {};

TEST_F(MergeTest, ProvisionalCallerMergedIntoKnownCustomerBringsCallsPhoneAndLog) {
  const store::RowId ali = add_customer("Ali", "+989123456789");
  add_interaction(ali, "voice", from_millis(1000));
  auto c = ctx();
  auto unknown = services::crm::resolve_customer(c, {"0935 000 1122", "", "", ""}, from_millis(2));
  ASSERT_TRUE(unknown.ok());
  add_interaction(unknown->customer, "chat", from_millis(2000));
  add_interaction(unknown->customer, "sms", from_millis(3000));

  auto merged = services::crm::merge_customers(
      c, {unknown->customer, ali, agent, "same person, second SIM"}, from_millis(4000));
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->phones, (std::vector<std::string>{"+989123456789", "+989350001122"}));

  auto page = services::crm::timeline_page(c, ali, "", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 3u);
  EXPECT_EQ(page->entries[0].channel, "sms");
  EXPECT_EQ(page->entries[2].channel, "voice");

  auto by_new_sim = services::crm::find_customer(c, {"09350001122", "", "", ""});
  ASSERT_TRUE(by_new_sim.ok());
  EXPECT_EQ(by_new_sim->customer, ali) << "the merged-away record is never returned";

  auto log = db->profiles().merges_into(tenant, ali);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].from, unknown->customer);
  EXPECT_EQ((*log)[0].by_user, agent);
  EXPECT_EQ((*log)[0].note, "same person, second SIM");
  auto events = db->events().read_after(tenant, 0, 10);
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->back().type, "customer.merged");

  auto pop = services::crm::screen_pop(c, unknown->customer, from_millis(5000));
  ASSERT_TRUE(pop.ok());
  EXPECT_EQ(pop->customer.id, ali) << "an old reference pops the survivor";
}

TEST_F(MergeTest, MergingIntoItselfOrTwiceIsRefusedAndChangesNothing) {
  const store::RowId a = add_customer("A", "+989120000001");
  const store::RowId b = add_customer("B", "+989120000002");
  auto c = ctx();
  auto self = services::crm::merge_customers(c, {a, a, agent, ""}, from_millis(1));
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().code, ErrorCode::invalid_argument);
  ASSERT_TRUE(services::crm::merge_customers(c, {a, b, agent, ""}, from_millis(2)).ok());
  auto twice = services::crm::merge_customers(c, {a, b, agent, ""}, from_millis(3));
  ASSERT_FALSE(twice.ok());
  auto into_tombstone = services::crm::merge_customers(c, {b, a, agent, ""}, from_millis(4));
  ASSERT_FALSE(into_tombstone.ok());
  EXPECT_EQ(into_tombstone.error().code, ErrorCode::conflict);
  EXPECT_FALSE(db->customers().get(tenant, b)->merged_into.has_value());
  EXPECT_EQ(db->profiles().merges_into(tenant, b)->size(), 1u);
}

}  // namespace
}  // namespace tamas::testing
