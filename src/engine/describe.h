// One-line text form of an event, e.g. "offer c1 -> a2 queue=sales" or
// "state a1 not_ready reason=rona". Used by scenario tests, logs and the CLI.
// Positional words come first, then key=value pairs; durations in seconds.
#pragma once

#include <string>

#include "engine/engine.h"

namespace tamas::engine {

// REQUIRES: `e` came from `engine`'s latest apply() (refs still resolve).
std::string describe(const Engine& engine, const Event& e);

// "12" for whole seconds, "12.345" otherwise.
std::string format_seconds(Duration d);

}  // namespace tamas::engine
