// `tamas routes`: prints every route `tamas serve` would register for a
// strategy, one "METHOD /pattern" per line (WebSocket routes as "WS"). The
// OpenAPI sync test compares this list with docs/api/openapi.json.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/command.h"
#include "app/serve_context.h"

namespace tamas::app {
namespace {

struct RoutesOptions {
  std::string strategy = "examples/automotive/strategy.yaml";
  std::string db = "var/tamas.db";
};

int run_routes(const RoutesOptions& o) {
  auto context = ServeContext::open(o.strategy, o.db);
  if (!context) {
    std::fprintf(stderr, "tamas routes: %s\n", context.error().message.c_str());
    return 1;
  }
  api::Router router;
  context.value()->add_routes(router);
  for (const auto& r : router.routes()) std::printf("%s %s\n", r.method.c_str(), r.pattern.c_str());
  context.value()->close();
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "routes", "List the HTTP and WebSocket routes the server registers",
    [](CLI::App& sub) -> std::function<int()> {
      auto o = std::make_shared<RoutesOptions>();
      sub.add_option("--strategy", o->strategy, "Strategy YAML file")->capture_default_str();
      sub.add_option("--db", o->db, "SQLite database path")->capture_default_str();
      return [o] { return run_routes(*o); };
    }});

}  // namespace
}  // namespace tamas::app
