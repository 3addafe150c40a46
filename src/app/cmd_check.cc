// `tamas check FILE.yaml`: validate a strategy file and summarise it.
// Exit 0 when valid; 1 with every problem as FILE:LINE:COL: error: message.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/command.h"
#include "strategy/loader.h"
#include "strategy/summary.h"

namespace tamas::app {
namespace {

int run_check(const std::string& path) {
  const strategy::LoadResult r = strategy::load_strategy(path);
  if (!r.ok()) {
    for (const auto& d : r.errors) std::fprintf(stderr, "%s\n", strategy::format(d).c_str());
    std::fprintf(stderr, "%zu error%s\n", r.errors.size(), r.errors.size() == 1 ? "" : "s");
    return 1;
  }
  const std::string text = strategy::to_text(*r.strategy, strategy::summarize(*r.strategy));
  std::fputs(text.c_str(), stdout);
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{"check",
                               "Validate a customer access strategy file and print a summary",
                               [](CLI::App& sub) -> std::function<int()> {
                                 auto path = std::make_shared<std::string>();
                                 sub.add_option("file", *path, "strategy YAML file")->required();
                                 return [path] { return run_check(*path); };
                               }});

}  // namespace
}  // namespace tamas::app
