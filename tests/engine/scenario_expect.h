// The `expect ...` statements of scenario files (see scenario.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"
#include "scenario_parse.h"

namespace tamas::engine::testing {

struct RunState {
  EngineConfig config;
  std::unique_ptr<Engine> engine;
  Status last_status;
  std::vector<std::string> batch;  // events of the latest timed line, as text
  std::size_t cursor = 0;          // ordered matching position in batch
};

Status expect(RunState& st, const Words& w);

}  // namespace tamas::engine::testing
