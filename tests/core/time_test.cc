#include "core/time.h"

#include <gtest/gtest.h>

namespace tamas {
namespace {

TEST(Time, FormatsAndParsesIso8601RoundTrip) {
  Instant t{};
  ASSERT_TRUE(parse_iso8601("2026-03-20T08:30:15.250Z", t));
  EXPECT_EQ(format_iso8601(t), "2026-03-20T08:30:15.250Z");
}

TEST(Time, ParsesMinutePrecision) {
  Instant t{};
  ASSERT_TRUE(parse_iso8601("1970-01-01T00:01Z", t));
  EXPECT_EQ(to_millis(t), 60'000);
}

TEST(Time, RejectsMalformedText) {
  Instant t{};
  EXPECT_FALSE(parse_iso8601("", t));
  EXPECT_FALSE(parse_iso8601("2026-13-01T00:00Z", t));
  EXPECT_FALSE(parse_iso8601("2026-02-30T00:00Z", t));
  EXPECT_FALSE(parse_iso8601("2026-01-01T00:00+03:30", t));
  EXPECT_FALSE(parse_iso8601("2026-01-01T00:00Zjunk", t));
}

TEST(Time, ManualClockMovesOnlyWhenTold) {
  ManualClock clock{from_millis(1000)};
  EXPECT_EQ(to_millis(clock.now()), 1000);
  clock.advance(Duration{500});
  EXPECT_EQ(to_millis(clock.now()), 1500);
}

}  // namespace
}  // namespace tamas
