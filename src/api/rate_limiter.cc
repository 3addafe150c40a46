#include "api/rate_limiter.h"

#include <algorithm>

namespace tamas::api {

RateLimiter::RateLimiter(double burst, double per_minute, std::size_t max_keys)
    : burst_(burst), per_ms_(per_minute / 60'000.0), max_keys_(max_keys) {}

RateLimiter::Bucket& RateLimiter::refill(const std::string& key, Instant now) {
  if (buckets_.size() >= max_keys_ && !buckets_.count(key)) {
    // Forget buckets that are full again; they carry no information.
    std::erase_if(buckets_, [&](const auto& kv) {
      const double elapsed = static_cast<double>((now - kv.second.updated).count());
      return kv.second.tokens + elapsed * per_ms_ >= burst_;
    });
  }
  auto [it, inserted] = buckets_.try_emplace(key, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!inserted && now > b.updated) {
    const double elapsed = static_cast<double>((now - b.updated).count());
    b.tokens = std::min(burst_, b.tokens + elapsed * per_ms_);
    b.updated = now;
  }
  return b;
}

bool RateLimiter::allow(const std::string& key, Instant now) {
  std::lock_guard lock(mutex_);
  Bucket& b = refill(key, now);
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

double RateLimiter::retry_after_seconds(const std::string& key, Instant now) {
  std::lock_guard lock(mutex_);
  Bucket& b = refill(key, now);
  if (b.tokens >= 1.0 || per_ms_ <= 0) return 0;
  return (1.0 - b.tokens) / per_ms_ / 1000.0;
}

}  // namespace tamas::api
