// The worked examples load cleanly and say what the seeds describe.
#include <gtest/gtest.h>

#include <algorithm>

#include "strategy/json.h"
#include "strategy/loader.h"
#include "strategy/summary.h"

namespace tamas::strategy {
namespace {

Strategy load_example(const std::string& name) {
  const LoadResult r = load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/" + name);
  std::string all;
  for (const auto& d : r.errors) all += format(d) + "\n";
  EXPECT_TRUE(r.ok()) << all;
  return r.ok() ? *r.strategy : Strategy{};
}

template <typename T>
const T* by_id(const std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}

TEST(AutomotiveExample, HotlineIsTheShortNumberWithABilingualIvr) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const EntryPoint* hotline = by_id(s.entry_points, "hotline");
  ASSERT_NE(hotline, nullptr);
  EXPECT_EQ(hotline->address, "1560");
  EXPECT_EQ(hotline->ivr, "main");
  const IvrMenu* main = by_id(s.ivr_menus, "main");
  ASSERT_NE(main, nullptr);
  EXPECT_FALSE(main->prompt.fa.empty());
  EXPECT_FALSE(main->prompt.en.empty());
  auto zero = std::find_if(main->options.begin(), main->options.end(),
                           [](const IvrOption& o) { return o.digit == '0'; });
  ASSERT_NE(zero, main->options.end());
  EXPECT_EQ(zero->action, IvrActionKind::agent);
}

TEST(AutomotiveExample, OfficeHoursFollowTheIranianWeek) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const Schedule& office = s.schedules[std::size_t(s.index.schedules.at("office"))];
  const auto saturday = office.week[6], thursday = office.week[4], friday = office.week[5];
  ASSERT_EQ(saturday.size(), 1u);
  EXPECT_EQ(saturday[0], (DayRange{7 * 60 + 30, 18 * 60}));
  ASSERT_EQ(thursday.size(), 1u);
  EXPECT_EQ(thursday[0], (DayRange{7 * 60 + 30, 13 * 60}));
  EXPECT_TRUE(friday.empty());
  EXPECT_TRUE(office.closed_on_holidays);
}

TEST(AutomotiveExample, NowruzIsARecurringJalaliRange) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const HolidayRule& nowruz = s.holidays.front();
  EXPECT_EQ(nowruz.name, "Nowruz");
  EXPECT_EQ(nowruz.calendar, CalendarKind::persian);
  EXPECT_FALSE(nowruz.year.has_value());
  EXPECT_EQ(nowruz.from_month, 1u);
  EXPECT_EQ(nowruz.to_day, 4u);
}

TEST(AutomotiveExample, RoadsideCallsGoToThePartnersTwentyFourSeven) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const RoutingRule* heavy = by_id(s.routes, "roadside_heavy");
  ASSERT_NE(heavy, nullptr);
  EXPECT_EQ(heavy->transfer, "roadside_heavy");
  const Partner& p = s.partners[std::size_t(heavy->transfer_index)];
  EXPECT_EQ(p.hours, "always");
  EXPECT_TRUE(s.schedules[std::size_t(p.hours_index)].always_open);
}

TEST(AutomotiveExample, ComplaintFormCapturesModelAndVin) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const EntryPoint* form = by_id(s.entry_points, "voc_form");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->channel, ChannelKind::webform);
  const Field* vin = by_id(s.fields, "vin");
  ASSERT_NE(vin, nullptr);
  EXPECT_EQ(vin->min_length, 17);
  EXPECT_EQ(vin->privacy, Privacy::personal);
  const bool has_model = std::any_of(form->fields.begin(), form->fields.end(), [](const auto& f) {
    return f.field == "vehicle_model" && f.required;
  });
  EXPECT_TRUE(has_model);
}

TEST(AutomotiveExample, ExceptionDatesAreStoredInGregorian) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const Schedule& office = s.schedules[std::size_t(s.index.schedules.at("office"))];
  ASSERT_EQ(office.exceptions.size(), 1u);
  EXPECT_EQ(office.exceptions[0].date, (CivilDate{2026, 3, 25}));  // 5 Farvardin 1405
}

TEST(GasUtilityExample, LeakLineIsAlwaysOpenAndTopPriority) {
  const Strategy s = load_example("gas-utility/strategy.yaml");
  const InteractionType* leak = by_id(s.types, "gas_leak");
  ASSERT_NE(leak, nullptr);
  EXPECT_EQ(leak->kind, CaseKind::emergency);
  EXPECT_EQ(leak->priority, 100);
  for (const auto& t : s.types) EXPECT_LE(t.priority, leak->priority);
  const EntryPoint* line = by_id(s.entry_points, "emergency_194");
  ASSERT_NE(line, nullptr);
  EXPECT_TRUE(s.schedules[std::size_t(line->hours_index)].always_open);
}

TEST(GasUtilityExample, EmailIsAnsweredWithinEightBusinessHours) {
  const Strategy s = load_example("gas-utility/strategy.yaml");
  auto it = std::find_if(s.service_levels.begin(), s.service_levels.end(),
                         [](const ServiceLevel& sl) { return sl.channel == "email"; });
  ASSERT_NE(it, s.service_levels.end());
  EXPECT_EQ(it->percent, 90);
  EXPECT_EQ(it->threshold, std::chrono::hours(8));
  EXPECT_TRUE(it->business);
  EXPECT_EQ(it->hours, "office");
}

TEST(Summary, CountsWhatTheCheckCommandPrints) {
  const Strategy s = load_example("gas-utility/strategy.yaml");
  const Summary x = summarize(s);
  EXPECT_EQ(x.types, 4);
  EXPECT_EQ(x.entry_points, 4);
  EXPECT_EQ(x.channels, 3);
  EXPECT_EQ(x.ivr_menus, 1);
  EXPECT_NE(to_text(s, x).find("routing rules: 5"), std::string::npos);
}

TEST(Json, CompiledStrategyIsServedAsJson) {
  const Strategy s = load_example("automotive/strategy.yaml");
  const std::string j = to_json(s);
  EXPECT_EQ(j.front(), '{');
  EXPECT_NE(j.find("\"id\":\"kavir-motor\""), std::string::npos);
  EXPECT_NE(j.find("\"sat\":[\"07:30-18:00\"]"), std::string::npos);
  EXPECT_NE(j.find("\"threshold_s\":28800"), std::string::npos) << j.substr(0, 200);
  EXPECT_NE(j.find("\"key\":\"*\",\"say\":{\"fa\":\"تکرار\""), std::string::npos);
}

}  // namespace
}  // namespace tamas::strategy
