// The `tamas` binary: one process, sub-commands registered by cmd_*.cc.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "app/command.h"
#include "app/version.h"

namespace tamas::app {

std::vector<Command>& command_registry() {
  static std::vector<Command> commands;
  return commands;
}

}  // namespace tamas::app

int main(int argc, char** argv) {
  using namespace tamas::app;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  CLI::App cli{"tamas — omnichannel contact center"};
  cli.set_version_flag("--version", std::string(tamas::app::kVersion));
  cli.require_subcommand(1);

  auto& commands = command_registry();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  std::function<int()> action;
  for (auto& c : commands) {
    CLI::App* sub = cli.add_subcommand(c.name, c.summary);
    auto run = std::make_shared<std::function<int()>>(c.setup(*sub));
    sub->callback([run, &action] { action = *run; });
  }
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, as our own
    // argument checks do.
    return cli.exit(e) == 0 ? 0 : 2;
  }
  return action ? action() : 0;
}
