#include "app/serve_context.h"

#include <fstream>
#include <sstream>

#include "api/system_routes.h"
#include "app/version.h"

namespace tamas::app {
namespace {

// Interim: serves the raw strategy until the strategy compiler is wired in.
class BasicContext final : public ServeContext {
 public:
  explicit BasicContext(std::string json) : json_(std::make_shared<const std::string>(std::move(json))) {}
  void add_routes(api::Router& router) override {
    api::SystemInfo info;
    info.version = std::string(kVersion);
    auto json = json_;
    info.strategy_json = [json] { return json; };
    api::add_system_routes(router, std::move(info));
  }
  void close() override {}

 private:
  std::shared_ptr<const std::string> json_;
};

}  // namespace

Result<std::unique_ptr<ServeContext>> ServeContext::open(const std::string& strategy_path,
                                                         const std::string& /*db_path*/) {
  std::ifstream in(strategy_path);
  if (!in) return Error::not_found("cannot read strategy file " + strategy_path);
  return std::unique_ptr<ServeContext>(new BasicContext("{}"));
}

}  // namespace tamas::app
