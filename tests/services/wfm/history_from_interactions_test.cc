#include <gtest/gtest.h>

#include <chrono>

#include "services/wfm/history_from_interactions.h"

namespace tamas::wfm {
namespace {

using std::chrono::seconds;

struct Recorded {
  BusinessCalendar calendar = *BusinessCalendar::create("Asia/Tehran", {});
  std::vector<store::Interaction> rows;

  // Local time of 1 March 2026 (Tehran is UTC+3:30) plus `secs` seconds;
  // minute may run past 1440 into the next day.
  Instant at(int minute, int secs = 0) const {
    return calendar.to_instant(CivilDate{2026, 3, 1}, 0) + std::chrono::minutes(minute) +
           seconds(secs);
  }
  store::Interaction& add(Instant arrived, std::string queue = "billing",
                          store::TenantId tenant = 1) {
    store::Interaction i;
    i.tenant = tenant;
    i.channel = "voice";
    i.type = "call";
    i.queue = std::move(queue);
    i.arrived_at = arrived;
    rows.push_back(i);
    return rows.back();
  }
  void handled(store::Interaction& i, int wait_s, int talk_s) {
    i.answered_at = i.arrived_at + seconds(wait_s);
    i.ended_at = *i.answered_at + seconds(talk_s);
    i.state = store::InteractionState::closed;
  }
  Result<History> history(const HistoryFilter& f = {}) const {
    return history_from_interactions(rows, 1, calendar, {2026, 3, 1}, {2026, 3, 2}, 30, f);
  }
};

TEST(HistoryFromInteractions, CountsArrivalsPerLocalIntervalAndAveragesHandleTime) {
  Recorded r;
  r.handled(r.add(r.at(8 * 60)), 30, 180);           // 08:00:00
  r.handled(r.add(r.at(8 * 60 + 29, 59)), 60, 240);  // 08:29:59, same interval
  auto& gone = r.add(r.at(8 * 60 + 30));             // 08:30 sharp: the next one
  gone.ended_at = gone.arrived_at + seconds(90);     // the caller gave up
  gone.state = store::InteractionState::abandoned;
  r.add(r.at(10 * 60));  // still queued: volume, no handle time yet
  const auto h = r.history();
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->first_day, (CivilDate{2026, 3, 1}));
  EXPECT_EQ(h->days(), 2);
  ASSERT_EQ(h->volume.size(), 96u);
  EXPECT_EQ(h->volume[16], 2);
  EXPECT_DOUBLE_EQ(h->aht_s[16], 210);  // (180 + 240) / 2
  EXPECT_EQ(h->volume[17], 1);          // the abandoned call is offered volume...
  EXPECT_EQ(h->aht_s[17], 0);           // ...but has no handle time
  EXPECT_EQ(h->volume[20], 1);
  EXPECT_EQ(h->aht_s[20], 0);
  double total = 0;
  for (double v : h->volume) total += v;
  EXPECT_EQ(total, 4);
}

TEST(HistoryFromInteractions, LocalDayBoundariesAndOtherTenantsAreRespected) {
  Recorded r;
  r.add(r.at(-1));                 // 23:59 on 28 February: before the range
  r.add(r.at(0));                  // 00:00 on 1 March (20:30 UTC the day before)
  r.add(r.at(1439));               // 23:59 on 1 March
  r.add(r.at(1440));               // 00:00 on 2 March
  r.add(r.at(2 * 1440));           // 00:00 on 3 March: after the range
  r.add(r.at(600), "billing", 2);  // another tenant's call
  const auto h = r.history();
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->volume[0], 1);
  EXPECT_EQ(h->volume[47], 1);
  EXPECT_EQ(h->volume[48], 1);
  EXPECT_EQ(h->volume[20], 0);
  double total = 0;
  for (double v : h->volume) total += v;
  EXPECT_EQ(total, 3);
}

TEST(HistoryFromInteractions, FiltersByQueueTypeAndChannel) {
  Recorded r;
  r.add(r.at(600), "billing");
  r.add(r.at(600), "sales");
  r.add(r.at(600), "sales").channel = "chat";
  EXPECT_EQ(r.history({"sales", "", ""})->volume[20], 2);
  EXPECT_EQ(r.history({"sales", "", "chat"})->volume[20], 1);
  EXPECT_EQ(r.history({"", "call", "voice"})->volume[20], 2);
  EXPECT_EQ(r.history({"", "email", ""})->volume[20], 0);
}

TEST(HistoryFromInteractions, RefusesBadRanges) {
  Recorded r;
  EXPECT_FALSE(history_from_interactions({}, 1, r.calendar, {2026, 3, 2}, {2026, 3, 1}, 30).ok());
  EXPECT_FALSE(history_from_interactions({}, 1, r.calendar, {2025, 1, 1}, {2026, 1, 2}, 30).ok());
  EXPECT_TRUE(history_from_interactions({}, 1, r.calendar, {2025, 1, 2}, {2026, 1, 2}, 30).ok());
  EXPECT_FALSE(history_from_interactions({}, 1, r.calendar, {2026, 3, 1}, {2026, 3, 1}, 7).ok());
  const auto h = history_from_interactions({}, 1, r.calendar, {2026, 3, 1}, {2026, 3, 1}, 15);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->volume.size(), 96u);
}

TEST(HistoryFromInteractions, HolidaysOfTheCalendarInARange) {
  HolidayRule nowruz{"Nowruz", CalendarKind::persian, std::nullopt, 1, 1, 1, 4};
  const auto calendar = *BusinessCalendar::create("Asia/Tehran", {nowruz});
  const CivilDate first = from_jalali({1405, 1, 1});
  const auto days = holidays_between(calendar, {2026, 3, 15}, {2026, 3, 31});
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days.front(), first);
  EXPECT_EQ(days.back(), from_jalali({1405, 1, 4}));
  EXPECT_TRUE(holidays_between(calendar, {2026, 5, 1}, {2026, 5, 31}).empty());
}

}  // namespace
}  // namespace tamas::wfm
