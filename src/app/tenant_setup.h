// Start-up steps shared by `tamas serve` and `tamas user`: opening the
// database (creating its folder) and making the strategy's organisation a
// tenant with the strategy file as its active version.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "strategy/model.h"

namespace tamas::app {

// Loads and validates a strategy file; the error lists every diagnostic.
Result<strategy::Strategy> load_strategy_file(const std::string& path);

// Opens (creating and migrating) the SQLite database at `path`; creates the
// parent directory if needed.
Result<std::unique_ptr<store::Store>> open_database(const std::string& path,
                                                   const store::SqliteOptions& options = {});

// Finds or creates the tenant named by the strategy's organisation id; if
// the file's text differs from every version the tenant has stored, stores
// it as a new version and activates it (so an edited file wins, while an
// unchanged file leaves a version uploaded over the API active). Returns the
// tenant id.
Result<store::TenantId> install_strategy(store::Store& db, const std::string& path,
                                         const strategy::Strategy& s);

// The tenant for `slug`, or the only tenant when `slug` is empty.
// The tenant's active version, compiled again from its YAML (the version a
// restarted server runs). Errors list every diagnostic.
struct ActiveStrategy {
  store::StrategyVersion version;
  strategy::Strategy strategy;
};
Result<ActiveStrategy> active_strategy(store::Store& db, store::TenantId tenant);

Result<store::TenantId> find_tenant(store::Store& db, const std::string& slug);

}  // namespace tamas::app
