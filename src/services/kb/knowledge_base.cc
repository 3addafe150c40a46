#include "services/kb/knowledge_base.h"

#include <algorithm>

#include "core/text.h"
#include "services/kb/query.h"

namespace tamas::services::kb {
namespace {

Status validate(const store::Article& a) {
  if (a.lang != "fa" && a.lang != "en") return Error::invalid("lang must be fa or en");
  if (a.visibility != "agents" && a.visibility != "public")
    return Error::invalid("visibility must be agents or public");
  if (normalise_text(a.title).empty()) return Error::invalid("an article needs a title");
  return {};
}

}  // namespace

Result<store::Article> KnowledgeBase::add(store::Article a, store::RowId editor, Instant now) {
  if (Status s = validate(a); !s.ok()) return s.error();
  a.tenant = tenant_;
  a.version = 1;
  a.updated_at = now;
  a.updated_by = editor;
  auto id = store_.knowledge().add(a, index_of(a));
  if (!id.ok()) return id.error();
  a.id = *id;
  return a;
}

Result<store::Article> KnowledgeBase::update(store::Article a, store::RowId editor, Instant now) {
  if (Status s = validate(a); !s.ok()) return s.error();
  a.tenant = tenant_;
  a.version += 1;
  a.updated_at = now;
  a.updated_by = editor;
  if (Status s = store_.knowledge().update(a, index_of(a)); !s.ok()) return s.error();
  return a;
}

Result<std::vector<store::ArticleHit>> KnowledgeBase::search(const SearchRequest& r) {
  if (r.limit < 1 || r.limit > 50) return Error::invalid("limit must be 1..50");
  const std::string all = all_terms_query(r.text);
  if (all.empty()) return std::vector<store::ArticleHit>{};
  auto hits = store_.knowledge().search(tenant_, all, r.include_agents_only, r.limit);
  if (!hits.ok() || !hits->empty()) return hits;
  return store_.knowledge().search(tenant_, any_terms_query(search_tokens(r.text)),
                                   r.include_agents_only, r.limit);
}

Result<std::vector<store::ArticleHit>> KnowledgeBase::suggest(
    const std::string& type, const std::map<std::string, std::string>& fields, int limit) {
  if (limit < 1 || limit > 50) return Error::invalid("limit must be 1..50");
  std::vector<std::string> tokens;
  if (!type.empty()) tokens.push_back(type_token(type));
  for (const auto& [name, value] : fields)
    for (auto& t : search_tokens(value)) tokens.push_back(std::move(t));
  if (tokens.empty()) return std::vector<store::ArticleHit>{};
  auto hits = store_.knowledge().search(tenant_, any_terms_query(tokens), true, limit * 4);
  if (!hits.ok()) return hits;
  auto for_type = [&](const store::ArticleHit& h) {
    return std::find(h.article.types.begin(), h.article.types.end(), type) != h.article.types.end();
  };
  std::stable_sort(hits->begin(), hits->end(),
                   [&](const auto& a, const auto& b) { return for_type(a) > for_type(b); });
  if (static_cast<int>(hits->size()) > limit) hits->resize(static_cast<std::size_t>(limit));
  return hits;
}

Result<store::UnansweredQuestion> KnowledgeBase::ask(const std::string& question,
                                                     const std::string& type, store::RowId agent,
                                                     Instant now) {
  if (normalise_text(question).empty()) return Error::invalid("a question needs text");
  store::UnansweredQuestion q{0,   tenant_,      question,     type,        agent,
                              now, std::nullopt, std::nullopt, std::nullopt};
  auto id = store_.knowledge().add_question(q);
  if (!id.ok()) return id.error();
  q.id = *id;
  return q;
}

Result<store::UnansweredQuestion> KnowledgeBase::resolve(store::RowId question,
                                                         std::optional<store::RowId> article,
                                                         store::RowId editor, Instant now) {
  auto q = store_.knowledge().get_question(tenant_, question);
  if (!q.ok()) return q;
  if (q->resolved_at)
    return Error::conflict("question " + std::to_string(question) + " was resolved");
  if (article)
    if (auto a = get(*article); !a.ok()) return a.error();
  q->resolved_at = now;
  q->resolved_by = editor;
  q->article = article;
  if (Status s = store_.knowledge().update_question(*q); !s.ok()) return s.error();
  return q;
}

}  // namespace tamas::services::kb
