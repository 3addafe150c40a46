// ZoneTable: a time zone's UTC offsets as a precomputed table of transitions,
// so that offset lookups need no ICU object (and no lock) per call.
//
// Built once from ICU's zone data (icu::BasicTimeZone transitions) for UTC
// instants in [1900-01-01, 2200-01-01). Outside that window the nearest
// known offset is used (no DST rules are extrapolated).
//
// Contract: immutable after create(); every method is const and thread-safe.
// All values are milliseconds: UTC instants since the Unix epoch, local wall
// times as "milliseconds since 1970-01-01 00:00 local", offsets = local - UTC.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/result.h"

namespace tamas::detail {

class ZoneTable {
 public:
  // Unknown zone ids are an error (ICU reports them as "Etc/Unknown").
  static Result<ZoneTable> create(const std::string& id);

  const std::string& id() const { return id_; }

  // Index of the constant-offset piece containing `utc_ms`.
  std::size_t piece(std::int64_t utc_ms) const;
  std::int64_t piece_offset(std::size_t k) const { return offsets_[k]; }
  // First UTC instant after piece k (INT64_MAX for the last piece).
  std::int64_t piece_end(std::size_t k) const {
    return k < transitions_.size() ? transitions_[k] : std::numeric_limits<std::int64_t>::max();
  }
  std::int64_t piece_start(std::size_t k) const {
    return k == 0 ? std::numeric_limits<std::int64_t>::min() : transitions_[k - 1];
  }
  std::size_t piece_count() const { return offsets_.size(); }

  std::int64_t offset_at(std::int64_t utc_ms) const { return offsets_[piece(utc_ms)]; }
  std::int64_t to_local(std::int64_t utc_ms) const { return utc_ms + offset_at(utc_ms); }

  // The UTC instant showing wall time `local_ms`:
  //  - ambiguous (clocks set back, the wall time happens twice): the earlier;
  //  - nonexistent (clocks set forward, the wall time is skipped): the wall
  //    time is read with the offset in force before the gap, i.e. it lands
  //    after the transition shifted forward by the gap's length (02:30 in a
  //    02:00->03:00 gap is 03:30). A local midnight inside a gap therefore
  //    maps to the transition instant itself.
  std::int64_t to_utc(std::int64_t local_ms) const;

 private:
  std::string id_;
  std::vector<std::int64_t> transitions_;  // UTC ms at which offsets_[i + 1] starts
  std::vector<std::int64_t> offsets_;      // size transitions_.size() + 1
};

}  // namespace tamas::detail
