// The idle agents of one routing profile, best first: an indexed priority
// queue over IdleKey (policy key, tie key, agent ref). Keys are unique
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

  bool empty() const { return heap_.empty() && run_live_ == 0; }
  std::size_t size() const { return heap_.size() + run_live_; }
  // REQUIRES: !empty()
  const IdleKey& top() const {
    if (run_live_ == 0) return heap_.front().key;
    const IdleKey& r = run_[run_head_].key;
    return heap_.empty() || r < heap_.front().key ? r : heap_.front().key;
  }

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
    erase(h);
    if (run_live_ == 0 || run_.back().key < key) {
      // Greater than every key in the run (an agent idle since now, the
      // latest offer): append, O(1).
      pos_[h] = kInRun | static_cast<std::uint32_t>(run_.size());
      run_.push_back(Entry{key, h});
      ++run_live_;
      return;
    }
    const auto i = static_cast<std::uint32_t>(heap_.size());
    heap_.push_back(Entry{key, h});
    up(i);
  }

  void erase(std::uint32_t h) {
    const std::uint32_t i = pos_[h];
    if (i == kAbsent) return;
    pos_[h] = kAbsent;
    if (i & kInRun) {
      erase_from_run(i & ~kInRun);
      return;
    }
    const auto last = static_cast<std::uint32_t>(heap_.size() - 1);
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
  static constexpr std::uint32_t kInRun = 0x80000000u;

  struct Entry {
    IdleKey key;
    std::uint32_t handle = 0;  // kAbsent: a tombstone in the run
  };

  // Members come in two parts, like ContactHeap: a run in ascending key
  // order (keys that arrived larger than all before: O(1) in and out at
  // the front) and a binary heap for the rest. Erased run members stay as
  // tombstones (key kept, so the run stays sorted) until compacted;
  // run_[run_head_] is live whenever run_live_ > 0.
  void erase_from_run(std::uint32_t i) {
    run_[i].handle = kAbsent;
    if (--run_live_ == 0) {
      run_.clear();
      run_head_ = 0;
      return;
    }
    while (run_[run_head_].handle == kAbsent) ++run_head_;
    if (run_.size() > 32 && run_.size() > 2 * run_live_) compact();
  }

  void compact() {
    std::uint32_t out = 0;
    for (std::size_t i = run_head_; i < run_.size(); ++i) {
      if (run_[i].handle == kAbsent) continue;
      run_[out] = run_[i];
      pos_[run_[out].handle] = kInRun | out;
      ++out;
    }
    run_.resize(out);
    run_head_ = 0;
  }

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
    const auto n = static_cast<std::uint32_t>(heap_.size());
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

  std::vector<Entry> heap_;  // members that arrived out of key order
  std::vector<Entry> run_;   // members in ascending key order
  std::size_t run_head_ = 0;
  std::size_t run_live_ = 0;
  std::vector<std::uint32_t> pos_;   // by handle: kInRun | run index, heap index, or kAbsent
  std::vector<std::uint32_t> free_;  // released handles
};

}  // namespace tamas::engine::detail
