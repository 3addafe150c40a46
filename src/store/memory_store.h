// In-memory store for tests and the simulator: the SQLite implementation on a
// private ":memory:" database, so it behaves exactly like the real one
// (constraints, ordering) and passes the same conformance suite. Nothing
// survives the object. One connection: readers and writers share it, so use
// it from one thread at a time.
#pragma once

#include <memory>

#include "core/result.h"
#include "store/store.h"

namespace tamas::store {

Result<std::unique_ptr<Store>> open_memory_store();

}  // namespace tamas::store
