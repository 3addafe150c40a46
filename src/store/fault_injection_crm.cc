// Fault-injecting decorators of the CRM and case repositories
// (crm_repositories.h) for FaultInjectingStore: reads pass through; every
// write asks the FaultSwitch first and changes nothing when it fails.
#include "store/fault_injection.h"
#include "store/fault_injection_write.h"

namespace tamas::store {


namespace {

class Profiles final : public ProfileRepository {
 public:
  Profiles(ProfileRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Status add_identity(const CustomerIdentity& i) override { TAMAS_W(add_identity(i)); }
  Result<std::vector<CustomerIdentity>> identities(TenantId t, RowId c) override {
    return in_.identities(t, c);
  }
  Result<std::vector<RowId>> find_by_identity(TenantId t, IdentityKind k,
                                              const std::string& v) override {
    return in_.find_by_identity(t, k, v);
  }
  Result<RowId> add_asset(const CustomerAsset& a) override { TAMAS_W(add_asset(a)); }
  Result<std::vector<CustomerAsset>> assets(TenantId t, RowId c) override {
    return in_.assets(t, c);
  }
  Result<std::vector<RowId>> find_by_serial(TenantId t, const std::string& s) override {
    return in_.find_by_serial(t, s);
  }
  Status set_consent(const Consent& c) override { TAMAS_W(set_consent(c)); }
  Result<std::vector<Consent>> consents(TenantId t, RowId c) override { return in_.consents(t, c); }
  Result<RowId> merge(const CustomerMerge& m) override { TAMAS_W(merge(m)); }
  Result<std::vector<CustomerMerge>> merges_into(TenantId t, RowId c) override {
    return in_.merges_into(t, c);
  }
  Result<std::vector<TimelineEntry>> timeline(TenantId t, RowId c,
                                              const std::optional<TimelineCursor>& after,
                                              int limit) override {
    return in_.timeline(t, c, after, limit);
  }
  Result<ContactStats> contact_stats(TenantId t, RowId c) override {
    return in_.contact_stats(t, c);
  }

 private:
  ProfileRepository& in_;
  FaultSwitch& f_;
};

class Departments final : public DepartmentRepository {
 public:
  Departments(DepartmentRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Status add(const UserDepartment& d) override { TAMAS_W(add(d)); }
  Result<std::vector<UserDepartment>> of_user(TenantId t, RowId u) override {
    return in_.of_user(t, u);
  }
  Result<std::vector<UserDepartment>> members(TenantId t, const std::string& d) override {
    return in_.members(t, d);
  }

 private:
  DepartmentRepository& in_;
  FaultSwitch& f_;
};

class Cases final : public CaseRepository {
 public:
  Cases(CaseRepository& in, FaultSwitch& f) : in_(in), f_(f) {}
  Result<RowId> add(const Case& c) override { TAMAS_W(add(c)); }
  Result<Case> get(TenantId t, RowId id) override { return in_.get(t, id); }
  Status update(const Case& c) override { TAMAS_W(update(c)); }
  Result<std::vector<Case>> by_customer(TenantId t, RowId c, bool open_only) override {
    return in_.by_customer(t, c, open_only);
  }
  Result<std::vector<Case>> by_state(TenantId t, CaseState s, int limit) override {
    return in_.by_state(t, s, limit);
  }
  Result<std::vector<Case>> forwarded_to(TenantId t, const std::string& d) override {
    return in_.forwarded_to(t, d);
  }
  Result<std::vector<Case>> sla_due(TenantId t, Instant now, int limit) override {
    return in_.sla_due(t, now, limit);
  }
  Result<RowId> add_event(const CaseEvent& e) override { TAMAS_W(add_event(e)); }
  Result<std::vector<CaseEvent>> events(TenantId t, RowId c) override { return in_.events(t, c); }
  Result<RowId> add_forward(const CaseForward& f) override { TAMAS_W(add_forward(f)); }
  Result<CaseForward> get_forward(TenantId t, RowId id) override { return in_.get_forward(t, id); }
  Status update_forward(const CaseForward& f) override { TAMAS_W(update_forward(f)); }
  Result<std::vector<CaseForward>> forwards(TenantId t, RowId c) override {
    return in_.forwards(t, c);
  }
  Result<std::vector<CaseForward>> overdue_forwards(TenantId t, Instant now) override {
    return in_.overdue_forwards(t, now);
  }
  Status link(const CaseLink& l) override { TAMAS_W(link(l)); }
  Result<std::vector<CaseLink>> links(TenantId t, RowId c) override { return in_.links(t, c); }
  Status set_redress(const Redress& r) override { TAMAS_W(set_redress(r)); }
  Result<Redress> redress(TenantId t, RowId c) override { return in_.redress(t, c); }
  Result<RowId> add_notification(const OutboundNotification& n) override {
    TAMAS_W(add_notification(n));
  }
  Result<std::vector<OutboundNotification>> pending_notifications(TenantId t, int limit) override {
    return in_.pending_notifications(t, limit);
  }
  Result<RowId> add_voc(const VocAction& a) override { TAMAS_W(add_voc(a)); }
  Result<VocAction> get_voc(TenantId t, RowId id) override { return in_.get_voc(t, id); }
  Status update_voc(const VocAction& a) override { TAMAS_W(update_voc(a)); }
  Result<std::vector<VocAction>> list_voc(TenantId t) override { return in_.list_voc(t); }

 private:
  CaseRepository& in_;
  FaultSwitch& f_;
};

}  // namespace

struct FaultInjectingStore::CrmRepos {
  CrmRepos(Store& s, FaultSwitch& f)
      : profiles(s.profiles(), f), departments(s.departments(), f), cases(s.cases(), f) {}
  Profiles profiles;
  Departments departments;
  Cases cases;
};

void FaultInjectingStore::CrmReposDeleter::operator()(CrmRepos* r) const {
  delete r;
}

std::unique_ptr<FaultInjectingStore::CrmRepos, FaultInjectingStore::CrmReposDeleter>
FaultInjectingStore::make_crm_repos(Store& inner, FaultSwitch& f) {
  return std::unique_ptr<CrmRepos, CrmReposDeleter>(new CrmRepos(inner, f));
}

ProfileRepository& FaultInjectingStore::profiles() {
  return crm_->profiles;
}
DepartmentRepository& FaultInjectingStore::departments() {
  return crm_->departments;
}
CaseRepository& FaultInjectingStore::cases() {
  return crm_->cases;
}

}  // namespace tamas::store
