// The case workflow: legal moves with an audit trail, illegal moves refused.
#include "fixture.h"
#include "services/cases/service.h"
#include "services/cases/workflow.h"

namespace tamas::testing {
namespace {

using services::cases::CaseService;
using store::CaseState;

class CaseWorkflowTest : public CrmFixture {
 protected:
  void SetUp() override {
    CrmFixture::SetUp();
    customer = add_customer("Ali", "+989123456789", "ali@example.com");
    service = std::make_unique<CaseService>(
        *db, tenant, services::cases::case_config_from(strategy), calendar, always);
  }

  store::Case open_complaint(const std::string& channel = "voice") {
    services::cases::NewCase n;
    n.customer = customer;
    n.kind = "complaint";
    n.category = "complaint/delivery_delay";
    n.product = "kavir_suv";
    n.subject = "تحویل خودرو سه ماه دیر شده";
    n.channel = channel;
    auto c = service->open(n, agent, from_millis(1000));
    EXPECT_TRUE(c.ok()) << c.error().message;
    return *c;
  }

  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", {});
  Schedule always{"always", true, {}, {}, false};
  store::RowId customer = 0;
  std::unique_ptr<CaseService> service;
};

TEST_F(CaseWorkflowTest, ACaseTravelsToClosedAndBackWithWhoWhenAndNotes) {
  store::Case c = open_complaint();
  EXPECT_EQ(c.state, CaseState::new_);
  ASSERT_TRUE(service->assign(c.id, agent, agent, from_millis(2000)).ok());
  const std::pair<CaseState, const char*> path[] = {
      {CaseState::in_progress, "called the dealer"},
      {CaseState::awaiting_customer, "asked for the contract number"},
      {CaseState::in_progress, "customer sent it"},
      {CaseState::resolved, "delivery date confirmed"},
      {CaseState::closed, "customer satisfied"},
      {CaseState::in_progress, "customer called back: date missed again"}};
  std::int64_t t = 3000;
  for (const auto& [to, note] : path) {
    auto moved = service->transition(c.id, to, agent, note, from_millis(t += 1000));
    ASSERT_TRUE(moved.ok()) << store::to_string(to) << ": " << moved.error().message;
    EXPECT_EQ(moved->state, to);
  }
  auto events = db->cases().events(tenant, c.id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 8u);
  EXPECT_EQ((*events)[0].kind, "created");
  EXPECT_EQ((*events)[1].kind, "assigned");
  EXPECT_EQ((*events)[2].from_state, "assigned");
  EXPECT_EQ((*events)[2].to_state, "in_progress");
  EXPECT_EQ((*events)[2].note, "called the dealer");
  EXPECT_EQ((*events)[2].actor, agent);
  EXPECT_EQ((*events)[2].at, from_millis(4000));
  EXPECT_EQ((*events)[7].kind, "reopened");
  auto now = service->get(c.id);
  EXPECT_EQ(now->first_response_at, from_millis(4000));
  EXPECT_FALSE(now->closed_at.has_value()) << "reopening clears the close";
}

TEST_F(CaseWorkflowTest, IllegalMovesAreConflictsAndLeaveNoTrace) {
  store::Case c = open_complaint();
  auto skip = service->transition(c.id, CaseState::closed, agent, "", from_millis(2000));
  ASSERT_FALSE(skip.ok());
  EXPECT_EQ(skip.error().code, ErrorCode::conflict);
  ASSERT_TRUE(
      service->forward(c.id, "after_sales", "check stock", std::nullopt, agent, from_millis(3000))
          .ok());
  auto around = service->transition(c.id, CaseState::resolved, agent, "", from_millis(4000));
  ASSERT_FALSE(around.ok());
  EXPECT_EQ(around.error().code, ErrorCode::conflict) << "only the department's answer returns it";
  EXPECT_EQ(db->cases().events(tenant, c.id)->size(), 2u);
  EXPECT_EQ(service->get(c.id)->state, CaseState::forwarded);
}

TEST_F(CaseWorkflowTest, TheTransitionTableMatchesTheDocumentedWorkflow) {
  using services::cases::transition_allowed;
  EXPECT_TRUE(transition_allowed(CaseState::new_, CaseState::assigned));
  EXPECT_TRUE(transition_allowed(CaseState::awaiting_customer, CaseState::in_progress));
  EXPECT_TRUE(transition_allowed(CaseState::resolved, CaseState::closed));
  EXPECT_TRUE(transition_allowed(CaseState::closed, CaseState::in_progress));
  EXPECT_FALSE(transition_allowed(CaseState::new_, CaseState::closed));
  EXPECT_FALSE(transition_allowed(CaseState::closed, CaseState::resolved));
  EXPECT_FALSE(transition_allowed(CaseState::forwarded, CaseState::resolved));
  EXPECT_FALSE(transition_allowed(CaseState::awaiting_customer, CaseState::closed));
}

TEST_F(CaseWorkflowTest, TheCustomerHearsAboutKeyTransitionsByTheirChannel) {
  store::Case by_phone = open_complaint("voice");
  store::Case by_mail = open_complaint("email");
  ASSERT_TRUE(
      service->transition(by_phone.id, CaseState::resolved, agent, "", from_millis(5)).ok());
  auto pending = db->cases().pending_notifications(tenant, 10);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 3u);
  EXPECT_EQ((*pending)[0].channel, "sms");
  EXPECT_EQ((*pending)[0].address, "+989123456789");
  EXPECT_EQ((*pending)[1].channel, "email");
  EXPECT_EQ((*pending)[1].address, "ali@example.com");
  EXPECT_NE((*pending)[2].body.find("resolved"), std::string::npos);
  EXPECT_EQ((*pending)[2].case_id, by_phone.id);
  (void)by_mail;
}

TEST_F(CaseWorkflowTest, UnknownKindsAndCategoriesAreRejected) {
  services::cases::NewCase n;
  n.kind = "rumour";
  EXPECT_EQ(service->open(n, agent, from_millis(1)).error().code, ErrorCode::invalid_argument);
  n.kind = "complaint";
  n.category = "complaint/weather";
  EXPECT_EQ(service->open(n, agent, from_millis(1)).error().code, ErrorCode::invalid_argument);
}

TEST_F(CaseWorkflowTest, RedressDuplicatesAndPreventiveActions) {
  store::Case a = open_complaint();
  store::Case b = open_complaint();
  store::Redress r;
  r.case_id = a.id;
  r.remedy = "compensation";
  r.amount = 50'000'000;
  r.accepted = true;
  r.satisfaction = 4;
  ASSERT_TRUE(service->set_redress(r, agent, from_millis(10)).ok());
  EXPECT_EQ(db->cases().redress(tenant, a.id)->amount, 50'000'000);
  r.remedy = "hug";
  EXPECT_FALSE(service->set_redress(r, agent, from_millis(11)).ok());

  auto dup = service->merge(b.id, a.id, agent, from_millis(12));
  ASSERT_TRUE(dup.ok());
  EXPECT_EQ(dup->state, CaseState::closed);
  EXPECT_EQ(dup->merged_into, a.id);
  EXPECT_EQ(db->cases().links(tenant, a.id)->at(0).kind, "duplicate");

  store::VocAction v;
  v.title = "Dealer delivery dates audit";
  v.category = "complaint/delivery_delay";
  v.product = "kavir_suv";
  v.owner = agent;
  v.cases = {a.id, b.id};
  auto action = service->add_voc(v, from_millis(13));
  ASSERT_TRUE(action.ok()) << action.error().message;
  EXPECT_EQ(action->cases, (std::vector<store::RowId>{a.id, b.id}));
  EXPECT_EQ(service->set_voc_status(action->id, "done")->status, "done");
  EXPECT_FALSE(service->set_voc_status(action->id, "forgotten").ok());
}

}  // namespace
}  // namespace tamas::testing
