// Sub-command registry for the `tamas` binary. Each command lives in its own
// src/app/cmd_<name>.cc and registers itself with TAMAS_REGISTER_COMMAND;
// main() builds the CLI from whatever is registered.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace tamas::app {

struct Command {
  std::string name;
  std::string summary;
  // Adds options to `sub`; returns the action to run after parsing. The
  // action's return value is the process exit code.
  std::function<std::function<int()>(CLI::App& sub)> setup;
};

std::vector<Command>& command_registry();

struct CommandRegistrar {
  explicit CommandRegistrar(Command c) { command_registry().push_back(std::move(c)); }
};

}  // namespace tamas::app

#define TAMAS_CONCAT_INNER(a, b) a##b
#define TAMAS_CONCAT(a, b) TAMAS_CONCAT_INNER(a, b)
#define TAMAS_REGISTER_COMMAND(...) \
  static ::tamas::app::CommandRegistrar TAMAS_CONCAT(tamas_command_, __LINE__){__VA_ARGS__}
