// Applying embedded migrations to a connection. Internal to store/sqlite.
#pragma once

#include <vector>

#include "store/migrations.h"
#include "store/sqlite/db.h"

namespace tamas::store::sqlite {

// Highest version recorded in schema_migrations; 0 when the table is absent.
Result<int> schema_version(Db& db);

// Applies every migration newer than the database's version, all in one
// transaction, recording each in schema_migrations. Refuses (conflict) a
// database newer than the last of `migrations`. Idempotent.
Status migrate(Db& db, const std::vector<Migration>& migrations);

}  // namespace tamas::store::sqlite
