// FaultInjectingStore: a Store decorator (LevelDB ErrorEnv-style) that
// passes everything to the wrapped store and, when armed, fails writes with
// ErrorCode::unavailable as a full disk or I/O error would.
//
// The CRM and case repositories (profiles, departments, cases;
// fault_injection_crm.cc) are decorated too; knowledge and chats pass
// through undecorated for now.
//
// Writes are every repository method that changes data (add, update,
// activate, revoke, merge, append) and commit(). A failed write changes
// nothing; a failed commit rolls the whole transaction back. Reads, begin(),
// rollback() and atomically() itself always pass through.
//
// Threads: the store itself is used by one thread at a time like any Store;
// the arming methods may be called from any other thread at any time.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "store/store.h"

namespace tamas::store {

// The shared switchboard of one FaultInjectingStore.
class FaultSwitch {
 public:
  // The n-th write from now fails (n = 1: the next one), once. 0 disarms.
  void fail_nth_write(std::int64_t n) { countdown_.store(n); }
  // While on, every write fails.
  void fail_all_writes(bool on) { all_.store(on); }
  // Writes attempted so far, failed or not.
  std::int64_t writes_seen() const { return seen_.load(); }
  std::int64_t writes_failed() const { return failed_.load(); }

  // Called before each write: an error when this write must fail.
  std::optional<Error> on_write();

 private:
  std::atomic<std::int64_t> countdown_{0};
  std::atomic<bool> all_{false};
  std::atomic<std::int64_t> seen_{0};
  std::atomic<std::int64_t> failed_{0};
};

class FaultInjectingStore final : public Store {
 public:
  explicit FaultInjectingStore(std::unique_ptr<Store> inner);
  ~FaultInjectingStore() override;

  FaultSwitch& faults() { return faults_; }

  TenantRepository& tenants() override;
  StrategyRepository& strategies() override;
  UserRepository& users() override;
  ApiTokenRepository& tokens() override;
  AgentRepository& agents() override;
  CustomerRepository& customers() override;
  InteractionRepository& interactions() override;
  MessageRepository& messages() override;
  EventRepository& events() override;
  SessionRepository& sessions() override;
  WebhookRepository& webhooks() override;
  ProfileRepository& profiles() override;
  DepartmentRepository& departments() override;
  CaseRepository& cases() override;
  // Pass through without fault injection (not yet decorated).
  KnowledgeRepository& knowledge() override { return inner_->knowledge(); }
  // Chats pass straight through (no injected faults yet).
  ChatRepository& chats() override { return inner_->chats(); }
  // Workforce records pass straight through (no injected faults yet).
  WorkforceRepository& workforce() override { return inner_->workforce(); }

  Status begin() override { return inner_->begin(); }
  Status commit() override;
  void rollback() override { inner_->rollback(); }
  Status atomically(const std::function<Status()>& op) override { return inner_->atomically(op); }

 private:
  struct Repos;     // fault_injection.cc
  struct CrmRepos;  // fault_injection_crm.cc
  struct CrmReposDeleter {
    void operator()(CrmRepos* r) const;
  };
  static std::unique_ptr<CrmRepos, CrmReposDeleter> make_crm_repos(Store& inner, FaultSwitch& f);

  std::unique_ptr<Store> inner_;
  FaultSwitch faults_;
  std::unique_ptr<Repos> repos_;
  std::unique_ptr<CrmRepos, CrmReposDeleter> crm_;
};

}  // namespace tamas::store
