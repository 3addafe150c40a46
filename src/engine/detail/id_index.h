// IdIndex: string id -> dense Ref, open addressing with linear probing and
// backward-shift deletion. Stores only (hash, ref) pairs (8 bytes a slot);
// the id text itself lives in the owner's dense table and is reached through
// `name_of(ref)`, so a lookup costs about one cache miss for the slot and
// one for the comparison. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "engine/event.h"

namespace tamas::engine::detail {

class IdIndex {
 public:
  IdIndex() : slots_(16) {}

  template <class NameOf>
  Ref find(std::string_view id, NameOf&& name_of) const {
    std::uint32_t h = hash(id);
    for (std::size_t i = h & mask(); slots_[i].ref != kNoRef; i = (i + 1) & mask()) {
      if (slots_[i].hash == h && name_of(slots_[i].ref) == id) return slots_[i].ref;
    }
    return kNoRef;
  }

  // REQUIRES: id absent.
  template <class NameOf>
  void insert(std::string_view id, Ref ref, NameOf&& name_of) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow(name_of);
    place(hash(id), ref);
    ++size_;
  }

  template <class NameOf>
  void erase(std::string_view id, NameOf&& name_of) {
    std::uint32_t h = hash(id);
    std::size_t i = h & mask();
    while (slots_[i].ref != kNoRef && !(slots_[i].hash == h && name_of(slots_[i].ref) == id)) {
      i = (i + 1) & mask();
    }
    if (slots_[i].ref == kNoRef) return;
    // Backward shift: pull later members of the probe run into the hole.
    std::size_t hole = i;
    for (std::size_t j = (i + 1) & mask(); slots_[j].ref != kNoRef; j = (j + 1) & mask()) {
      std::size_t home = slots_[j].hash & mask();
      bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = Slot{};
    --size_;
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    Ref ref = kNoRef;
  };
  static std::uint32_t hash(std::string_view id) {
    std::uint64_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::size_t mask() const { return slots_.size() - 1; }
  void place(std::uint32_t h, Ref ref) {
    std::size_t i = h & mask();
    while (slots_[i].ref != kNoRef) i = (i + 1) & mask();
    slots_[i] = Slot{h, ref};
  }
  template <class NameOf>
  void grow(NameOf&&) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.ref != kNoRef) place(s.hash, s.ref);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace tamas::engine::detail
