// The SQLite store (default backend). One object = one connection.
//
// Durability: WAL journal. With Sync::normal (default) a committed
// transaction survives a crash of the process (SIGKILL, abort) — what
// tests/store/crash_test.cc checks — but the last commits may be lost on power
// loss or an OS crash. Sync::full fsyncs the WAL at every commit and survives
// power loss, at a cost in commits per second (group commit in writer.h
// amortises it).
//
// Opening applies pending migrations (migrations.h) in one transaction and
// records them in schema_migrations. A database whose schema is newer than
// this binary is refused with ErrorCode::conflict.
//
// Full-text search: the Debian SQLite build has FTS5 (sqlite_has_fts5());
// kb_fts (migration 0003) is an FTS5 table over normalised article text.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace tamas::store {

struct SqliteOptions {
  enum class Sync { normal, full };
  Sync sync = Sync::normal;
  // How long a connection waits for another connection's lock.
  std::chrono::milliseconds busy_timeout{5000};
  // false: this connection never checkpoints the WAL on commit; a
  // WalCheckpointer (store/wal_checkpointer.h) must then do it.
  bool auto_checkpoint = true;
};

// Opens or creates the database file at `path` and migrates it.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteOptions& options = {});

// Schema version recorded in the database at `path` (0 when empty).
Result<int> read_schema_version(const std::string& path);

bool sqlite_has_fts5();

}  // namespace tamas::store
