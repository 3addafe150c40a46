// Knowledge-base articles, their version history and the FTS5 index.
#include "store/sqlite/crm_repos.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_ARTICLE_COLS                                                              \
  "a.id, a.tenant_id, a.lang, a.category, a.visibility, a.title, a.body, a.tags_json, " \
  "a.types_json, a.version, a.review_at, a.updated_at, a.updated_by, a.archived "

Article read(const Query& q) {
  Article a;
  a.id = q.i64(0);
  a.tenant = q.i64(1);
  a.lang = q.text(2);
  a.category = q.text(3);
  a.visibility = q.text(4);
  a.title = q.text(5);
  a.body = q.text(6);
  a.tags = from_json_list(q.text(7));
  a.types = from_json_list(q.text(8));
  a.version = static_cast<int>(q.i64(9));
  a.review_at = q.opt_instant(10);
  a.updated_at = q.instant(11);
  a.updated_by = q.i64(12);
  a.archived = q.boolean(13);
  return a;
}

}  // namespace

Status Knowledge::write_version_and_index(const Article& a, const ArticleIndexText& index) {
  Result<Query> v = db_.query(
      "INSERT INTO kb_article_versions (tenant_id, article_id, version, title, body, edited_by, "
      "edited_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(v);
  v->bind(a.tenant).bind(a.id).bind(a.version).bind(a.title).bind(a.body);
  TAMAS_TRY(v->bind(a.updated_by).bind(a.updated_at).run());
  Result<Query> del = db_.query("DELETE FROM kb_fts WHERE rowid = ?");
  TAMAS_TRY(del);
  TAMAS_TRY(del->bind(a.id).run());
  Result<Query> ins = db_.query(
      "INSERT INTO kb_fts (rowid, tenant_id, visibility, archived, title, body, tags) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(ins);
  ins->bind(a.id).bind(a.tenant).bind(a.visibility).bind(a.archived);
  return ins->bind(index.title).bind(index.body).bind(index.tags).run();
}

Result<RowId> Knowledge::add(const Article& a, const ArticleIndexText& index) {
  Article stored = a;
  stored.version = 1;
  Status s = with_savepoint(db_, [&]() -> Status {
    Result<Query> q = db_.query(
        "INSERT INTO kb_articles (tenant_id, lang, category, visibility, title, body, tags_json, "
        "types_json, version, review_at, updated_at, updated_by, archived) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    TAMAS_TRY(q);
    q->bind(a.tenant).bind(a.lang).bind(a.category).bind(a.visibility).bind(a.title).bind(a.body);
    q->bind(to_json_list(a.tags)).bind(to_json_list(a.types)).bind(1).bind(a.review_at);
    TAMAS_TRY(q->bind(a.updated_at).bind(a.updated_by).bind(a.archived).run());
    stored.id = db_.last_insert_rowid();
    return write_version_and_index(stored, index);
  });
  if (!s.ok()) return s.error();
  return stored.id;
}

Result<Article> Knowledge::get(TenantId tenant, RowId id) {
  Result<Query> q = db_.query("SELECT " TAMAS_ARTICLE_COLS
                              "FROM kb_articles a WHERE a.tenant_id = ? AND a.id = ?");
  TAMAS_TRY(q);
  return first<Article>(q->bind(tenant).bind(id), read, "no article " + std::to_string(id));
}

Status Knowledge::update(const Article& a, const ArticleIndexText& index) {
  return with_savepoint(db_, [&]() -> Status {
    Result<Query> q = db_.query(
        "UPDATE kb_articles SET lang = ?, category = ?, visibility = ?, title = ?, body = ?, "
        "tags_json = ?, types_json = ?, version = ?, review_at = ?, updated_at = ?, "
        "updated_by = ?, archived = ? WHERE tenant_id = ? AND id = ? AND version = ?");
    TAMAS_TRY(q);
    q->bind(a.lang).bind(a.category).bind(a.visibility).bind(a.title).bind(a.body);
    q->bind(to_json_list(a.tags)).bind(to_json_list(a.types)).bind(a.version).bind(a.review_at);
    q->bind(a.updated_at).bind(a.updated_by).bind(a.archived).bind(a.tenant).bind(a.id);
    TAMAS_TRY(q->bind(a.version - 1).run());
    if (db_.changes() == 0) {
      TAMAS_TRY(get(a.tenant, a.id));
      return Error::conflict("article " + std::to_string(a.id) + " is not at version " +
                             std::to_string(a.version - 1));
    }
    return write_version_and_index(a, index);
  });
}

Result<std::vector<ArticleVersion>> Knowledge::versions(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(
      "SELECT version, title, body, edited_by, edited_at FROM kb_article_versions WHERE "
      "tenant_id = ? AND article_id = ? ORDER BY version");
  TAMAS_TRY(q);
  return collect<ArticleVersion>(q->bind(tenant).bind(id), [&](const Query& r) {
    return ArticleVersion{id,          static_cast<int>(r.i64(0)), r.text(1), r.text(2), r.i64(3),
                          r.instant(4)};
  });
}

Result<std::vector<Article>> Knowledge::by_category(TenantId tenant, const std::string& category) {
  Result<Query> q = db_.query("SELECT " TAMAS_ARTICLE_COLS
                              "FROM kb_articles a WHERE a.tenant_id = ? AND a.category = ? "
                              "AND a.archived = 0 ORDER BY a.id");
  TAMAS_TRY(q);
  return collect<Article>(q->bind(tenant).bind(category), read);
}

Result<std::vector<ArticleHit>> Knowledge::search(TenantId tenant, const std::string& match,
                                                  bool include_agents_only, int limit) {
  // Filtered, ranked and cut inside FTS5 (rank = weighted bm25, migration
  // 0003), then joined to the articles.
  Result<Query> q = db_.query(
      "SELECT " TAMAS_ARTICLE_COLS ", -f.rank FROM (SELECT rowid, rank FROM kb_fts WHERE "
      "kb_fts MATCH ? AND tenant_id = ? AND archived = 0 AND (? = 1 OR visibility = 'public') "
      "ORDER BY rank LIMIT ?) f JOIN kb_articles a ON a.id = f.rowid ORDER BY f.rank, a.id");
  TAMAS_TRY(q);
  q->bind(match).bind(tenant).bind(include_agents_only).bind(limit);
  Result<std::vector<ArticleHit>> hits = collect<ArticleHit>(*q, [](const Query& r) {
    return ArticleHit{read(r), r.real(14)};
  });
  if (!hits.ok() && hits.error().code != ErrorCode::unavailable)
    return Error::invalid("search: " + hits.error().message);
  return hits;
}

Result<std::vector<Article>> Knowledge::due_for_review(TenantId tenant, Instant now) {
  Result<Query> q = db_.query("SELECT " TAMAS_ARTICLE_COLS
                              "FROM kb_articles a WHERE a.tenant_id = ? AND a.archived = 0 AND "
                              "a.review_at IS NOT NULL AND a.review_at <= ? ORDER BY a.review_at");
  TAMAS_TRY(q);
  return collect<Article>(q->bind(tenant).bind(now), read);
}

}  // namespace tamas::store::sqlite
