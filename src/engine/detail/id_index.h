// IdIndex: string id -> dense Ref, open addressing with linear probing and
// backward-shift deletion. Stores only (hash, ref) pairs (8 bytes a slot);
// the id text itself lives in the owner's dense table and is reached through
// `name_of(ref)`, so a lookup costs about one cache miss for the slot and
// one for the comparison. Not thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <vector>

#include "engine/event.h"

namespace tamas::engine::detail {

class IdIndex {
 public:
  IdIndex() : slots_(16) {}

  // The hash an id is filed under; callers that look an id up and then
  // insert or later erase it can compute it once and keep it.
  // Ids of up to 16 bytes (most: "c1234", phone numbers, short uuids) are
  // read as two overlapping words, each mixed by a wide multiply; longer
  // ones go through std::hash.
  static std::uint32_t hash(std::string_view id) {
    const char* p = id.data();
    const std::size_t n = id.size();
    std::uint64_t h;
    if (n > 16) {
      h = std::hash<std::string_view>{}(id);
    } else {
      std::uint64_t a = 0, b = 0;
      if (n >= 8) {
        a = load<8>(p);
        b = load<8>(p + n - 8);
      } else if (n >= 4) {
        a = load<4>(p);
        b = load<4>(p + n - 4);
      } else if (n > 0) {
        a = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
            (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
            static_cast<unsigned char>(p[n - 1]);
      }
      h = mix(a ^ 0xa0761d6478bd642full, 0xe7037ed1a0b428dbull) ^
          mix(b ^ (n << 56) ^ 0x8ebc6af09c88c6e3ull, 0x589965cc75374cc3ull);
    }
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  template <class NameOf>
  Ref find(std::string_view id, NameOf&& name_of) const {
    return find(hash(id), id, name_of);
  }
  // REQUIRES: h == hash(id).
  template <class NameOf>
  Ref find(std::uint32_t h, std::string_view id, NameOf&& name_of) const {
    for (std::size_t i = h & mask(); slots_[i].ref != kNoRef; i = (i + 1) & mask()) {
      if (slots_[i].hash == h && name_of(slots_[i].ref) == id) return slots_[i].ref;
    }
    return kNoRef;
  }

  // REQUIRES: id absent.
  template <class NameOf>
  void insert(std::string_view id, Ref ref, NameOf&&) {
    insert_hashed(hash(id), ref);
  }
  // REQUIRES: h == hash(id of ref), that id absent.
  void insert_hashed(std::uint32_t h, Ref ref) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    place(h, ref);
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
    remove_at(i);
  }

  // Removes `ref`, filed under hash h (REQUIRES: h == hash(id of ref)),
  // without reading its id: refs are unique, so the slot is found by ref.
  void erase_ref(std::uint32_t h, Ref ref) {
    std::size_t i = h & mask();
    while (slots_[i].ref != kNoRef && slots_[i].ref != ref) i = (i + 1) & mask();
    if (slots_[i].ref == kNoRef) return;
    remove_at(i);
  }

  // Starts loading the slot where a probe for hash h begins (a hint: a
  // later erase_ref or find of that hash then finds it in cache).
  void prefetch(std::uint32_t h) const { __builtin_prefetch(&slots_[h & mask()]); }

  std::size_t size() const { return size_; }

 private:
  // The two halves of x * k folded together: every input bit reaches the
  // middle bits of the result.
  static std::uint64_t mix(std::uint64_t x, std::uint64_t k) {
    const unsigned __int128 m = static_cast<unsigned __int128>(x) * k;
    return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
  }
  template <std::size_t N>
  static std::uint64_t load(const char* p) {
    if constexpr (N == 8) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      return v;
    } else {
      std::uint32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
  }
  struct Slot {
    std::uint32_t hash = 0;
    Ref ref = kNoRef;
  };
  std::size_t mask() const { return slots_.size() - 1; }
  void remove_at(std::size_t i) {
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
  void place(std::uint32_t h, Ref ref) {
    std::size_t i = h & mask();
    while (slots_[i].ref != kNoRef) i = (i + 1) & mask();
    slots_[i] = Slot{h, ref};
  }
  void grow() {
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
