// Repository interfaces of migration 0003: customer profiles beyond the
// customers table, departments, cases and the knowledge base. The shared
// contract of repositories.h applies (tenant scoping, error codes, atomic
// methods, one thread at a time).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/case_records.h"
#include "store/crm_records.h"
#include "store/kb_records.h"

namespace tamas::store {

class ProfileRepository {
 public:
  virtual ~ProfileRepository() = default;
  // Adding an existing (kind, value, customer) is a no-op.
  virtual Status add_identity(const CustomerIdentity& i) = 0;
  virtual Result<std::vector<CustomerIdentity>> identities(TenantId tenant, RowId customer) = 0;
  // Customers (not merged away) holding this identity, by id.
  virtual Result<std::vector<RowId>> find_by_identity(TenantId tenant, IdentityKind kind,
                                                      const std::string& value) = 0;
  virtual Result<RowId> add_asset(const CustomerAsset& a) = 0;
  virtual Result<std::vector<CustomerAsset>> assets(TenantId tenant, RowId customer) = 0;
  // Owners (not merged away) of an asset with this serial (VIN), by id.
  virtual Result<std::vector<RowId>> find_by_serial(TenantId tenant, const std::string& serial) = 0;
  // Inserts or replaces the consent for (customer, topic).
  virtual Status set_consent(const Consent& c) = 0;
  virtual Result<std::vector<Consent>> consents(TenantId tenant, RowId customer) = 0;

  // Moves everything of `m.from` (interactions, cases, case events,
  // identities, assets, consents not set on the target) to `m.into`, marks
  // `from` as merged and logs `m`. Does not touch phones/emails (the caller
  // updates the surviving Customer). Atomic.
  virtual Result<RowId> merge(const CustomerMerge& m) = 0;
  virtual Result<std::vector<CustomerMerge>> merges_into(TenantId tenant, RowId customer) = 0;

  // The customer's interactions and case events, newest first, strictly
  // after `after` when given, at most `limit`.
  virtual Result<std::vector<TimelineEntry>> timeline(TenantId tenant, RowId customer,
                                                      const std::optional<TimelineCursor>& after,
                                                      int limit) = 0;
  // Recency/frequency facts for the value score: number of interactions and
  // the newest arrival (nullopt when none).
  struct ContactStats {
    std::int64_t interactions = 0;
    std::optional<Instant> last_contact;
    std::int64_t complaints = 0;  // cases of kind "complaint"
  };
  virtual Result<ContactStats> contact_stats(TenantId tenant, RowId customer) = 0;
};

class DepartmentRepository {
 public:
  virtual ~DepartmentRepository() = default;
  // Inserts or replaces the membership.
  virtual Status add(const UserDepartment& d) = 0;
  virtual Result<std::vector<UserDepartment>> of_user(TenantId tenant, RowId user) = 0;
  virtual Result<std::vector<UserDepartment>> members(TenantId tenant,
                                                      const std::string& department) = 0;
};

class CaseRepository {
 public:
  virtual ~CaseRepository() = default;
  virtual Result<RowId> add(const Case& c) = 0;
  virtual Result<Case> get(TenantId tenant, RowId id) = 0;
  // Replaces every field but id, tenant and created_at.
  virtual Status update(const Case& c) = 0;
  // Newest first; open_only skips resolved and closed cases.
  virtual Result<std::vector<Case>> by_customer(TenantId tenant, RowId customer,
                                                bool open_only) = 0;
  // Cases in a state, oldest first, at most `limit`.
  virtual Result<std::vector<Case>> by_state(TenantId tenant, CaseState state, int limit) = 0;
  // Forwarded cases whose current department is `department`, oldest first.
  virtual Result<std::vector<Case>> forwarded_to(TenantId tenant,
                                                 const std::string& department) = 0;
  // Cases whose next_sla_at <= now, soonest first, at most `limit`.
  virtual Result<std::vector<Case>> sla_due(TenantId tenant, Instant now, int limit) = 0;

  // Assigns the id. Events of a case are listed in id order.
  virtual Result<RowId> add_event(const CaseEvent& e) = 0;
  virtual Result<std::vector<CaseEvent>> events(TenantId tenant, RowId case_id) = 0;

  virtual Result<RowId> add_forward(const CaseForward& f) = 0;
  virtual Result<CaseForward> get_forward(TenantId tenant, RowId id) = 0;
  virtual Status update_forward(const CaseForward& f) = 0;
  virtual Result<std::vector<CaseForward>> forwards(TenantId tenant, RowId case_id) = 0;
  // Unanswered forwards with due_at <= now (escalated or not), oldest due first.
  virtual Result<std::vector<CaseForward>> overdue_forwards(TenantId tenant, Instant now) = 0;

  // Links both directions; linking a linked pair replaces the kind.
  virtual Status link(const CaseLink& l) = 0;
  virtual Result<std::vector<CaseLink>> links(TenantId tenant, RowId case_id) = 0;

  // Inserts or replaces the redress of a case.
  virtual Status set_redress(const Redress& r) = 0;
  virtual Result<Redress> redress(TenantId tenant, RowId case_id) = 0;

  virtual Result<RowId> add_notification(const OutboundNotification& n) = 0;
  // Pending notifications, oldest first, at most `limit`.
  virtual Result<std::vector<OutboundNotification>> pending_notifications(TenantId tenant,
                                                                          int limit) = 0;

  virtual Result<RowId> add_voc(const VocAction& a) = 0;
  virtual Result<VocAction> get_voc(TenantId tenant, RowId id) = 0;
  // Replaces every field but id, tenant and created_at, and the case list.
  virtual Status update_voc(const VocAction& a) = 0;
  virtual Result<std::vector<VocAction>> list_voc(TenantId tenant) = 0;
};

class KnowledgeRepository {
 public:
  virtual ~KnowledgeRepository() = default;
  // Stores the article (version 1), its first version and its index text.
  virtual Result<RowId> add(const Article& a, const ArticleIndexText& index) = 0;
  virtual Result<Article> get(TenantId tenant, RowId id) = 0;
  // Replaces the article (a.version must be the stored version + 1), keeps the
  // new version in the history and re-indexes it.
  virtual Status update(const Article& a, const ArticleIndexText& index) = 0;
  virtual Result<std::vector<ArticleVersion>> versions(TenantId tenant, RowId id) = 0;
  virtual Result<std::vector<Article>> by_category(TenantId tenant,
                                                   const std::string& category) = 0;
  // FTS5 query over the index text (`match` is FTS5 syntax built by the
  // caller), bm25-ranked (title weighs most), archived and — unless
  // include_agents_only — agents-only articles skipped.
  virtual Result<std::vector<ArticleHit>> search(TenantId tenant, const std::string& match,
                                                 bool include_agents_only, int limit) = 0;
  // Non-archived articles whose review date is <= now.
  virtual Result<std::vector<Article>> due_for_review(TenantId tenant, Instant now) = 0;

  virtual Result<RowId> add_question(const UnansweredQuestion& q) = 0;
  virtual Result<UnansweredQuestion> get_question(TenantId tenant, RowId id) = 0;
  virtual Status update_question(const UnansweredQuestion& q) = 0;
  // Unresolved questions, oldest first.
  virtual Result<std::vector<UnansweredQuestion>> open_questions(TenantId tenant) = 0;
};

}  // namespace tamas::store
