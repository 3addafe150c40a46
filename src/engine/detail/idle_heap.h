// The idle agents of one routing profile, best first: an indexed binary
// min-heap over IdleKey (policy key, tie key, agent ref). Keys are unique
// (the agent ref is their last part), so top() is exactly the smallest key:
// the same agent an ordered set's begin() would give, whatever the order of
// insertions. Replaces std::set so that entering and leaving the idle set
// allocates nothing and touches only this profile's arrays.
//
// Members are named by a handle (a small integer local to this heap) that
// the owner obtains once per agent-profile link with acquire() and keeps
// until the link ends (release()). Not thread-safe; owned by the engine core.
#pragma once

#include <cassert>
#include <compare>
#include <cstdint>
#include <vector>

#include "engine/event.h"

namespace tamas::engine::detail {

struct IdleKey {
  std::int64_t a = 0, b = 0;
  Ref agent = kNoRef;
  auto operator<=>(const IdleKey&) const = default;
};

class IdleHeap {
 public:
  static constexpr std::uint32_t kAbsent = 0xffffffffu;

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  // REQUIRES: !empty()
  const IdleKey& top() const { return heap_.front().key; }

  // A handle for a new link; not in the heap until set().
  std::uint32_t acquire() {
    if (!free_.empty()) {
      std::uint32_t h = free_.back();
      free_.pop_back();
      return h;
    }
    pos_.push_back(kAbsent);
    return static_cast<std::uint32_t>(pos_.size() - 1);
  }
  // REQUIRES: the handle is not in the heap.
  void release(std::uint32_t h) {
    assert(pos_[h] == kAbsent);
    free_.push_back(h);
  }

  bool contains(std::uint32_t h) const { return pos_[h] != kAbsent; }

  // Inserts the handle with `key`, or moves it to `key` if present.
  void set(std::uint32_t h, const IdleKey& key) {
    std::uint32_t i = pos_[h];
    if (i == kAbsent) {
      i = static_cast<std::uint32_t>(heap_.size());
      heap_.push_back(Entry{key, h});
      up(i);
      return;
    }
    const bool smaller = key < heap_[i].key;
    heap_[i].key = key;
    if (smaller) {
      up(i);
    } else {
      down(i);
    }
  }

  void erase(std::uint32_t h) {
    const std::uint32_t i = pos_[h];
    if (i == kAbsent) return;
    pos_[h] = kAbsent;
    const std::uint32_t last = static_cast<std::uint32_t>(heap_.size() - 1);
    if (i == last) {
      heap_.pop_back();
      return;
    }
    heap_[i] = heap_[last];
    heap_.pop_back();
    pos_[heap_[i].handle] = i;
    if (i > 0 && heap_[i].key < heap_[(i - 1) / 2].key) {
      up(i);
    } else {
      down(i);
    }
  }

 private:
  struct Entry {
    IdleKey key;
    std::uint32_t handle = 0;
  };

  void up(std::uint32_t i) {
    Entry e = heap_[i];
    while (i > 0) {
      std::uint32_t parent = (i - 1) / 2;
      if (!(e.key < heap_[parent].key)) break;
      heap_[i] = heap_[parent];
      pos_[heap_[i].handle] = i;
      i = parent;
    }
    heap_[i] = e;
    pos_[e.handle] = i;
  }

  void down(std::uint32_t i) {
    Entry e = heap_[i];
    const std::uint32_t n = static_cast<std::uint32_t>(heap_.size());
    while (true) {
      std::uint32_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heap_[child + 1].key < heap_[child].key) ++child;
      if (!(heap_[child].key < e.key)) break;
      heap_[i] = heap_[child];
      pos_[heap_[i].handle] = i;
      i = child;
    }
    heap_[i] = e;
    pos_[e.handle] = i;
  }

  std::vector<Entry> heap_;
  std::vector<std::uint32_t> pos_;   // by handle: index in heap_ or kAbsent
  std::vector<std::uint32_t> free_;  // released handles
};

}  // namespace tamas::engine::detail
