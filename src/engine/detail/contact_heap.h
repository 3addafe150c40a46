// The waiting contacts of one routing profile, best first.
// Order: contacts put back at the head (RONA, reject) first, then higher
// aging key, then earlier arrival sequence. Almost every contact arrives
// behind everyone already waiting, so members live in two parts: a run in
// service order (push at the back, take from the front: O(1)) and an indexed
// binary heap for the rest (returned to the head, priorities): O(log n).
// top() is the better of the two fronts. Each contact's position is kept in
// an external table so abandon/relax can erase anywhere.
// Not thread-safe; owned by the engine core.
#pragma once

#include <algorithm>
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
  bool empty() const { return heap_.empty() && run_live_ == 0; }
  std::size_t size() const { return heap_.size() + run_live_; }
  // REQUIRES: !empty()
  const HeapEntry& top() const { return top_in_run() ? run_[run_head_] : heap_.front(); }
  // Visits every member, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const HeapEntry& e : heap_) f(e);
    for (std::size_t i = run_head_; i < run_.size(); ++i) {
      if (run_[i].contact != kNoRef) f(run_[i]);
    }
  }

  void push(const HeapEntry& e, std::vector<std::uint32_t>& pos) {
    if (run_live_ == 0 || served_before(run_back_, e)) {
      // Served after everyone in the run (a plain arrival): O(1).
      pos[e.contact] = run_pos(run_.size());
      run_.push_back(e);
      run_back_ = e;
      ++run_live_;
      return;
    }
    heap_.push_back(e);
    up(heap_.size() - 1, pos);
  }

  // Removes top(). REQUIRES: !empty()
  void pop_top(std::vector<std::uint32_t>& pos) {
    if (top_in_run()) {
      erase_from_run(run_head_, pos);
    } else {
      erase(0, pos);
    }
  }

  // Removes the member whose position is p (pos[contact] of a member).
  void erase(std::uint32_t p, std::vector<std::uint32_t>& pos) {
    if (p & kInRun) {
      erase_from_run((p - run_base_) & kIndexMask, pos);
      return;
    }
    const std::uint32_t i = p;
    const std::size_t last = heap_.size() - 1;
    if (i != last) {
      heap_[i] = heap_[last];
      pos[heap_[i].contact] = i;
      heap_.pop_back();
      if (i > 0 && served_before(heap_[i], heap_[(i - 1) / 2])) {
        up(i, pos);
      } else {
        down(i, pos);
      }
    } else {
      heap_.pop_back();
    }
  }

 private:
  // Whether top() is the run's front (else the heap's). REQUIRES: !empty()
  bool top_in_run() const {
    return run_live_ != 0 && (heap_.empty() || served_before(run_[run_head_], heap_.front()));
  }

  static constexpr std::uint32_t kInRun = 0x80000000u;
  static constexpr std::uint32_t kIndexMask = 0x7fffffffu;

  // A run member's position is kInRun | (run_base_ + index) mod 2^31, so
  // dropping the served prefix of the run (run_base_ += dropped) leaves the
  // positions of the members behind it valid without rewriting them.
  std::uint32_t run_pos(std::size_t i) const {
    return kInRun | ((run_base_ + static_cast<std::uint32_t>(i)) & kIndexMask);
  }

  // The run holds entries in service order; erased ones stay as tombstones
  // (contact = kNoRef, key and seq kept so the order still holds) until the
  // run is trimmed or compacted. run_[run_head_] is live whenever
  // run_live_ > 0.
  void erase_from_run(std::uint32_t i, std::vector<std::uint32_t>& pos) {
    run_[i].contact = kNoRef;
    if (--run_live_ == 0) {
      run_base_ += static_cast<std::uint32_t>(run_.size());
      run_.clear();
      run_head_ = 0;
      return;
    }
    while (run_[run_head_].contact == kNoRef) ++run_head_;
    // The run is served in order and its entries were last touched when
    // they arrived: start loading the line after the new head's.
    __builtin_prefetch(&run_[std::min<std::size_t>(run_head_ + 3, run_.size() - 1)]);
    if (run_head_ > 64 && 2 * std::size_t{run_head_} > run_.size()) {
      // Served from the front (the usual case): drop the prefix.
      run_.erase(run_.begin(), run_.begin() + static_cast<std::ptrdiff_t>(run_head_));
      run_base_ += run_head_;
      run_head_ = 0;
    } else if (run_.size() > 64 && run_.size() > 2 * std::size_t{run_live_}) {
      compact(pos);  // many left from the middle (abandons, relaxation)
    }
  }

  void compact(std::vector<std::uint32_t>& pos) {
    std::size_t out = 0;
    for (std::size_t i = run_head_; i < run_.size(); ++i) {
      if (run_[i].contact == kNoRef) continue;
      run_[out] = run_[i];
      pos[run_[out].contact] = run_pos(out);
      ++out;
    }
    run_.resize(out);
    run_head_ = 0;
    if (out > 0) run_back_ = run_.back();
  }

  void up(std::size_t i, std::vector<std::uint32_t>& pos) {
    HeapEntry e = heap_[i];
    while (i > 0) {
      std::size_t parent = (i - 1) / 2;
      if (!served_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      pos[heap_[i].contact] = static_cast<std::uint32_t>(i);
      i = parent;
    }
    heap_[i] = e;
    pos[e.contact] = static_cast<std::uint32_t>(i);
  }

  void down(std::size_t i, std::vector<std::uint32_t>& pos) {
    HeapEntry e = heap_[i];
    const std::size_t n = heap_.size();
    while (true) {
      std::size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && served_before(heap_[child + 1], heap_[child])) ++child;
      if (!served_before(heap_[child], e)) break;
      heap_[i] = heap_[child];
      pos[heap_[i].contact] = static_cast<std::uint32_t>(i);
      i = child;
    }
    heap_[i] = e;
    pos[e.contact] = static_cast<std::uint32_t>(i);
  }

  // What empty() and top() read comes first (56 bytes).
  std::uint32_t run_live_ = 0;
  std::uint32_t run_head_ = 0;
  std::vector<HeapEntry> run_;   // members in service order (arrivals)
  std::vector<HeapEntry> heap_;  // members that arrived out of service order
  std::uint32_t run_base_ = 0;   // see run_pos()
  // A copy of run_.back() while run_live_ > 0 (its contact may be a
  // tombstone's kNoRef in run_): an arrival compares with it without
  // loading the run's tail, which is cold with a long backlog.
  HeapEntry run_back_;
};

}  // namespace tamas::engine::detail
