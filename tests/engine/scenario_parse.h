// Parsing helpers for scenario files (see scenario.h). Each returns an
// Error with a human message on bad input; the runner adds file:line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/command.h"
#include "engine/config.h"

namespace tamas::engine::testing {

using Words = std::vector<std::string>;
Words split_words(const std::string& line);
// Splits positional words from key=value words.
struct Args {
  Words pos;
  std::map<std::string, std::string> kv;
};
Args split_args(const Words& words, std::size_t from);

Result<Duration> parse_duration(const std::string& text);  // "30", "01:30", "1:00:00"
Result<std::vector<SkillRequirement>> parse_reqs(const std::string& text);  // "a/2,b/1"

// 2026-01-01T08:00:00Z: the "00:00" of scenario times.
inline Instant scenario_origin() {
  return from_millis(1767254400000LL);
}

Status parse_queue(const Words& w, EngineConfig& config);
// slo <id> type=complaint channel=voice segment=vip within=20 target=0.8
Status parse_slo(const Words& w, EngineConfig& config);
Status parse_rule(const Words& w, EngineConfig& config);
Status parse_capacity(const Args& a, CapacityProfile& cap);
Result<Command> parse_command(const Words& w, std::size_t from, const CapacityProfile& default_cap);

}  // namespace tamas::engine::testing
