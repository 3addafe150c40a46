// Forwarding to a back-office department: due dates, answers, escalation.
#include "fixture.h"
#include "services/cases/service.h"

namespace tamas::testing {
namespace {

using services::cases::CaseService;
using store::CaseState;

class ForwardingTest : public CrmFixture {
 protected:
  void SetUp() override {
    CrmFixture::SetUp();
    head = add_user("after_sales_head", store::Role::backoffice);
    clerk = add_user("after_sales_clerk", store::Role::backoffice);
    ASSERT_TRUE(db->departments().add({tenant, head, "after_sales", true}).ok());
    ASSERT_TRUE(db->departments().add({tenant, clerk, "after_sales", false}).ok());
    const int office = strategy.index.schedules.at("office");
    service =
        std::make_unique<CaseService>(*db, tenant, services::cases::case_config_from(strategy),
                                      calendar, strategy.schedules[office]);
    services::cases::NewCase n;
    n.kind = "complaint";
    n.category = "complaint/parts";
    c = *service->open(n, agent, tehran(2026, 3, 2, 9));  // a Monday
  }

  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", strategy.holidays);
  std::unique_ptr<CaseService> service;
  store::RowId head = 0, clerk = 0;
  store::Case c;
};

TEST_F(ForwardingTest, DefaultDueIsTheDepartmentsAnswerTimeInBusinessHours) {
  auto f = service->forward(c.id, "after_sales", "is the part in stock?", std::nullopt, agent,
                            tehran(2026, 3, 2, 10));
  ASSERT_TRUE(f.ok()) << f.error().message;
  // 16h: Mon 10:00-18:00 8h, Tue 07:30 + 8h = 15:30.
  EXPECT_EQ(f->due_at, tehran(2026, 3, 3, 15, 30));
  auto queue = db->cases().forwarded_to(tenant, "after_sales");
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ(queue->at(0).id, c.id);
  EXPECT_TRUE(db->cases().forwarded_to(tenant, "legal")->empty());
}

TEST_F(ForwardingTest, OverdueForwardEscalatesToTheHeadOnceAndIsListed) {
  auto f = service->forward(c.id, "after_sales", "", tehran(2026, 3, 3, 12), agent,
                            tehran(2026, 3, 2, 10));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(service->tick(tehran(2026, 3, 3, 11, 59))->escalations, 0);
  EXPECT_TRUE(service->overdue(tehran(2026, 3, 3, 11, 59))->empty());
  EXPECT_EQ(service->tick(tehran(2026, 3, 3, 12))->escalations, 1);
  EXPECT_EQ(service->tick(tehran(2026, 3, 3, 13))->escalations, 0) << "escalated once";
  auto late = service->overdue(tehran(2026, 3, 3, 13));
  ASSERT_EQ(late->size(), 1u);
  EXPECT_EQ(late->at(0).escalated_to, head);
  EXPECT_EQ(late->at(0).escalated_at, tehran(2026, 3, 3, 12));
  auto events = db->cases().events(tenant, c.id);
  EXPECT_EQ(events->back().kind, "escalated");
  auto log = db->events().read_after(tenant, 0, 100);
  EXPECT_EQ(log->back().type, "case.forward_overdue");

  auto back = service->answer(f->id, clerk, "part arrives Saturday", tehran(2026, 3, 3, 14));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->state, CaseState::in_progress);
  EXPECT_TRUE(back->department.empty());
  EXPECT_TRUE(service->overdue(tehran(2026, 3, 4, 14))->empty());
  EXPECT_TRUE(db->cases().forwarded_to(tenant, "after_sales")->empty());
  auto twice = service->answer(f->id, clerk, "again", tehran(2026, 3, 3, 15));
  EXPECT_EQ(twice.error().code, ErrorCode::conflict);
}

TEST_F(ForwardingTest, UnknownDepartmentsPastDueTimesAndClosedCasesAreRefused) {
  EXPECT_EQ(service->forward(c.id, "astrology", "", std::nullopt, agent, tehran(2026, 3, 2, 10))
                .error()
                .code,
            ErrorCode::invalid_argument);
  EXPECT_EQ(
      service->forward(c.id, "legal", "", tehran(2026, 3, 1, 10), agent, tehran(2026, 3, 2, 10))
          .error()
          .code,
      ErrorCode::invalid_argument);
  ASSERT_TRUE(
      service->transition(c.id, CaseState::resolved, agent, "", tehran(2026, 3, 2, 11)).ok());
  EXPECT_EQ(
      service->forward(c.id, "legal", "", std::nullopt, agent, tehran(2026, 3, 2, 12)).error().code,
      ErrorCode::conflict);
}

}  // namespace
}  // namespace tamas::testing
