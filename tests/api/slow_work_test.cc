// Slow request work (password hashing) runs off the I/O threads.
#include "api/slow_work.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace tamas::api {
namespace {

TEST(SlowWork, RunsJobsOnItsOwnThreads) {
  SlowWork work(2, 16);
  std::promise<std::thread::id> ran_on;
  ASSERT_TRUE(work.post([&] { ran_on.set_value(std::this_thread::get_id()); }));
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
}

TEST(SlowWork, RefusesWhenTheQueueIsFullSoTheCallerCanAnswer503) {
  SlowWork work(1, 1);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(work.post([&, gate] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();     // the worker is busy
  ASSERT_TRUE(work.post([] {}));   // one may wait
  EXPECT_FALSE(work.post([] {}));  // the next is refused
  release.set_value();
}

TEST(SlowWork, StopRunsEveryQueuedJobThenRefusesNewOnes) {
  std::atomic<int> done{0};
  SlowWork work(1, 100);
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(work.post([&] { done++; }));
  work.stop();
  EXPECT_EQ(done.load(), 50);
  EXPECT_FALSE(work.post([&] { done++; }));
}

}  // namespace
}  // namespace tamas::api
