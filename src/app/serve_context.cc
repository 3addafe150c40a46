#include "app/serve_context.h"

#include <mutex>

#include "api/system_routes.h"
#include "app/tenant_setup.h"
#include "app/version.h"
#include "core/log.h"
#include "store/sqlite_store.h"
#include "strategy/json.h"
#include "strategy/loader.h"

namespace tamas::app {
namespace {

class Context final : public ServeContext {
 public:
  Context(strategy::Strategy s, std::unique_ptr<store::Store> db, store::TenantId tenant)
      : strategy_(std::move(s)), store_(std::move(db)), tenant_(tenant),
        strategy_json_(std::make_shared<const std::string>(strategy::to_json(strategy_))) {}

  void add_routes(api::Router& router) override {
    api::SystemInfo info;
    info.version = std::string(kVersion);
    auto json = strategy_json_;
    info.strategy_json = [json] { return json; };
    api::add_system_routes(router, std::move(info));
  }

  void close() override {
    std::lock_guard lock(mutex_);
    store_.reset();
  }

 private:
  strategy::Strategy strategy_;
  std::mutex mutex_;  // guards store_ (one connection; readers come with the API)
  std::unique_ptr<store::Store> store_;
  store::TenantId tenant_;
  std::shared_ptr<const std::string> strategy_json_;
};

}  // namespace

Result<std::unique_ptr<ServeContext>> ServeContext::open(const std::string& strategy_path,
                                                         const std::string& db_path) {
  auto loaded = strategy::load_strategy(strategy_path);
  if (!loaded.ok()) {
    std::string message = "strategy " + strategy_path + " has errors:";
    for (const auto& d : loaded.errors) message += "\n  " + strategy::format(d);
    return Error::invalid(std::move(message));
  }
  auto db = open_database(db_path);
  if (!db) return db.error();
  auto tenant = install_strategy(**db, strategy_path, *loaded.strategy);
  if (!tenant) return tenant.error();
  return std::unique_ptr<ServeContext>(
      new Context(std::move(*loaded.strategy), std::move(db.value()), *tenant));
}

}  // namespace tamas::app
