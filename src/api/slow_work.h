// A few worker threads for request work that is slow by design (argon2
// password hashing: ~20 MiB and tens of milliseconds each), so it never
// holds up the I/O threads that serve every other request.
//
// Threads: post() is thread-safe. Jobs run on the workers in post order
// (per worker) and typically end by calling the request's Respond. stop()
// refuses new jobs, runs every queued one, and joins; call it after the
// HTTP server has stopped and before what the jobs use is destroyed.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tamas::api {

class SlowWork {
 public:
  SlowWork(int threads, std::size_t queue_limit);
  ~SlowWork();  // stops
  SlowWork(const SlowWork&) = delete;
  SlowWork& operator=(const SlowWork&) = delete;

  // Queues `job`; false when the queue is full or stopping (answer 503).
  [[nodiscard]] bool post(std::function<void()> job);
  void stop();

 private:
  void run();

  const std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tamas::api
