// Questions agents could not answer from the knowledge base.
#include "store/sqlite/crm_repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

#define TAMAS_QUESTION_SELECT                                                            \
  "SELECT id, tenant_id, question, type, asked_by, asked_at, resolved_at, resolved_by, " \
  "article_id FROM kb_unanswered "

UnansweredQuestion read(const Query& q) {
  return UnansweredQuestion{q.i64(0),     q.i64(1),         q.text(2),    q.text(3),   q.i64(4),
                            q.instant(5), q.opt_instant(6), q.opt_i64(7), q.opt_i64(8)};
}

}  // namespace

Result<RowId> Knowledge::add_question(const UnansweredQuestion& u) {
  Result<Query> q = db_.query(
      "INSERT INTO kb_unanswered (tenant_id, question, type, asked_by, asked_at, resolved_at, "
      "resolved_by, article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  TAMAS_TRY(q);
  q->bind(u.tenant).bind(u.question).bind(u.type).bind(u.asked_by).bind(u.asked_at);
  TAMAS_TRY(q->bind(u.resolved_at).bind(u.resolved_by).bind(u.article).run());
  return db_.last_insert_rowid();
}

Result<UnansweredQuestion> Knowledge::get_question(TenantId tenant, RowId id) {
  Result<Query> q = db_.query(TAMAS_QUESTION_SELECT "WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  return first<UnansweredQuestion>(q->bind(tenant).bind(id), read,
                                   "no question " + std::to_string(id));
}

Status Knowledge::update_question(const UnansweredQuestion& u) {
  Result<Query> q = db_.query(
      "UPDATE kb_unanswered SET resolved_at = ?, resolved_by = ?, article_id = ? WHERE "
      "tenant_id = ? AND id = ?");
  TAMAS_TRY(q);
  q->bind(u.resolved_at).bind(u.resolved_by).bind(u.article).bind(u.tenant).bind(u.id);
  return update_one(db_, *q, "no question " + std::to_string(u.id));
}

Result<std::vector<UnansweredQuestion>> Knowledge::open_questions(TenantId tenant) {
  Result<Query> q =
      db_.query(TAMAS_QUESTION_SELECT "WHERE tenant_id = ? AND resolved_at IS NULL ORDER BY id");
  TAMAS_TRY(q);
  return collect<UnansweredQuestion>(q->bind(tenant), read);
}

}  // namespace tamas::store::sqlite
