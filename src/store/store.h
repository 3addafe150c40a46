// Store: the persistence boundary. One object is one connection to one
// database; it hands out repositories (repositories.h) and transactions.
//
// Threads: a Store is NOT thread-safe. Use it from one thread at a time. The
// server gives one Store to the StoreWriter thread (writer.h) for all writes
// and opens further Stores on the same database for readers (SQLite WAL lets
// readers run concurrently with the writer and see only committed data).
//
// Transactions: outside begin()/commit() every repository call commits on its
// own. Between begin() and commit() nothing is durable or visible to other
// connections until commit() returns ok.
#pragma once

#include <functional>

#include "core/result.h"
#include "store/crm_repositories.h"
#include "store/chat_repository.h"
#include "store/repositories.h"
#include "store/workforce_repository.h"

namespace tamas::store {

class Store {
 public:
  virtual ~Store() = default;

  virtual TenantRepository& tenants() = 0;
  virtual StrategyRepository& strategies() = 0;
  virtual UserRepository& users() = 0;
  virtual ApiTokenRepository& tokens() = 0;
  virtual AgentRepository& agents() = 0;
  virtual CustomerRepository& customers() = 0;
  virtual InteractionRepository& interactions() = 0;
  virtual MessageRepository& messages() = 0;
  virtual EventRepository& events() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual WebhookRepository& webhooks() = 0;
  // CRM, cases and knowledge base (migration 0003; store/crm_repositories.h).
  virtual ProfileRepository& profiles() = 0;
  virtual DepartmentRepository& departments() = 0;
  virtual CaseRepository& cases() = 0;
  virtual KnowledgeRepository& knowledge() = 0;
  virtual ChatRepository& chats() = 0;  // migration 0004
  virtual WorkforceRepository& workforce() = 0;  // migration 0006

  // Starts a write transaction (takes the write lock now, so it cannot fail
  // later for lock upgrade). REQUIRES: no transaction is open.
  virtual Status begin() = 0;
  // Makes the transaction durable (see the durability note in
  // sqlite_store.h). On error the transaction is rolled back.
  // REQUIRES: begin() succeeded.
  virtual Status commit() = 0;
  // Abandons the open transaction; a no-op when none is open.
  virtual void rollback() = 0;
  // Runs `op` all-or-nothing inside the current transaction (or on its own
  // when none is open): if op returns an error, its writes are undone and
  // the rest of the transaction is kept. Returns op's status.
  virtual Status atomically(const std::function<Status()>& op) = 0;
};

}  // namespace tamas::store
