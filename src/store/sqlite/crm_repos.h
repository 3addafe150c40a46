// SQLite implementations of the migration-0003 repositories
// (store/crm_repositories.h), one .cc each. Internal to store/sqlite.
#pragma once

#include "store/crm_repositories.h"
#include "store/sqlite/db.h"

namespace tamas::store::sqlite {

class Profiles final : public ProfileRepository {
 public:
  explicit Profiles(Db& db) : db_(db) {}
  Status add_identity(const CustomerIdentity& i) override;
  Result<std::vector<CustomerIdentity>> identities(TenantId tenant, RowId customer) override;
  Result<std::vector<RowId>> find_by_identity(TenantId tenant, IdentityKind kind,
                                              const std::string& value) override;
  Result<RowId> add_asset(const CustomerAsset& a) override;
  Result<std::vector<CustomerAsset>> assets(TenantId tenant, RowId customer) override;
  Result<std::vector<RowId>> find_by_serial(TenantId tenant, const std::string& serial) override;
  Status set_consent(const Consent& c) override;
  Result<std::vector<Consent>> consents(TenantId tenant, RowId customer) override;
  Result<RowId> merge(const CustomerMerge& m) override;
  Result<std::vector<CustomerMerge>> merges_into(TenantId tenant, RowId customer) override;
  Result<std::vector<TimelineEntry>> timeline(TenantId tenant, RowId customer,
                                              const std::optional<TimelineCursor>& after,
                                              int limit) override;
  Result<ContactStats> contact_stats(TenantId tenant, RowId customer) override;

 private:
  Status move_rows(const CustomerMerge& m);
  Db& db_;
};

class Departments final : public DepartmentRepository {
 public:
  explicit Departments(Db& db) : db_(db) {}
  Status add(const UserDepartment& d) override;
  Result<std::vector<UserDepartment>> of_user(TenantId tenant, RowId user) override;
  Result<std::vector<UserDepartment>> members(TenantId tenant,
                                              const std::string& department) override;

 private:
  Db& db_;
};

class Cases final : public CaseRepository {
 public:
  explicit Cases(Db& db) : db_(db) {}
  Result<RowId> add(const Case& c) override;
  Result<Case> get(TenantId tenant, RowId id) override;
  Status update(const Case& c) override;
  Result<std::vector<Case>> by_customer(TenantId tenant, RowId customer, bool open_only) override;
  Result<std::vector<Case>> by_state(TenantId tenant, CaseState state, int limit) override;
  Result<std::vector<Case>> forwarded_to(TenantId tenant, const std::string& department) override;
  Result<std::vector<Case>> sla_due(TenantId tenant, Instant now, int limit) override;
  Result<RowId> add_event(const CaseEvent& e) override;
  Result<std::vector<CaseEvent>> events(TenantId tenant, RowId case_id) override;
  Result<RowId> add_forward(const CaseForward& f) override;
  Result<CaseForward> get_forward(TenantId tenant, RowId id) override;
  Status update_forward(const CaseForward& f) override;
  Result<std::vector<CaseForward>> forwards(TenantId tenant, RowId case_id) override;
  Result<std::vector<CaseForward>> overdue_forwards(TenantId tenant, Instant now) override;
  Status link(const CaseLink& l) override;
  Result<std::vector<CaseLink>> links(TenantId tenant, RowId case_id) override;
  Status set_redress(const Redress& r) override;
  Result<Redress> redress(TenantId tenant, RowId case_id) override;
  Result<RowId> add_notification(const OutboundNotification& n) override;
  Result<std::vector<OutboundNotification>> pending_notifications(TenantId tenant,
                                                                  int limit) override;
  Result<RowId> add_voc(const VocAction& a) override;
  Result<VocAction> get_voc(TenantId tenant, RowId id) override;
  Status update_voc(const VocAction& a) override;
  Result<std::vector<VocAction>> list_voc(TenantId tenant) override;

 private:
  Status load_voc_cases(VocAction& a);
  Db& db_;
};

class Knowledge final : public KnowledgeRepository {
 public:
  explicit Knowledge(Db& db) : db_(db) {}
  Result<RowId> add(const Article& a, const ArticleIndexText& index) override;
  Result<Article> get(TenantId tenant, RowId id) override;
  Status update(const Article& a, const ArticleIndexText& index) override;
  Result<std::vector<ArticleVersion>> versions(TenantId tenant, RowId id) override;
  Result<std::vector<Article>> by_category(TenantId tenant, const std::string& category) override;
  Result<std::vector<ArticleHit>> search(TenantId tenant, const std::string& match,
                                         bool include_agents_only, int limit) override;
  Result<std::vector<Article>> due_for_review(TenantId tenant, Instant now) override;
  Result<RowId> add_question(const UnansweredQuestion& q) override;
  Result<UnansweredQuestion> get_question(TenantId tenant, RowId id) override;
  Status update_question(const UnansweredQuestion& q) override;
  Result<std::vector<UnansweredQuestion>> open_questions(TenantId tenant) override;

 private:
  Status write_version_and_index(const Article& a, const ArticleIndexText& index);
  Db& db_;
};

}  // namespace tamas::store::sqlite

// Returns the error of a failed Status or Result from the enclosing function.
#define TAMAS_TRY(expr)                                                                          \
  do {                                                                                           \
    if (auto&& tamas_try_ = (expr); !tamas_try_.ok()) return ::tamas::Error(tamas_try_.error()); \
  } while (0)
