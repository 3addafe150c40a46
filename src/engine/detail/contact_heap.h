// An indexed binary heap of waiting contacts (one per routing profile).
// Order: contacts put back at the head (RONA, reject) first, then higher
// aging key, then earlier arrival sequence. Each contact's slot index is kept
// in an external position table so abandon/relax can erase in O(log n).
// Not thread-safe; owned by the engine core.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/event.h"

namespace tamas::engine::detail {

struct HeapEntry {
  std::int64_t key = 0;   // base priority - aging rate * arrival (micro-points)
  std::uint64_t seq = 0;  // arrival order; FIFO among equal keys
  Ref contact = kNoRef;
  bool head = false;  // returned to the head of the queue
};

inline bool served_before(const HeapEntry& a, const HeapEntry& b) {
  if (a.head != b.head) return a.head;
  if (a.key != b.key) return a.key > b.key;
  return a.seq < b.seq;
}

class ContactHeap {
 public:
  bool empty() const { return v_.empty(); }
  std::size_t size() const { return v_.size(); }
  // REQUIRES: !empty()
  const HeapEntry& top() const { return v_.front(); }
  const std::vector<HeapEntry>& entries() const { return v_; }

  void push(const HeapEntry& e, std::vector<std::uint32_t>& pos) {
    v_.push_back(e);
    up(v_.size() - 1, pos);
  }

  // Removes the entry at heap index i (pos[contact] of a member).
  void erase(std::uint32_t i, std::vector<std::uint32_t>& pos) {
    const std::size_t last = v_.size() - 1;
    if (i != last) {
      v_[i] = v_[last];
      pos[v_[i].contact] = i;
      v_.pop_back();
      if (i > 0 && served_before(v_[i], v_[(i - 1) / 2])) {
        up(i, pos);
      } else {
        down(i, pos);
      }
    } else {
      v_.pop_back();
    }
  }

 private:
  void up(std::size_t i, std::vector<std::uint32_t>& pos) {
    HeapEntry e = v_[i];
    while (i > 0) {
      std::size_t parent = (i - 1) / 2;
      if (!served_before(e, v_[parent])) break;
      v_[i] = v_[parent];
      pos[v_[i].contact] = static_cast<std::uint32_t>(i);
      i = parent;
    }
    v_[i] = e;
    pos[e.contact] = static_cast<std::uint32_t>(i);
  }

  void down(std::size_t i, std::vector<std::uint32_t>& pos) {
    HeapEntry e = v_[i];
    const std::size_t n = v_.size();
    while (true) {
      std::size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && served_before(v_[child + 1], v_[child])) ++child;
      if (!served_before(v_[child], e)) break;
      v_[i] = v_[child];
      pos[v_[i].contact] = static_cast<std::uint32_t>(i);
      i = child;
    }
    v_[i] = e;
    pos[e.contact] = static_cast<std::uint32_t>(i);
  }

  std::vector<HeapEntry> v_;
};

}  // namespace tamas::engine::detail
