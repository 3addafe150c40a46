// Token-bucket rate limiting keyed by a string (client address, username).
// Time is passed in. Thread-safe (one mutex; calls are short).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/time.h"

namespace tamas::api {

class RateLimiter {
 public:
  // Allows bursts of `burst` and refills `per_minute` tokens per minute.
  RateLimiter(double burst, double per_minute, std::size_t max_keys = 100'000);

  // Takes one token for `key` at `now`; false when the bucket is empty.
  bool allow(const std::string& key, Instant now);
  // Seconds until `key` has a token again (0 if it has one).
  double retry_after_seconds(const std::string& key, Instant now);

 private:
  struct Bucket {
    double tokens;
    Instant updated;
  };
  Bucket& refill(const std::string& key, Instant now);

  const double burst_, per_ms_;
  const std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace tamas::api
