#include "store/wal_checkpointer.h"

#include <sqlite3.h>

#include <string_view>

#include "core/log.h"

namespace tamas::store {

struct WalCheckpointer::Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

namespace {

// Also makes the connection read the header, without which a checkpoint
// reports "not in WAL mode".
bool in_wal_mode(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr) != SQLITE_OK) return false;
  bool wal = false;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* mode = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    wal = mode && std::string_view(mode) == "wal";
  }
  sqlite3_finalize(stmt);
  return wal;
}

}  // namespace

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::start(const std::string& path,
                                                                Options options) {
  auto c = std::make_unique<Connection>();
  if (sqlite3_open_v2(path.c_str(), &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    return Error::unavailable("checkpointer: cannot open " + path + ": " +
                              (c->db ? sqlite3_errmsg(c->db) : "out of memory"));
  }
  sqlite3_busy_timeout(c->db, 1000);
  if (!in_wal_mode(c->db)) return Error::invalid("checkpointer: " + path + " is not in WAL mode");
  // Its own commits (none are expected) must not checkpoint either.
  sqlite3_wal_autocheckpoint(c->db, 0);
  return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(std::move(c), options));
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<Connection> db, Options options)
    : db_(std::move(db)), options_(options), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  stop();
}

Result<WalCheckpointer::Pass> WalCheckpointer::checkpoint_now() {
  std::lock_guard lock(mutex_);
  Pass pass;
  const int rc = sqlite3_wal_checkpoint_v2(db_->db, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                           &pass.log_frames, &pass.checkpointed);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    return Error::unavailable(std::string("checkpoint: ") + sqlite3_errmsg(db_->db));
  return pass;
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.interval, [this] { return stopping_; });
    lock.unlock();
    if (auto pass = checkpoint_now(); !pass)
      log(LogLevel::warn, "store.checkpoint_failed", {{"error", pass.error().message}});
    lock.lock();
  }
}

void WalCheckpointer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  std::call_once(joined_, [this] { thread_.join(); });
}

}  // namespace tamas::store
