// Clocks for tests whose code under test reads the clock on another thread
// (the switchboard's engine thread, a dispatcher's worker).
#pragma once

#include <mutex>

#include "core/time.h"

namespace tamas::testing {

// A manual clock that other threads may read while the test moves it.
class SharedClock final : public Clock {
 public:
  explicit SharedClock(Instant start = from_millis(1'000'000)) : t_(start) {}
  Instant now() const override {
    std::lock_guard lock(m_);
    return t_;
  }
  void advance(Duration d) {
    std::lock_guard lock(m_);
    t_ += d;
  }

 private:
  mutable std::mutex m_;
  Instant t_;
};

}  // namespace tamas::testing
