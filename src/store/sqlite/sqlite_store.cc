#include "store/sqlite_store.h"

#include <sqlite3.h>

#include "store/memory_store.h"
#include "store/sqlite/migrate.h"
#include "store/sqlite/crm_repos.h"
#include "store/sqlite/repos.h"

namespace tamas::store {
namespace sqlite {
namespace {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Db> db)
      : db_(std::move(db)),
        tenants_(*db_),
        strategies_(*db_),
        users_(*db_),
        tokens_(*db_),
        agents_(*db_),
        customers_(*db_),
        interactions_(*db_),
        messages_(*db_),
        events_(*db_),
        sessions_(*db_),
        webhooks_(*db_),
        profiles_(*db_),
        departments_(*db_),
        cases_(*db_),
        knowledge_(*db_),
        chats_(*db_),
        workforce_(*db_) {}

  TenantRepository& tenants() override { return tenants_; }
  StrategyRepository& strategies() override { return strategies_; }
  UserRepository& users() override { return users_; }
  ApiTokenRepository& tokens() override { return tokens_; }
  AgentRepository& agents() override { return agents_; }
  CustomerRepository& customers() override { return customers_; }
  InteractionRepository& interactions() override { return interactions_; }
  MessageRepository& messages() override { return messages_; }
  EventRepository& events() override { return events_; }
  SessionRepository& sessions() override { return sessions_; }
  WebhookRepository& webhooks() override { return webhooks_; }
  ProfileRepository& profiles() override { return profiles_; }
  DepartmentRepository& departments() override { return departments_; }
  CaseRepository& cases() override { return cases_; }
  KnowledgeRepository& knowledge() override { return knowledge_; }
  ChatRepository& chats() override { return chats_; }
  WorkforceRepository& workforce() override { return workforce_; }

  Status begin() override {
    assert(!db_->in_transaction() && "begin() inside a transaction");
    return db_->exec("BEGIN IMMEDIATE");
  }

  Status commit() override {
    Status s = db_->exec("COMMIT");
    if (!s.ok() && db_->in_transaction()) rollback();
    return s;
  }

  void rollback() override {
    if (db_->in_transaction()) (void)db_->exec("ROLLBACK");
  }

  Status atomically(const std::function<Status()>& op) override { return with_savepoint(*db_, op); }

 private:
  std::unique_ptr<Db> db_;
  Tenants tenants_;
  Strategies strategies_;
  Users users_;
  Tokens tokens_;
  Agents agents_;
  Customers customers_;
  Interactions interactions_;
  Messages messages_;
  Events events_;
  Sessions sessions_;
  Webhooks webhooks_;
  Profiles profiles_;
  Departments departments_;
  Cases cases_;
  Knowledge knowledge_;
  Chats chats_;
  Workforce workforce_;
};

Status configure(Db& db, const SqliteOptions& options, bool on_disk) {
  std::string pragmas = "PRAGMA foreign_keys = ON;";
  pragmas += "PRAGMA busy_timeout = " + std::to_string(options.busy_timeout.count()) + ";";
  if (on_disk) {
    pragmas += "PRAGMA journal_mode = WAL;";
    pragmas += options.sync == SqliteOptions::Sync::full ? "PRAGMA synchronous = FULL;"
                                                         : "PRAGMA synchronous = NORMAL;";
    if (!options.auto_checkpoint) pragmas += "PRAGMA wal_autocheckpoint = 0;";
  }
  return db.exec(pragmas);
}

Result<std::unique_ptr<Store>> open(const std::string& path, const SqliteOptions& options,
                                    bool on_disk) {
  Result<std::unique_ptr<Db>> db = Db::open(path);
  if (!db.ok()) return db.error();
  if (Status s = configure(**db, options, on_disk); !s.ok()) return s.error();
  if (Status s = migrate(**db, embedded_migrations()); !s.ok()) {
    return Error{s.error().code, path + ": " + s.error().message};
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(*db)));
}

}  // namespace
}  // namespace sqlite

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteOptions& options) {
  return sqlite::open(path, options, /*on_disk=*/true);
}

Result<std::unique_ptr<Store>> open_memory_store() {
  return sqlite::open(":memory:", SqliteOptions{}, /*on_disk=*/false);
}

Result<int> read_schema_version(const std::string& path) {
  Result<std::unique_ptr<sqlite::Db>> db = sqlite::Db::open(path);
  if (!db.ok()) return db.error();
  return sqlite::schema_version(**db);
}

bool sqlite_has_fts5() {
  return sqlite3_compileoption_used("ENABLE_FTS5") == 1;
}

}  // namespace tamas::store
