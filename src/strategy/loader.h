// Loading a strategy file: parse YAML, validate strictly, compile.
//
// Contract: never throws. Either `strategy` is set and `errors` is empty, or
// `strategy` is empty and `errors` lists every problem found (sorted by line,
// then column). Lines and columns are 1-based. Pure apart from reading `path`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strategy/model.h"

namespace tamas::strategy {

struct Diagnostic {
  std::string file;
  int line = 1;
  int col = 1;
  std::string message;
};

// "FILE:LINE:COL: error: message"
std::string format(const Diagnostic& d);

struct LoadResult {
  std::optional<Strategy> strategy;
  std::vector<Diagnostic> errors;
  bool ok() const { return strategy.has_value(); }
};

// Largest file accepted (bytes); bigger inputs are one diagnostic.
inline constexpr std::size_t kMaxStrategyBytes = 4 * 1024 * 1024;

LoadResult load_strategy(const std::string& path);
LoadResult load_strategy_text(std::string_view text, const std::string& filename);

}  // namespace tamas::strategy
