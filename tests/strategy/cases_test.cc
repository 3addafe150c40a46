// The `cases:` section: kinds, the category tree, departments and SLA targets
// the organisation writes down for its case system (R22, R24, R30).
#include <gtest/gtest.h>

#include <algorithm>

#include "strategy/json.h"
#include "strategy/loader.h"
#include "strategy/summary.h"

namespace tamas::strategy {
namespace {

using std::chrono::hours;

const char* const kBase = R"(
organisation:
  id: acme
  name: {fa: آکمه, en: Acme}
  business_hours: office
hours:
  office:
    sat-wed: 08:00-17:00
skills: [sales]
agent_groups:
  - {id: agents, skills: {sales: 3}}
queues:
  - {id: sales, groups: [agents]}
segments:
  - {id: vip, when: {tier: gold}}
interaction_types:
  - {id: complaint, name: Complaint, kind: complaint}
  - {id: leak, name: Leak, kind: emergency}
entry_points:
  - {id: hotline, channel: voice, number: "1500", hours: office}
routing:
  - {id: all, queue: sales}
)";

Strategy load(const std::string& cases) {
  const LoadResult r = load_strategy_text(std::string(kBase) + cases, "cases.yaml");
  std::string all;
  for (const auto& d : r.errors) all += format(d) + "\n";
  EXPECT_TRUE(r.ok()) << all;
  return r.ok() ? *r.strategy : Strategy{};
}

const char* const kSection = R"(
cases:
  warn_at: 75%
  kinds: [request, complaint]
  categories:
    - id: complaint
      name: {fa: شکایت, en: Complaint}
      kind: complaint
      children:
        - id: product_quality
          name: {fa: کیفیت محصول, en: Product quality}
          children:
            - {id: engine, name: Engine}
        - {id: parts, name: Parts}
    - {id: general, name: General}
  departments:
    - {id: after_sales, name: {fa: خدمات پس از فروش, en: After-sales}, answer_within: 16h business}
    - {id: legal, name: Legal, answer_within: 2d business}
  sla:
    - {kind: complaint, first_response: 4h business, resolution: 40h business}
    - {kind: complaint, segment: vip, first_response: 1h business, resolution: 16h business}
    - {kind: request, resolution: 24h business}
)";

TEST(CasesSection, AFileWithoutOneHasNoCaseSection) {
  EXPECT_FALSE(load("").cases.has_value());
}

TEST(CasesSection, KindsListedComeFirstThenTheKindsTypesUse) {
  const Strategy s = load(kSection);
  ASSERT_TRUE(s.cases);
  EXPECT_EQ(s.cases->kinds, (std::vector<std::string>{"request", "complaint", "emergency"}));
  EXPECT_DOUBLE_EQ(s.cases->warn_at, 0.75);
}

TEST(CasesSection, CategoriesAreAPathTreeWithInheritedKinds) {
  const Strategy s = load(kSection);
  ASSERT_TRUE(s.cases);
  std::vector<std::string> ids;
  for (const auto& c : s.cases->categories) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"complaint", "complaint/product_quality",
                                           "complaint/product_quality/engine", "complaint/parts",
                                           "general"}));
  const CaseCategory& engine = s.cases->categories[2];
  EXPECT_EQ(engine.parent, "complaint/product_quality");
  EXPECT_EQ(engine.kind, "complaint") << "children inherit the root's kind";
  EXPECT_EQ(engine.name.en, "Engine");
  EXPECT_EQ(s.cases->categories[1].name.fa, "کیفیت محصول");
  EXPECT_EQ(s.cases->categories[4].kind, "") << "a root without a kind serves any kind";
}

TEST(CasesSection, DepartmentsAnswerWithinBusinessTime) {
  const Strategy s = load(kSection);
  ASSERT_TRUE(s.cases);
  ASSERT_EQ(s.cases->departments.size(), 2u);
  EXPECT_EQ(s.cases->departments[0].id, "after_sales");
  EXPECT_EQ(s.cases->departments[0].answer_within, hours(16));
  EXPECT_EQ(s.cases->departments[1].answer_within, hours(48)) << "a day is 24 business hours";
}

