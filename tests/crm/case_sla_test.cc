// SLA clocks count the office hours of the automotive strategy: closed on
// Fridays, 07:30-13:00 on Thursdays, closed for Nowruz (1-4 Farvardin) and
// 09:00-13:00 on 5 Farvardin.
#include "fixture.h"
#include "services/cases/service.h"

namespace tamas::testing {
namespace {

using services::cases::CaseService;
using store::CaseState;

class CaseSlaTest : public CrmFixture {
 protected:
  void SetUp() override {
    CrmFixture::SetUp();
    const int office = strategy.index.schedules.at("office");
    service =
        std::make_unique<CaseService>(*db, tenant, services::cases::case_config_from(strategy),
                                      calendar, strategy.schedules[office]);
  }

  store::Case open_complaint(Instant at, const std::string& segment = "provinces") {
    services::cases::NewCase n;
    n.kind = "complaint";  // first response 4h, resolution 40h (vip: 1h, 16h)
    n.segment = segment;
    auto c = service->open(n, agent, at);
    EXPECT_TRUE(c.ok()) << c.error().message;
    return *c;
  }

  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", strategy.holidays);
  std::unique_ptr<CaseService> service;
};

TEST_F(CaseSlaTest, PremiseNowruz1405IsSaturday21March2026) {
  EXPECT_EQ(from_jalali(JalaliDate{1405, 1, 1}), (CivilDate{2026, 3, 21}));
  EXPECT_TRUE(calendar.is_holiday(CivilDate{2026, 3, 24}));
  EXPECT_FALSE(calendar.is_holiday(CivilDate{2026, 3, 25}));
}

TEST_F(CaseSlaTest, ThursdayAfternoonAndFridayDoNotCount) {
  // Thu 12:00: 1h left on Thursday, Friday closed, 3h on Saturday.
  store::Case c = open_complaint(tehran(2026, 3, 5, 12));
  EXPECT_EQ(c.first_response.due_at, tehran(2026, 3, 7, 10, 30));
  // 80% of 4h = 3h12m: 1h Thu + 2h12m Sat.
  EXPECT_EQ(c.first_response.warn_at, tehran(2026, 3, 7, 9, 42));
}

TEST_F(CaseSlaTest, ResolutionClockSkipsNowruz) {
  // Wed 18 March 16:00: Wed 2h, Thu 5.5h, Nowruz closed, 5 Farvardin 4h,
  // Thu 5.5h, Sat 10.5h, Sun 10.5h, Mon 2h = 40h -> Mon 30 March 09:30.
  store::Case c = open_complaint(tehran(2026, 3, 18, 16));
  EXPECT_EQ(c.resolution.due_at, tehran(2026, 3, 30, 9, 30));
  EXPECT_EQ(c.first_response.due_at, tehran(2026, 3, 19, 9, 30));
  store::Case vip = open_complaint(tehran(2026, 3, 18, 16), "vip");
  EXPECT_EQ(vip.first_response.due_at, tehran(2026, 3, 18, 17)) << "vip: 1h";
  // vip 16h: Wed 2h, Thu 5.5h, 5 Farvardin 4h, Thu 26 March 4.5h.
  EXPECT_EQ(vip.resolution.due_at, tehran(2026, 3, 26, 12));
}

TEST_F(CaseSlaTest, AwaitingTheCustomerPausesTheClockAcrossTheHolidays) {
  store::Case c = open_complaint(tehran(2026, 3, 18, 16));
  ASSERT_TRUE(
      service->transition(c.id, CaseState::in_progress, agent, "", tehran(2026, 3, 19, 8)).ok());
  ASSERT_TRUE(service
                  ->transition(c.id, CaseState::awaiting_customer, agent, "need invoice",
                               tehran(2026, 3, 19, 10))
                  .ok());
  auto paused = service->get(c.id);
  EXPECT_FALSE(paused->next_sla_at.has_value());
  auto quiet = service->tick(tehran(2026, 4, 30, 12));
  ASSERT_TRUE(quiet.ok());
  EXPECT_EQ(quiet->breaches, 0) << "no breach while paused, however long";
  // Paused Thu 10:00-13:00 (3h), 25 Mar 4h, Thu 26 5.5h, Sat 28 07:30-10:00 2.5h = 15h.
  auto resumed = service->transition(c.id, CaseState::in_progress, agent, "invoice received",
                                     tehran(2026, 3, 28, 10));
  ASSERT_TRUE(resumed.ok());
  // Mon 30 09:30 + 15h: Mon 8.5h, Tue 6.5h -> Tue 31 March 14:00.
  EXPECT_EQ(resumed->resolution.due_at, tehran(2026, 3, 31, 14));
  EXPECT_EQ(resumed->first_response_at, tehran(2026, 3, 19, 8));
}

TEST_F(CaseSlaTest, TickRaisesWarningThenBreachOnceEach) {
  store::Case c = open_complaint(tehran(2026, 3, 5, 12));
  auto early = service->tick(tehran(2026, 3, 7, 9, 41));
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->warnings + early->breaches, 0);
  auto warn = service->tick(tehran(2026, 3, 7, 9, 42));
  EXPECT_EQ(warn->warnings, 1);
  auto breach = service->tick(tehran(2026, 3, 7, 10, 30));
  EXPECT_EQ(breach->breaches, 1);
  auto again = service->tick(tehran(2026, 3, 7, 10, 31));
  EXPECT_EQ(again->warnings + again->breaches, 0) << "each signal is raised once";
  auto events = db->cases().events(tenant, c.id);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[1].kind, "sla_warning");
  EXPECT_EQ((*events)[2].kind, "sla_breach");
  EXPECT_EQ((*events)[2].note, "first_response_breach");
  EXPECT_EQ((*events)[2].actor, 0) << "raised by the system";
  EXPECT_TRUE(service->get(c.id)->first_response.breached);
}

TEST_F(CaseSlaTest, AnsweringInTimeStopsTheFirstResponseClock) {
  store::Case c = open_complaint(tehran(2026, 3, 5, 12));
  ASSERT_TRUE(
      service->transition(c.id, CaseState::in_progress, agent, "", tehran(2026, 3, 5, 12, 30))
          .ok());
  auto t = service->tick(tehran(2026, 3, 9, 12));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->breaches, 0);
  EXPECT_EQ(t->warnings, 0);
}

}  // namespace
}  // namespace tamas::testing
