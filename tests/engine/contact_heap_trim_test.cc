// ContactHeap in a long-running queue: contacts served from the front make
// the run drop its served prefix many times over, and positions handed out
// before a drop must still name the right member (abandons erase by
// position from anywhere).
#include <gtest/gtest.h>

#include <deque>
#include <random>

#include "engine/detail/contact_heap.h"

namespace tamas::engine::detail {
namespace {

TEST(ContactHeap, PositionsSurviveManyTrimsOfTheServedFront) {
  std::mt19937 rng(5);
  ContactHeap heap;
  std::vector<std::uint32_t> pos(1000, 0);
  std::vector<Ref> free_refs;
  for (Ref r = 0; r < 1000; ++r) free_refs.push_back(999 - r);
  std::deque<Ref> waiting;  // service order (all plain arrivals)
  std::uint64_t seq = 0;
  for (int step = 0; step < 200000; ++step) {
    const int what = static_cast<int>(rng() % 100);
    if ((what < 50 || waiting.empty()) && !free_refs.empty()) {
      const Ref r = free_refs.back();
      free_refs.pop_back();
      heap.push(HeapEntry{0, ++seq, r, false}, pos);
      waiting.push_back(r);
    } else if (what < 97) {  // served from the front
      ASSERT_EQ(heap.top().contact, waiting.front()) << step;
      heap.erase(pos[waiting.front()], pos);
      free_refs.push_back(waiting.front());
      waiting.pop_front();
    } else {  // abandons from anywhere, by position
      const std::size_t i = rng() % waiting.size();
      heap.erase(pos[waiting[i]], pos);
      free_refs.push_back(waiting[i]);
      waiting.erase(waiting.begin() + static_cast<std::ptrdiff_t>(i));
    }
    ASSERT_EQ(heap.size(), waiting.size()) << step;
    if (!waiting.empty()) {
      ASSERT_EQ(heap.top().contact, waiting.front()) << step;
    }
  }
}

}  // namespace
}  // namespace tamas::engine::detail
