// IdleHeap: whatever the order of insertions, key changes and removals, the
// top is always the agent an ordered set (the structure it replaced) would
// give first, so idle-agent selection and its ties do not change.
#include "engine/detail/idle_heap.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace tamas::engine::detail {
namespace {

TEST(IdleHeap, TopIsTheSmallestKeyUnderRandomChanges) {
  std::mt19937 rng(7);
  IdleHeap heap;
  std::set<IdleKey> model;
  std::vector<std::uint32_t> handle;  // by agent
  std::vector<IdleKey> key;           // by agent, while in the model
  std::vector<bool> in;
  for (Ref a = 0; a < 200; ++a) {
    handle.push_back(heap.acquire());
    key.emplace_back();
    in.push_back(false);
  }
  std::int64_t now = 0;
  for (int step = 0; step < 50000; ++step) {
    const Ref a = rng() % 200;
    const int what = static_cast<int>(rng() % 10);
    if (what < 6) {
      // Mostly "idle since now" (ascending keys); sometimes an older or
      // tied key, as other selection policies produce.
      now += static_cast<std::int64_t>(rng() % 3);
      IdleKey k{what == 0 ? static_cast<std::int64_t>(rng() % 50) : now,
                static_cast<std::int64_t>(rng() % 2), a};
      if (in[a]) model.erase(key[a]);
      heap.set(handle[a], k);
      model.insert(k);
      key[a] = k;
      in[a] = true;
    } else if (what < 8 && !model.empty()) {  // the best is offered work
      const Ref best = model.begin()->agent;
      ASSERT_EQ(heap.top().agent, best) << step;
      heap.erase(handle[best]);
      model.erase(model.begin());
      in[best] = false;
    } else {  // anyone leaves (not ready, capacity used elsewhere)
      if (in[a]) model.erase(key[a]);
      heap.erase(handle[a]);
      in[a] = false;
    }
    ASSERT_EQ(heap.size(), model.size()) << step;
    ASSERT_EQ(heap.empty(), model.empty()) << step;
    ASSERT_EQ(heap.contains(handle[a]), in[a]) << step;
    if (!model.empty()) {
      ASSERT_TRUE(heap.top() == *model.begin()) << step;
    }
  }
}

TEST(IdleHeap, ReleasedHandlesAreReused) {
  IdleHeap heap;
  const std::uint32_t a = heap.acquire(), b = heap.acquire();
  heap.set(a, IdleKey{5, 0, 1});
  heap.set(b, IdleKey{3, 0, 2});
  EXPECT_EQ(heap.top().agent, 2u);
  heap.erase(b);
  heap.release(b);
  EXPECT_EQ(heap.acquire(), b);
  EXPECT_EQ(heap.top().agent, 1u);
}

}  // namespace
}  // namespace tamas::engine::detail
