#include "store/sqlite/migrate.h"

#include <string>

namespace tamas::store {

int latest_schema_version() {
  const std::vector<Migration>& all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

namespace sqlite {

// schema_migrations is bookkeeping for the whole file, so unlike every other
// table it has no tenant_id.
static const char* const kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL)";

Result<int> schema_version(Db& db) {
  Result<Query> exists = db.query(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!exists.ok()) return exists.error();
  Result<bool> row = exists->step();
  if (!row.ok()) return row.error();
  if (exists->i64(0) == 0) return 0;
  Result<Query> q = db.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!q.ok()) return q.error();
  row = q->step();
  if (!row.ok()) return row.error();
  return static_cast<int>(q->i64(0));
}

static Status apply_pending(Db& db, const std::vector<Migration>& migrations, int current) {
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    if (Status s = db.exec(m.sql); !s.ok())
      return Error::internal(std::string("migration ") + m.name + ": " + s.error().message);
    Result<Query> q = db.query("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
    if (!q.ok()) return q.error();
    if (Status s = q->bind(m.version).bind(m.name).run(); !s.ok()) return s;
  }
  return {};
}

Status migrate(Db& db, const std::vector<Migration>& migrations) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  // Fast path for the common reopen: already current, no write lock needed
  // (a reader opening while the writer commits does not wait).
  if (Result<int> seen = schema_version(db); seen.ok() && *seen == latest && latest > 0) return {};
  // The write lock is taken first, so two processes opening one file at
  // once cannot both apply a migration.
  if (Status s = db.exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Status result = db.exec(kCreateTable);
  Result<int> current = result.ok() ? schema_version(db) : Result<int>(result.error());
  if (!current.ok()) {
    result = current.error();
  } else if (*current > latest) {
    result = Error::conflict("database schema version " + std::to_string(*current) +
                             " is newer than this tamas binary knows (" + std::to_string(latest) +
                             "); upgrade tamas");
  } else if (*current < latest) {
    result = apply_pending(db, migrations, *current);
  }
  if (!result.ok()) {
    (void)db.exec("ROLLBACK");
    return result;
  }
  return db.exec("COMMIT");
}

}  // namespace sqlite
}  // namespace tamas::store
