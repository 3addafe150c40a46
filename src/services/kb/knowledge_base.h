// The knowledge base of one tenant (R38, R42, R46): articles in Persian and
// English with categories, visibility (agents only / public), versions and
// review dates; ranked full-text search with Persian normalisation;
// suggestions for an offered contact; the list of questions without an
// answer that agents add to and editors resolve.
//
// Threads: one thread at a time, like the Store it uses. No clock reads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/store.h"

namespace tamas::services::kb {

struct SearchRequest {
  std::string text;
  bool include_agents_only = false;  // agents see both; the public only public
  int limit = 10;                    // 1..50
};

class KnowledgeBase {
 public:
  // `store` must outlive this object.
  KnowledgeBase(store::Store& store, store::TenantId tenant) : store_(store), tenant_(tenant) {}

  // Validates (lang fa|en, visibility agents|public, non-empty title) and
  // stores version 1.
  Result<store::Article> add(store::Article a, store::RowId editor, Instant now);
  // Stores `a` as the next version; `a.version` must be the version the
  // editor started from (conflict when someone saved in between).
  Result<store::Article> update(store::Article a, store::RowId editor, Instant now);
  Result<store::Article> get(store::RowId id) { return store_.knowledge().get(tenant_, id); }
  Result<std::vector<store::ArticleVersion>> versions(store::RowId id) {
    return store_.knowledge().versions(tenant_, id);
  }
  Result<std::vector<store::Article>> due_for_review(Instant now) {
    return store_.knowledge().due_for_review(tenant_, now);
  }

  // All words must match (the last as a prefix); when none does, any word.
  // Ranked by bm25 with the title weighing most.
  Result<std::vector<store::ArticleHit>> search(const SearchRequest& r);
  // Articles for an offered contact: tagged with its interaction type, or
  // matching words of its captured fields; type matches first.
  Result<std::vector<store::ArticleHit>> suggest(const std::string& type,
                                                 const std::map<std::string, std::string>& fields,
                                                 int limit);

  Result<store::UnansweredQuestion> ask(const std::string& question, const std::string& type,
                                        store::RowId agent, Instant now);
  // Marks a question answered, optionally by an article.
  Result<store::UnansweredQuestion> resolve(store::RowId question,
                                            std::optional<store::RowId> article,
                                            store::RowId editor, Instant now);
  Result<std::vector<store::UnansweredQuestion>> open_questions() {
    return store_.knowledge().open_questions(tenant_);
  }

 private:
  store::Store& store_;
  store::TenantId tenant_;
};

}  // namespace tamas::services::kb
