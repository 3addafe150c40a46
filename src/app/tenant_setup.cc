#include "app/tenant_setup.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/wall_clock.h"
#include "core/log.h"
#include "store/sqlite_store.h"
#include "strategy/json.h"
#include "strategy/loader.h"

namespace tamas::app {
Result<strategy::Strategy> load_strategy_file(const std::string& path) {
  auto loaded = strategy::load_strategy(path);
  if (loaded.ok()) return std::move(*loaded.strategy);
  std::string message = "strategy " + path + " has errors:";
  for (const auto& d : loaded.errors) message += "\n  " + strategy::format(d);
  return Error::invalid(std::move(message));
}

Result<std::unique_ptr<store::Store>> open_database(const std::string& path,
                                                   const store::SqliteOptions& options) {
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Error::unavailable("cannot create " + parent.string() + ": " + ec.message());
  auto db = store::open_sqlite_store(path, options);
  if (!db) return Error{db.error().code, "database " + path + ": " + db.error().message};
  return db;
}

Result<store::TenantId> install_strategy(store::Store& db, const std::string& path,
                                         const strategy::Strategy& s) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string& slug = s.organisation.id;
  store::TenantId tenant = 0;
  if (auto found = db.tenants().find_by_slug(slug)) {
    tenant = found->id;
  } else if (found.error().code == ErrorCode::not_found) {
    const std::string name =
        s.organisation.name.en.empty() ? s.organisation.name.fa : s.organisation.name.en;
    auto added = db.tenants().add(store::Tenant{0, slug, name, WallClock().now()});
    if (!added) return added.error();
    tenant = *added;
    log(LogLevel::info, "tenant.created", {{"tenant", slug}});
  } else {
    return found.error();
  }
  // A file stored before (as it is) does not override versions uploaded since.
  auto history = db.strategies().history(tenant);
  if (!history) return history.error();
  for (const auto& known : *history)
    if (known.yaml == text.str()) return tenant;
  store::StrategyVersion v;
  v.tenant = tenant;
  v.version = s.governance.version;
  v.yaml = text.str();
  v.compiled_json = strategy::to_json(s);
  v.uploaded_by = "file:" + path;
  v.created_at = WallClock().now();
  auto id = db.strategies().add(v);
  if (!id) return id.error();
  if (auto st = db.strategies().activate(tenant, *id); !st.ok()) return st.error();
  log(LogLevel::info, "strategy.activated",
      {{"tenant", slug}, {"version", v.version}, {"id", *id}});
  return tenant;
}

Result<ActiveStrategy> active_strategy(store::Store& db, store::TenantId tenant) {
  auto active = db.strategies().active(tenant);
  if (!active) return active.error();
  const std::string name = "strategy version " + std::to_string(active->id);
  auto loaded = strategy::load_strategy_text(active->yaml, name);
  if (!loaded.ok()) {
    std::string message = name + " has errors:";
    for (const auto& d : loaded.errors) message += "\n  " + strategy::format(d);
    return Error::invalid(std::move(message));
  }
  return ActiveStrategy{std::move(active).value(), std::move(*loaded.strategy)};
}

Result<store::TenantId> find_tenant(store::Store& db, const std::string& slug) {
  if (!slug.empty()) {
    auto t = db.tenants().find_by_slug(slug);
    if (!t) return Error::not_found("no organisation '" + slug + "' in this database");
    return t->id;
  }
  auto all = db.tenants().list();
  if (!all) return all.error();
  if (all->empty())
    return Error::not_found(
        "the database has no organisation yet: run `tamas serve` once, or pass --strategy");
  if (all->size() > 1)
    return Error::invalid("several organisations in this database: pass --tenant SLUG");
  return all->front().id;
}

}  // namespace tamas::app
