// Knowledge search in Persian: spelling variants meet, titles rank first.
#include "fixture.h"
#include "services/kb/knowledge_base.h"

namespace tamas::testing {
namespace {

using services::kb::KnowledgeBase;

class KbSearch : public CrmFixture {
 protected:
  void SetUp() override {
    CrmFixture::SetUp();
    kb = std::make_unique<KnowledgeBase>(*db, tenant);
  }
  store::Article article(const std::string& title, const std::string& body,
                         const std::string& visibility = "agents",
                         std::vector<std::string> types = {}) {
    store::Article a;
    a.title = title;
    a.body = body;
    a.visibility = visibility;
    a.category = "warranty";
    a.types = std::move(types);
    auto added = kb->add(a, agent, from_millis(1));
    EXPECT_TRUE(added.ok()) << added.error().message;
    return *added;
  }
  std::vector<store::RowId> ids(const std::string& q, bool agents = true) {
    auto hits = kb->search({q, agents, 10});
    EXPECT_TRUE(hits.ok()) << hits.error().message;
    std::vector<store::RowId> out;
    for (const auto& h : *hits) out.push_back(h.article.id);
    return out;
  }
  std::unique_ptr<KnowledgeBase> kb;
};

TEST_F(KbSearch, ArabicYehKafAndZwnjVariantsFindTheSameArticle) {
  // Stored with Arabic yeh and kaf, and a ZWNJ in "می‌شود".
  auto a = article("شرايط گارانتي كاوير",
                   "گارانتی موتور پنج سال تمدید می‌شود");
  for (const char* q :
       {"شرایط گارانتی", "شرايط گارانتي", "کاویر", "میشود", "می‌شود", "مي‌شود"})
    EXPECT_EQ(ids(q), std::vector<store::RowId>{a.id}) << q;
  EXPECT_TRUE(ids("بیمه").empty());
}

TEST_F(KbSearch, DigitsInAnyScriptAndPrefixesMatch) {
  auto a = article("تعرفه سرویس ۱۰۰۰۰ کیلومتر", "service at 10000 km");
  EXPECT_EQ(ids("10000"), std::vector<store::RowId>{a.id});
  EXPECT_EQ(ids("١٠٠٠٠"), std::vector<store::RowId>{a.id});
  EXPECT_EQ(ids("تعرف"), std::vector<store::RowId>{a.id}) << "the last word is a prefix";
}

TEST_F(KbSearch, TitleMatchesRankAboveBodyMatches) {
  auto body =
      article("راهنمای نمایندگی‌ها", "برای تعویض روغن به نمایندگی مراجعه کنید");
  auto title = article("تعویض روغن", "هر ۵۰۰۰ کیلومتر");
  EXPECT_EQ(ids("تعویض روغن"), (std::vector<store::RowId>{title.id, body.id}));
}

TEST_F(KbSearch, ThePublicSeesOnlyPublicArticles) {
  auto internal = article("کد تخفیف داخلی", "فقط برای کارشناسان");
  auto open = article("کد تخفیف نوروزی", "برای همه", "public");
  EXPECT_EQ(ids("کد تخفیف", false), std::vector<store::RowId>{open.id});
  EXPECT_EQ(ids("کد تخفیف", true).size(), 2u);
  (void)internal;
}

TEST_F(KbSearch, EditsMakeVersionsAndStaleEditsConflict) {
  auto a = article("ساعت کاری", "شنبه تا چهارشنبه");
  store::Article edit = a;
  edit.body = "شنبه تا پنجشنبه";
  auto v2 = kb->update(edit, agent, from_millis(2));
  ASSERT_TRUE(v2.ok()) << v2.error().message;
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(ids("پنجشنبه"), std::vector<store::RowId>{a.id}) << "re-indexed";
  EXPECT_EQ(ids("چهارشنبه").size(), 0u);
  auto stale = kb->update(edit, agent, from_millis(3));  // still says version 1
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  auto history = kb->versions(a.id);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->at(0).body, "شنبه تا چهارشنبه");
}

TEST_F(KbSearch, SuggestionsPreferTheOfferedTypeThenCapturedWords) {
  auto generic = article("سرویس دوره‌ای کاویر", "kavir_suv");
  auto typed = article("پیگیری گارانتی", "مراحل", "agents", {"warranty_claim"});
  auto hits = kb->suggest("warranty_claim", {{"vehicle_model", "kavir_suv"}}, 5);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ(hits->at(0).article.id, typed.id);
  EXPECT_EQ(hits->at(1).article.id, generic.id);
}

TEST_F(KbSearch, UnansweredQuestionsAreListedUntilResolved) {
  auto q = kb->ask("آیا گارانتی به مالک دوم منتقل می‌شود؟",
                   "warranty_claim", agent, from_millis(1));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(kb->open_questions()->size(), 1u);
  auto a = article("انتقال گارانتی", "بله");
  ASSERT_TRUE(kb->resolve(q->id, a.id, agent, from_millis(2)).ok());
  EXPECT_TRUE(kb->open_questions()->empty());
  EXPECT_EQ(kb->resolve(q->id, a.id, agent, from_millis(3)).error().code, ErrorCode::conflict);
  EXPECT_FALSE(kb->ask("  ", "", agent, from_millis(4)).ok());
}

TEST_F(KbSearch, QuotesAndOperatorsInQueriesAreJustText) {
  article("OR AND NOT", "\"quoted\" body*");
  EXPECT_EQ(ids("\"quoted\" OR *").size(), 1u);
  EXPECT_TRUE(ids("  ").empty());
}

}  // namespace
}  // namespace tamas::testing
