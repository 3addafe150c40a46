// The simulator's event calendar: a 4-ary min-heap of small PODs ordered by
// (time, insertion number), so simultaneous events leave in the order they
// were scheduled and a run is reproducible (see CalendarEntry). No allocation once the heap has
// grown to its working size (the vector keeps its capacity across clear()).
//
// Single-threaded. Times are milliseconds of simulated time.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace tamas::services::sim {

enum class EventType : std::uint8_t {
  arrival,
  service_end,
  wrapup_end,
  patience,
  shift_start,
  shift_end,
  wake,  // an engine timer is due
};

// One pending event. `key` packs the time (high 42 bits, ms) and the low
// 22 bits of the insertion number, so ordering is one integer comparison.
// Insertion numbers wrap after 4,194,304 events; only events scheduled for
// the very same millisecond that far apart could then swap, and even that
// stays deterministic.
struct CalendarEntry {
  std::uint64_t key = 0;
  std::uint32_t index = 0;  // traffic stream (arrival), contact slot or agent
  EventType type = EventType::arrival;

  std::int64_t at() const { return static_cast<std::int64_t>(key >> kSeqBits); }
  static constexpr int kSeqBits = 22;
};
static_assert(sizeof(CalendarEntry) == 16);

class Calendar {
 public:
  static constexpr std::int64_t kMaxTime = (std::int64_t{1} << (64 - CalendarEntry::kSeqBits)) - 1;

  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() {
    heap_.clear();
    seq_ = 0;
  }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const CalendarEntry& top() const {
    assert(!heap_.empty());
    return heap_.front();
  }

  // REQUIRES: 0 <= at <= kMaxTime (about 139 years of milliseconds).
  void push(std::int64_t at, EventType type, std::uint32_t index) {
    assert(at >= 0 && at <= kMaxTime);
    const std::uint64_t key = (static_cast<std::uint64_t>(at) << CalendarEntry::kSeqBits) |
                              (seq_++ & ((std::uint64_t{1} << CalendarEntry::kSeqBits) - 1));
    const CalendarEntry e{key, index, type};
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (heap_[parent].key <= key) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  // REQUIRES: !empty(). Floyd's bottom-up deletion: the hole at the root
  // walks down along the smallest children to a leaf, then the last entry
  // (usually a late one) sifts up from there; fewer, more predictable
  // comparisons than sifting the last entry down from the root.
  CalendarEntry pop() {
    assert(!heap_.empty());
    const CalendarEntry out = heap_.front();
    const CalendarEntry last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return out;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      if (first + 4 <= n) {
        const std::size_t b01 = heap_[first + 1].key < heap_[first].key ? first + 1 : first;
        const std::size_t b23 = heap_[first + 3].key < heap_[first + 2].key ? first + 3 : first + 2;
        best = heap_[b23].key < heap_[b01].key ? b23 : b01;
      } else {
        for (std::size_t c = first + 1; c < n; ++c)
          if (heap_[c].key < heap_[best].key) best = c;
      }
      heap_[i] = heap_[best];
      i = best;
    }
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (heap_[parent].key <= last.key) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = last;
    return out;
  }

 private:
  std::vector<CalendarEntry> heap_;
  std::uint64_t seq_ = 0;
};

}  // namespace tamas::services::sim
