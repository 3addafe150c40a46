// ZoneTable built from ICU's time zone data.
#include "core/zone_table.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>
#include <unicode/ucal.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace tamas::detail {
namespace {

constexpr std::int64_t kTableStart = -2208988800000;  // 1900-01-01T00:00Z
constexpr std::int64_t kTableEnd = 7258118400000;     // 2200-01-01T00:00Z

std::int64_t total_offset(const icu::TimeZoneRule& rule) {
  return std::int64_t(rule.getRawOffset()) + rule.getDSTSavings();
}

}  // namespace

Result<ZoneTable> ZoneTable::create(const std::string& id) {
  if (id.empty()) return Error::invalid("time zone: empty id");
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
  icu::UnicodeString got;
  if (tz) tz->getID(got);
  if (!tz || got == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) {
    return Error::invalid("time zone: unknown id '" + id + "'");
  }
  ZoneTable table;
  table.id_ = id;
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  tz->getOffset(double(kTableStart), false, raw, dst, status);
  if (U_FAILURE(status)) return Error::internal("time zone: ICU offset lookup failed for " + id);
  table.offsets_.push_back(std::int64_t(raw) + dst);
  if (auto* basic = dynamic_cast<icu::BasicTimeZone*>(tz.get())) {
    icu::TimeZoneTransition tr;
    double t = double(kTableStart);
    while (basic->getNextTransition(t, false, tr) && tr.getTime() < double(kTableEnd)) {
      t = tr.getTime();
      const std::int64_t offset = total_offset(*tr.getTo());
      if (offset == table.offsets_.back()) continue;  // only a name change
      table.transitions_.push_back(std::int64_t(t));
      table.offsets_.push_back(offset);
    }
  }
  return table;
}

std::size_t ZoneTable::piece(std::int64_t utc_ms) const {
  return std::size_t(std::upper_bound(transitions_.begin(), transitions_.end(), utc_ms) -
                     transitions_.begin());
}

std::int64_t ZoneTable::to_utc(std::int64_t local_ms) const {
  const std::size_t guess = piece(local_ms - offset_at(local_ms));
  const std::size_t lo = guess >= 2 ? guess - 2 : 0;
  const std::size_t hi = std::min(guess + 2, offsets_.size() - 1);
  std::optional<std::int64_t> best;
  for (std::size_t k = lo; k <= hi; ++k) {
    const std::int64_t t = local_ms - offsets_[k];
    if (t >= piece_start(k) && t < piece_end(k) && (!best || t < *best)) best = t;
  }
  if (best) return *best;
  // A gap: the wall time lies between the end of piece k (read with its
  // offset) and the start of piece k + 1 (read with the larger offset).
  for (std::size_t k = lo; k < hi; ++k) {
    const std::int64_t boundary = transitions_[k];
    if (local_ms - offsets_[k] >= boundary && local_ms - offsets_[k + 1] < boundary) {
      return local_ms - offsets_[k];
    }
  }
  return local_ms - offset_at(local_ms);  // unreachable for sane zone data
}

}  // namespace tamas::detail
