// Screen pop: the offer an agent receives says who is calling — found by
// the phone the contact left — with the customer's segment and value tier,
// open cases and last contacts; a stranger's offer pops nobody.
#include <boost/json.hpp>

#include "live_fixture.h"
#include "services/desk/agent_desk.h"

namespace tamas::services::test {
namespace {

namespace json = boost::json;

class OfferPopTest : public LiveFixture {
 protected:
  // Sara: a known customer with an open complaint and an earlier call.
  store::RowId add_sara() {
    auto id = writer_
                  ->submit_for<store::RowId>([this](store::Store& db) -> Result<store::RowId> {
                    store::Customer c;
                    c.tenant = tenant_;
                    c.first_name = "Sara";
                    c.last_name = "Ahmadi";
                    c.phones = {"+989121112233"};
                    c.created_at = clock_.now();
                    auto customer = db.customers().add(c);
                    if (!customer) return customer;
                    store::Case k;
                    k.tenant = tenant_;
                    k.customer = *customer;
                    k.kind = "complaint";
                    k.subject = "late delivery";
                    k.state = store::CaseState::forwarded;
                    k.created_at = k.updated_at = clock_.now();
                    if (auto added = db.cases().add(k); !added) return added.error();
                    store::Interaction call;
                    call.tenant = tenant_;
                    call.channel = "voice";
                    call.type = "general";
                    call.customer = *customer;
                    call.state = store::InteractionState::closed;
                    call.arrived_at = clock_.now() - std::chrono::hours(24);
                    if (auto added = db.interactions().add(call); !added) return added.error();
                    return customer;
                  })
                  .get();
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }
};

TEST_F(OfferPopTest, TheOfferSaysWhoIsCallingWithOpenCasesAndLastContacts) {
  const store::RowId sara = add_sara();
  ASSERT_TRUE(login_ready("alice").ok());
  const auto contact = arrive(R"({"phone":"۰۹۱۲ ۱۱۱ ۲۲۳۳","question":"where is my car"})");
  const std::string offer = wait_for("agent/alice", "offer", contact);
  ASSERT_NE(offer, "");
  auto pop = json::parse(offer).as_object()["screen_pop"];
  ASSERT_TRUE(pop.is_object()) << offer;
  auto customer = pop.as_object()["customer"].as_object();
  EXPECT_EQ(customer["id"].as_int64(), sara);
  EXPECT_EQ(customer["name"].as_string(), "Sara Ahmadi");
  EXPECT_TRUE(customer.contains("segment"));
  EXPECT_EQ(customer["value_tier"].as_string(), "silver") << offer;
  auto cases = pop.as_object()["open_cases"].as_array();
  ASSERT_EQ(cases.size(), 1u) << offer;
  EXPECT_EQ(cases[0].as_object()["number"].as_string(), "C-000001");
  EXPECT_EQ(cases[0].as_object()["kind"].as_string(), "complaint");
  EXPECT_EQ(cases[0].as_object()["status"].as_string(), "forwarded");
  auto last = pop.as_object()["last_contacts"].as_array();
  ASSERT_EQ(last.size(), 1u) << offer;
  EXPECT_EQ(last[0].as_object()["channel"].as_string(), "voice");
  EXPECT_TRUE(run([&](auto d) { desk_->accept("alice", contact, d); }).ok())
      << "the offer can be taken as usual";
}

TEST_F(OfferPopTest, AStrangersOfferPopsNobodyAndStillArrives) {
  add_sara();
  ASSERT_TRUE(login_ready("alice").ok());
  const auto contact = arrive(R"({"phone":"09350000000"})");
  const std::string offer = wait_for("agent/alice", "offer", contact);
  ASSERT_NE(offer, "");
  EXPECT_TRUE(json::parse(offer).as_object()["screen_pop"].is_null()) << offer;
  EXPECT_EQ(count("agent/alice", "offer"), 1);
}

}  // namespace
}  // namespace tamas::services::test
