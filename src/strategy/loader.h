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

// A file's relative paths (voice.hold_music) are resolved against its
// directory and must name an existing file.
LoadResult load_strategy(const std::string& path);
// `filename` only labels diagnostics. With `base_dir`, relative paths are
// resolved against it and checked as by load_strategy; without, they are kept
// as written and not checked (a stored version: the server resolves them
// against its strategy file's directory).
LoadResult load_strategy_text(std::string_view text, const std::string& filename,
                              std::optional<std::string> base_dir = std::nullopt);

}  // namespace tamas::strategy