TEST(CasesSection, TargetsPerKindAndSegmentDefaultToAnySegment) {
  const Strategy s = load(kSection);
  ASSERT_TRUE(s.cases);
  const auto& sla = s.cases->sla;
  ASSERT_EQ(sla.size(), 3u);
  EXPECT_EQ(sla[0].segment, "*");
  EXPECT_EQ(sla[0].first_response, hours(4));
  EXPECT_EQ(sla[0].resolution, hours(40));
  EXPECT_EQ(sla[1].segment, "vip");
  EXPECT_EQ(sla[1].first_response, hours(1));
  EXPECT_EQ(sla[2].first_response, Duration::zero()) << "no first-response target";
  EXPECT_EQ(sla[2].resolution, hours(24));
}

TEST(CasesSection, AnEmptySectionStillListsTheKindsTheTypesUse) {
  const Strategy s = load("cases: {}\n");
  ASSERT_TRUE(s.cases);
  EXPECT_EQ(s.cases->kinds, (std::vector<std::string>{"complaint", "emergency"}));
  EXPECT_TRUE(s.cases->categories.empty());
  EXPECT_DOUBLE_EQ(s.cases->warn_at, 0.8);
}

TEST(CasesSection, JsonShowsTheSection) {
  const std::string with = to_json(load(kSection));
  EXPECT_NE(with.find(R"("cases":{"warn_at":7.5E-1)"), std::string::npos) << with;
  EXPECT_NE(with.find(R"("id":"complaint/product_quality/engine")"), std::string::npos);
  EXPECT_NE(with.find(R"("answer_within_s":57600)"), std::string::npos);
  EXPECT_NE(with.find(R"({"kind":"complaint","segment":"vip","first_response_s":3600)"),
            std::string::npos);
  EXPECT_NE(to_json(load("")).find(R"("cases":null)"), std::string::npos);
}

TEST(CasesSection, CheckSummaryCountsIt) {
  const Strategy s = load(kSection);
  const Summary x = summarize(s);
  EXPECT_EQ(x.case_kinds, 3);
  EXPECT_EQ(x.case_categories, 5);
  EXPECT_EQ(x.departments, 2);
  EXPECT_EQ(x.case_targets, 3);
  EXPECT_NE(to_text(s, x).find("case categories: 5"), std::string::npos);
  const Strategy none = load("");
  EXPECT_NE(to_text(none, summarize(none)).find("cases: built-in defaults"), std::string::npos);
}

TEST(CasesSection, TheAutomotiveExampleWritesDownTheComplaintTree) {
  const LoadResult r =
      load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.strategy->cases);
  const CaseSection& c = *r.strategy->cases;
  for (const char* leaf : {"product_quality", "delivery_delay", "dealer_behaviour", "warranty",
                           "parts", "roadside_service", "price_and_terms", "documents"}) {
    auto it = std::find_if(c.categories.begin(), c.categories.end(), [&](const CaseCategory& k) {
      return k.id == std::string("complaint/") + leaf;
    });
    ASSERT_NE(it, c.categories.end()) << leaf;
    EXPECT_EQ(it->kind, "complaint");
    EXPECT_FALSE(it->name.fa.empty());
    EXPECT_FALSE(it->name.en.empty());
  }
  std::vector<std::string> departments;
  for (const auto& d : c.departments) departments.push_back(d.id);
  EXPECT_EQ(departments,
            (std::vector<std::string>{"sales", "after_sales", "quality", "legal", "dealer"}));
}

TEST(CasesSection, TheGasUtilityExampleHasItsOwn) {
  const LoadResult r =
      load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/gas-utility/strategy.yaml");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.strategy->cases);
  const CaseSection& c = *r.strategy->cases;
  EXPECT_TRUE(std::find(c.kinds.begin(), c.kinds.end(), "emergency") != c.kinds.end());
  EXPECT_FALSE(c.departments.empty());
  EXPECT_FALSE(c.sla.empty());
}

}  // namespace
}  // namespace tamas::strategy
