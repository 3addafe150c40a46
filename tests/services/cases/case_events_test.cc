// Case events reach the event bus once their transaction committed — never
// for a mutation that failed — with the case's tenant, id, number, kind and
// customer, on topic cases/<id>.
#include <boost/json.hpp>

#include "fixture.h"
#include "services/cases/service.h"
#include "services/events/bus.h"
#include "store/fault_injection.h"

namespace tamas::testing {
namespace {

namespace json = boost::json;
using services::BusEvent;
using services::cases::CaseService;
using store::CaseState;

std::string number_of(store::RowId id) {
  std::string digits = std::to_string(id);
  return "C-" + std::string(6 - digits.size(), '0') + digits;
}

class CaseEventsTest : public CrmFixture {
 protected:
  void SetUp() override {
    CrmFixture::SetUp();
    customer = add_customer("Ali", "+989123456789");
    auto faulty = std::make_unique<store::FaultInjectingStore>(std::move(db));
    faults = &faulty->faults();
    db = std::move(faulty);
    service = std::make_unique<CaseService>(
        *db, tenant, services::cases::case_config_from(strategy), calendar, always);
    service->publish_to(&bus);
    subscription =
        bus.subscribe(tenant, {"cases/"}, [this](const BusEvent& e) { seen.push_back(e); });
  }

  store::Case open_complaint() {
    services::cases::NewCase n;
    n.customer = customer;
    n.kind = "complaint";
    n.category = "complaint/delivery_delay";
    n.subject = "late delivery";
    auto c = service->open(n, agent, from_millis(1000));
    EXPECT_TRUE(c.ok()) << c.error().message;
    return *c;
  }
  std::vector<std::string> types() const {
    std::vector<std::string> out;
    for (const auto& e : seen) out.push_back(e.type);
    return out;
  }
  static json::object data(const BusEvent& e) { return json::parse(e.json).as_object(); }

  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", {});
  Schedule always{"always", true, {}, {}, false};
  store::RowId customer = 0;
  store::FaultSwitch* faults = nullptr;
  services::EventBus bus;
  std::vector<BusEvent> seen;
  std::unique_ptr<services::EventBus::Subscription> subscription;
  std::unique_ptr<CaseService> service;
};

TEST_F(CaseEventsTest, OpeningACaseAnnouncesItWithNumberKindAndCustomer) {
  store::Case c = open_complaint();
  ASSERT_EQ(seen.size(), 1u);
  const BusEvent& e = seen[0];
  EXPECT_EQ(e.type, "case.created");
  EXPECT_EQ(e.tenant, tenant);
  EXPECT_EQ(e.topic, "cases/" + std::to_string(c.id));
  auto d = data(e);
  EXPECT_EQ(d["case"].as_int64(), c.id);
  EXPECT_EQ(d["number"].as_string(), number_of(c.id));
  EXPECT_EQ(d["kind"].as_string(), "complaint");
  EXPECT_EQ(d["customer"].as_int64(), customer);
  EXPECT_EQ(d["tenant"].as_int64(), tenant);
  EXPECT_EQ(d["state"].as_string(), "new");
}

TEST_F(CaseEventsTest, EveryStepOfTheWorkflowIsAnnouncedWithFromToByAndNote) {
  store::Case c = open_complaint();
  ASSERT_TRUE(service->assign(c.id, agent, agent, from_millis(2000)).ok());
  ASSERT_TRUE(
      service->transition(c.id, CaseState::in_progress, agent, "called", from_millis(3000)).ok());
  auto f =
      service->forward(c.id, "quality", "check the batch", std::nullopt, agent, from_millis(4000));
  ASSERT_TRUE(f.ok()) << f.error().message;
  ASSERT_TRUE(service->answer(f->id, agent, "batch was faulty", from_millis(5000)).ok());
  ASSERT_TRUE(service->transition(c.id, CaseState::resolved, agent, "", from_millis(6000)).ok());
  ASSERT_TRUE(service->transition(c.id, CaseState::closed, agent, "ok", from_millis(7000)).ok());
  ASSERT_TRUE(
      service->transition(c.id, CaseState::in_progress, agent, "again", from_millis(8000)).ok());
  EXPECT_EQ(types(), (std::vector<std::string>{
                         "case.created", "case.assigned", "case.transitioned", "case.forwarded",
                         "case.forward_answered", "case.transitioned", "case.transitioned",
                         "case.closed", "case.transitioned", "case.reopened"}));
  auto moved = data(seen[2]);
  EXPECT_EQ(moved["from"].as_string(), "assigned");
  EXPECT_EQ(moved["to"].as_string(), "in_progress");
  EXPECT_EQ(moved["by"].as_int64(), agent);
  EXPECT_EQ(moved["note"].as_string(), "called");
  EXPECT_EQ(data(seen[3])["department"].as_string(), "quality");
  EXPECT_EQ(data(seen[4])["returned"].as_bool(), true);
  EXPECT_EQ(data(seen[7])["to"].as_string(), "closed");
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i].seq, seen[i - 1].seq);
}

TEST_F(CaseEventsTest, AFailedMutationAnnouncesNothing) {
  store::Case c = open_complaint();
  seen.clear();
  faults->fail_nth_write(2);  // the audit row after the case update
  auto moved = service->transition(c.id, CaseState::in_progress, agent, "x", from_millis(2000));
  ASSERT_FALSE(moved.ok());
  EXPECT_TRUE(seen.empty()) << "nothing was committed, so nothing is told";
  ASSERT_TRUE(
      service->transition(c.id, CaseState::in_progress, agent, "y", from_millis(3000)).ok());
  EXPECT_EQ(types(), std::vector<std::string>{"case.transitioned"});
}

TEST_F(CaseEventsTest, SlaWarningsBreachesAndOverdueForwardsAreAnnounced) {
  store::Case c = open_complaint();
  auto f = service->forward(c.id, "quality", "", from_millis(1000) + std::chrono::hours(1), agent,
                            from_millis(1000));
  ASSERT_TRUE(f.ok()) << f.error().message;
  seen.clear();
  auto report = service->tick(from_millis(1000) + std::chrono::hours(200));
  ASSERT_TRUE(report.ok()) << report.error().message;
  auto t = types();
  EXPECT_NE(std::find(t.begin(), t.end(), "case.sla_warning"), t.end());
  EXPECT_NE(std::find(t.begin(), t.end(), "case.sla_breached"), t.end());
  EXPECT_NE(std::find(t.begin(), t.end(), "case.forward_overdue"), t.end());
}

TEST_F(CaseEventsTest, WithoutABusOnlyTheStoreLogHearsOfTheCase) {
  service->publish_to(nullptr);
  store::Case c = open_complaint();
  EXPECT_TRUE(seen.empty());
  auto log = db->events().read_after(tenant, 0, 100);
  ASSERT_TRUE(log.ok());
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(log->back().type, "case.created");
  EXPECT_NE(log->back().payload_json.find("\"number\":\"" + number_of(c.id)), std::string::npos);
}

}  // namespace
}  // namespace tamas::testing
