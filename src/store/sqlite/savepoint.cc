#include "store/sqlite/repos.h"

namespace tamas::store::sqlite {

// Savepoints nest, so this works inside Store::begin() and on its own.
Status with_savepoint(Db& db, const std::function<Status()>& op) {
  if (Status s = db.exec("SAVEPOINT tamas_op"); !s.ok()) return s;
  Status result = op();
  if (!result.ok()) {
    (void)db.exec("ROLLBACK TO tamas_op");
  }
  Status released = db.exec("RELEASE tamas_op");
  if (result.ok() && !released.ok()) return released;
  return result;
}

}  // namespace tamas::store::sqlite
