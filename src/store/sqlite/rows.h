// Helpers to turn a bound Query into records. Internal to store/sqlite.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/sqlite/db.h"

namespace tamas::store::sqlite {

// Every row, converted by read(const Query&) -> T.
template <typename T, typename Read>
Result<std::vector<T>> collect(Query& q, Read read) {
  std::vector<T> out;
  for (;;) {
    Result<bool> row = q.step();
    if (!row.ok()) return row.error();
    if (!*row) return out;
    out.push_back(read(q));
  }
}

// The first row, or not_found(what).
template <typename T, typename Read>
Result<T> first(Query& q, Read read, const std::string& what) {
  Result<bool> row = q.step();
  if (!row.ok()) return row.error();
  if (!*row) return Error::not_found(what);
  return read(q);
}

// Runs an UPDATE; not_found(what) when no row matched.
inline Status update_one(Db& db, Query& q, const std::string& what) {
  if (Status s = q.run(); !s.ok()) return s;
  if (db.changes() == 0) return Error::not_found(what);
  return {};
}

}  // namespace tamas::store::sqlite
