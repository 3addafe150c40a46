// Engine::next_timer: lets a simulated-time driver wake the engine exactly
// when a timer is due (kept apart from engine.cc; see engine.h).
#include "engine/detail/core.h"
#include "engine/engine.h"

namespace tamas::engine {

std::optional<Instant> Engine::next_timer() const {
  if (core_->timers_.empty()) return std::nullopt;
  return from_millis(core_->timers_.top().when);
}

}  // namespace tamas::engine
