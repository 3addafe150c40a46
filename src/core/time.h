// Time inside tamas is UTC. Instants are milliseconds since the Unix epoch;
// users see the organisation's zone and calendar (core/calendar.h).
// Nothing below core/ reads the clock except through a Clock passed in.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tamas {

using Duration = std::chrono::milliseconds;
using Instant = std::chrono::sys_time<Duration>;

inline constexpr Instant from_millis(std::int64_t ms) { return Instant{Duration{ms}}; }
inline constexpr std::int64_t to_millis(Instant t) { return t.time_since_epoch().count(); }

// A source of the current instant. The server passes a wall clock; tests and
// the simulator pass a manual one. Implementations live at the edges.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// A clock that only moves when told to. For tests and simulation.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start = Instant{}) : now_(start) {}
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }
  void advance(Duration d) { now_ += d; }

 private:
  Instant now_;
};

// ISO 8601 UTC, e.g. "2026-03-20T08:30:00.000Z".
std::string format_iso8601(Instant t);

// Parses "YYYY-MM-DDTHH:MM[:SS[.mmm]]Z" (UTC only). Returns false on bad input.
bool parse_iso8601(const std::string& text, Instant& out);

}  // namespace tamas
