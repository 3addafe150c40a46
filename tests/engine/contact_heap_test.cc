// ContactHeap: the run + heap split must always serve exactly the order a
// single sorted list would (heads first, then key, then arrival).
#include "engine/detail/contact_heap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace tamas::engine::detail {
namespace {

std::vector<HeapEntry> sorted(std::vector<HeapEntry> v) {
  std::sort(v.begin(), v.end(), served_before);
  return v;
}

TEST(ContactHeap, ServesInOrderUnderRandomPushesAndErases) {
  std::mt19937 rng(11);
  ContactHeap heap;
  std::vector<std::uint32_t> pos(4000, 0);
  std::vector<HeapEntry> model;
  std::uint64_t seq = 0;
  Ref next = 0;
  for (int step = 0; step < 20000 && next < pos.size(); ++step) {
    int what = static_cast<int>(rng() % 10);
    if (what < 5 || model.empty()) {
      // Mostly plain arrivals; some with priority or returned to the head.
      HeapEntry e{0, ++seq, next++, false};
      if (what == 1) e.key = static_cast<std::int64_t>(rng() % 3) * 1'000'000;
      if (what == 2) e.head = true;
      heap.push(e, pos);
      model.push_back(e);
    } else if (what < 8) {  // the best is taken
      HeapEntry best = sorted(model).front();
      ASSERT_EQ(heap.top().contact, best.contact) << step;
      heap.erase(pos[best.contact], pos);
      std::erase_if(model, [&](const HeapEntry& m) { return m.contact == best.contact; });
    } else {  // abandon or relaxation: anyone leaves
      HeapEntry gone = model[rng() % model.size()];
      heap.erase(pos[gone.contact], pos);
      std::erase_if(model, [&](const HeapEntry& m) { return m.contact == gone.contact; });
    }
    ASSERT_EQ(heap.size(), model.size());
    ASSERT_EQ(heap.empty(), model.empty());
    if (!model.empty()) {
      ASSERT_EQ(heap.top().contact, sorted(model).front().contact) << step;
    }
  }
  std::vector<HeapEntry> seen;
  heap.for_each([&](const HeapEntry& e) { seen.push_back(e); });
  ASSERT_EQ(seen.size(), model.size());
  auto a = sorted(seen), b = sorted(model);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].contact, b[i].contact);
}

TEST(ContactHeap, DrainsInArrivalOrderAfterAbandons) {
  ContactHeap heap;
  std::vector<std::uint32_t> pos(200, 0);
  for (Ref c = 0; c < 200; ++c) heap.push(HeapEntry{0, c + 1u, c, false}, pos);
  for (Ref c = 0; c < 200; c += 3) heap.erase(pos[c], pos);  // every third leaves
  std::vector<Ref> order;
  while (!heap.empty()) {
    order.push_back(heap.top().contact);
    heap.erase(pos[heap.top().contact], pos);
  }
  std::vector<Ref> expected;
  for (Ref c = 0; c < 200; ++c) {
    if (c % 3) expected.push_back(c);
  }
  EXPECT_EQ(order, expected);
}

}  // namespace
}  // namespace tamas::engine::detail
