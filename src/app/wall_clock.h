// The real clock, for the server. Only app/ reads the wall clock.
#pragma once

#include <chrono>

#include "core/time.h"

namespace tamas::app {

class WallClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
};

}  // namespace tamas::app
