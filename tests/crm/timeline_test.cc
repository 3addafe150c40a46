// The timeline mixes channels and case events, newest first, in stable pages.
#include <set>

#include "fixture.h"
#include "services/cases/service.h"
#include "services/crm/timeline.h"

namespace tamas::testing {
namespace {

class TimelineTest : public CrmFixture {};

TEST_F(TimelineTest, PagesWalkEveryEntryOnceNewestFirstAcrossChannelsAndCases) {
  const store::RowId ali = add_customer("Ali", "+989123456789");
  const char* channels[] = {"voice", "chat", "email", "webform", "sms", "walk_in", "social"};
  for (int i = 0; i < 7; ++i) add_interaction(ali, channels[i], from_millis(1000 * (i + 1)));
  add_interaction(ali, "voice", from_millis(4000));  // same instant as another entry
  auto cal = BusinessCalendar::create("Asia/Tehran", {});
  ASSERT_TRUE(cal.ok());
  Schedule always{"always", true, {}, {}, false};
  services::cases::CaseService cases(*db, tenant, services::cases::default_case_config(), *cal,
                                     always);
  services::cases::NewCase n;
  n.customer = ali;
  n.kind = "complaint";
  n.channel = "voice";
  ASSERT_TRUE(cases.open(n, agent, from_millis(4000)).ok());

  auto c = ctx();
  std::vector<store::TimelineEntry> all;
  std::string cursor;
  int pages = 0;
  do {
    auto page = services::crm::timeline_page(c, ali, cursor, 3);
    ASSERT_TRUE(page.ok()) << page.error().message;
    all.insert(all.end(), page->entries.begin(), page->entries.end());
    cursor = page->next;
    ++pages;
  } while (!cursor.empty() && pages < 10);
  ASSERT_EQ(all.size(), 9u);
  EXPECT_EQ(pages, 3);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1].at, all[i].at);
  std::set<std::pair<int, store::RowId>> seen;
  for (const auto& e : all) seen.insert({static_cast<int>(e.source), e.id});
  EXPECT_EQ(seen.size(), all.size()) << "no entry twice";
  EXPECT_EQ(all[0].channel, "social");
  EXPECT_EQ(all[3].source, store::TimelineSource::case_event) << "case events first on a tie";
  EXPECT_EQ(all[3].kind, "created");
}

TEST_F(TimelineTest, SurveyAnswersShowOnTheirInteraction) {
  const store::RowId ali = add_customer("Ali", "+989123456789");
  const store::RowId answered = add_interaction(ali, "chat", from_millis(2000));
  add_interaction(ali, "voice", from_millis(1000));  // no survey
  auto row = db->interactions().get(tenant, answered);
  ASSERT_TRUE(row.ok());
  row->fields_json = R"({"order_number":"12","survey":{"id":"chat","csat":4,"nps":9}})";
  ASSERT_TRUE(db->interactions().update(*row).ok());

  auto c = ctx();
  auto page = services::crm::timeline_page(c, ali, "", 10);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->entries.size(), 2u);
  EXPECT_EQ(page->entries[0].survey, R"({"id":"chat","csat":4,"nps":9})");
  EXPECT_EQ(page->entries[1].survey, "");
}

TEST_F(TimelineTest, NewEntriesDoNotShiftAnOlderPage) {
  const store::RowId ali = add_customer("Ali", "+989123456789");
  for (int i = 0; i < 5; ++i) add_interaction(ali, "voice", from_millis(1000 * (i + 1)));
  auto c = ctx();
  auto first = services::crm::timeline_page(c, ali, "", 2);
  ASSERT_TRUE(first.ok());
  add_interaction(ali, "chat", from_millis(9000));
  auto second = services::crm::timeline_page(c, ali, first->next, 2);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->entries.size(), 2u);
  EXPECT_EQ(second->entries[0].at, from_millis(3000));
}

TEST_F(TimelineTest, MalformedCursorsAndLimitsAreInvalid) {
  const store::RowId ali = add_customer("Ali", "+989123456789");
  auto c = ctx();
  for (const char* bad : {"x", "1.2", "1.7.3", "1.0.3.4", "1..3"})
    EXPECT_EQ(services::crm::timeline_page(c, ali, bad, 10).error().code,
              ErrorCode::invalid_argument)
        << bad;
  EXPECT_FALSE(services::crm::timeline_page(c, ali, "", 0).ok());
  EXPECT_EQ(services::crm::timeline_page(c, 999, "", 10).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace tamas::testing
