// A Tehran business calendar shared by the calendar tests: the Iranian
// working week (Saturday..Wednesday 07:30-18:00, Thursday 07:30-13:00,
// Friday closed) and a few real holidays of 1403/1404.
#pragma once

#include <gtest/gtest.h>

#include <chrono>

#include "core/calendar.h"

namespace tamas::testing {

inline std::vector<HolidayRule> iranian_holidays() {
  return {
      {"Nowruz", CalendarKind::persian, std::nullopt, 1, 1, 1, 4},
      {"Islamic Republic Day", CalendarKind::persian, std::nullopt, 1, 12, 1, 12},
      {"Sizdah Bedar", CalendarKind::persian, std::nullopt, 1, 13, 1, 13},
      {"Oil Nationalisation Day", CalendarKind::persian, std::nullopt, 12, 29, 12, 29},
      // Lunar holidays move every year, so they are given with their year.
      {"Eid al-Fitr", CalendarKind::persian, 1404, 1, 10, 1, 11},
  };
}

inline int hm(int h, int m) {
  return h * 60 + m;
}

inline Schedule iranian_office_hours() {
  Schedule s;
  s.id = "office";
  const DayRange full{hm(7, 30), hm(18, 0)};
  for (unsigned wd : {6u, 0u, 1u, 2u, 3u}) s.week[wd] = {full};  // Sat..Wed
  s.week[4] = {{hm(7, 30), hm(13, 0)}};                          // Thursday
  return s;                                                      // Friday: closed
}

// A UTC instant, written out independently of the calendar under test.
inline Instant utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0) {
  using namespace std::chrono;
  return Instant{sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi}};
}

class TehranCalendar : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = BusinessCalendar::create("Asia/Tehran", iranian_holidays());
    ASSERT_TRUE(created.ok()) << created.error().message;
    cal_.emplace(std::move(created).value());
  }
  const BusinessCalendar& cal() const { return *cal_; }
  // Local Tehran wall-clock time.
  Instant tehran(int y, unsigned mo, unsigned d, int h, int mi = 0) const {
    return cal_->to_instant(CivilDate{y, mo, d}, hm(h, mi));
  }

  std::optional<BusinessCalendar> cal_;
  Schedule office_ = iranian_office_hours();
};

}  // namespace tamas::testing
