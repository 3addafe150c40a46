// A day's adherence for a whole team: the published schedule against the
// agent states the server recorded, per agent, with the exceptions.
#include "services/wfm/day_schedule.h"

#include <gtest/gtest.h>

#include "engine/event.h"
#include "services/wfm/state_recorder.h"
#include "store/memory_store.h"

namespace tamas::wfm {
namespace {

using namespace std::chrono_literals;

const Instant kDay = from_millis(1'772'310'600'000LL);  // a local midnight

Instant at(int h, int m = 0) {
  return kDay + std::chrono::hours(h) + std::chrono::minutes(m);
}

const char* kSchedule = R"(agents:
  - agent: ali
    shift: "08:00-16:00"
    breaks: ["12:00-12:30"]
  - agent: sara
    shift: "10:00-18:00"
)";

double minutes(Duration d) {
  return double(d.count()) / 60000.0;
}

TEST(DaySchedule, ReadsShiftsAndBreaksAsActivities) {
  auto d = parse_day_schedule(kSchedule, "day.yaml");
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->agents.size(), 2u);
  const auto acts = activities_of(d->agents[0], kDay);
  ASSERT_EQ(acts.size(), 3u);
  EXPECT_EQ(acts[1].start, at(12));
  EXPECT_EQ(acts[1].activity, Activity::break_);
  EXPECT_EQ(acts[2].end, at(16));
  // JSON is YAML too.
  EXPECT_TRUE(parse_day_schedule(R"({"agents":[{"agent":"a","shift":"08:00-12:00"}]})", "d.json"));
}

TEST(DaySchedule, MalformedSchedulesNameFileLineAndField) {
  auto err = [](const std::string& text) {
    auto d = parse_day_schedule(text, "day.yaml");
    return d ? std::string("parsed") : d.error().message;
  };
  EXPECT_EQ(err("agents:\n  - agent: a\n    shfit: \"08:00-16:00\"\n"),
            "day.yaml:3:5: agents[0]: unknown key 'shfit'");
  EXPECT_EQ(err("agents:\n  - agent: a\n    shift: \"16:00-16:00\"\n"),
            "day.yaml:3:12: agents[0].shift: starts and ends at the same time");
  EXPECT_EQ(
      err("agents:\n  - agent: a\n    shift: \"22:00-06:00\"\n    breaks: [\"07:00-07:30\"]\n"),
      "day.yaml:4:14: agents[0].breaks[0]: must lie inside the shift, after the previous "
      "break");
  EXPECT_EQ(
      err("agents:\n  - agent: a\n    shift: \"08:00-16:00\"\n    breaks: [\"07:00-07:30\"]\n"),
      "day.yaml:4:14: agents[0].breaks[0]: must lie inside the shift, after the previous "
      "break");
  EXPECT_EQ(err("agents:\n  - {agent: a, shift: \"08:00-09:00\"}\n  - {agent: a, shift: "
                "\"09:00-10:00\"}\n"),
            "day.yaml:3:5: agents[1].agent: 'a' appears twice");
  EXPECT_EQ(err("agents:\n  - shift: \"08:00-16:00\"\n"),
            "day.yaml:2:5: agents[0].agent: is required");
}

TEST(DaySchedule, ReportsEveryAgentWithMinutesPerStateAndExceptions) {
  auto d = parse_day_schedule(kSchedule, "day.yaml");
  ASSERT_TRUE(d.ok());
  // ali: logged in since yesterday evening (ready), 20 minutes late back
  // from lunch. sara: never came. nima: not scheduled, worked an hour.
  const std::vector<AgentStateSample> changes{
      {"ali", AgentState::not_ready, kDay - 2h}, {"ali", AgentState::ready, at(8)},
      {"ali", AgentState::busy, at(9)},          {"ali", AgentState::ready, at(9, 30)},
      {"ali", AgentState::not_ready, at(12)},    {"ali", AgentState::ready, at(12, 50)},
      {"ali", AgentState::logged_out, at(16)},   {"nima", AgentState::ready, at(14)},
      {"nima", AgentState::logged_out, at(15)},
  };
  const auto rows = day_adherence(*d, {}, changes, kDay, 5min);
  ASSERT_EQ(rows.size(), 3u);
  const auto& ali = rows[0];
  EXPECT_EQ(ali.agent, "ali");
  EXPECT_DOUBLE_EQ(minutes(ali.scheduled_work), 450);
  EXPECT_DOUBLE_EQ(minutes(ali.scheduled_break), 30);
  EXPECT_DOUBLE_EQ(minutes(ali.actual[static_cast<int>(AgentState::busy)]), 30);
  EXPECT_DOUBLE_EQ(minutes(ali.actual[static_cast<int>(AgentState::not_ready)]), 8 * 60 + 50);
  ASSERT_EQ(ali.report.periods.size(), 2u);  // not ready before 08:00 logged in, late from lunch
  EXPECT_EQ(ali.report.periods[1].start, at(12, 30));
  EXPECT_EQ(ali.report.periods[1].end, at(12, 50));
  EXPECT_NEAR(ali.report.adherence, 460.0 / 480.0, 1e-9);
  EXPECT_EQ(rows[1].agent, "sara");
  EXPECT_DOUBLE_EQ(rows[1].report.adherence, 0);
  EXPECT_DOUBLE_EQ(rows[1].report.conformance, 0);
  EXPECT_EQ(rows[2].agent, "nima");
  EXPECT_FALSE(rows[2].scheduled);
  const std::string json = day_adherence_json("2026-03-01", 5min, rows, kDay);
  EXPECT_NE(json.find("{\"start\":\"12:30\",\"end\":\"12:50\",\"minutes\":20,\"expected\":\"work\","
                      "\"actual\":\"not_ready\"}"),
            std::string::npos)
      << json;
}

// The night desk of a roadside-assistance line works 22:00-06:00 with a
// break after midnight: each day's report holds the part of the shift that
// falls inside it, so the night is split between two days, none of it lost.
TEST(DaySchedule, ANightShiftRunsPastMidnightIntoTheNextDaysReport) {
  auto night = parse_day_schedule(
      "agents:\n  - agent: reza\n    shift: \"22:00-06:00\"\n    breaks: [\"02:00-02:30\"]\n",
      "night.yaml");
  ASSERT_TRUE(night.ok()) << night.error().message;
  const AgentDaySchedule& reza = night->agents[0];
  EXPECT_EQ(reza.start_min, 22 * 60);
  EXPECT_EQ(reza.end_min, 30 * 60);
  const auto acts = activities_of(reza, kDay);
  ASSERT_EQ(acts.size(), 3u);
  EXPECT_EQ(acts[1].start, at(26));
  EXPECT_EQ(acts[2].end, at(30));

  // reza works the night from kDay 22:00, takes the break 20 minutes late.
  const std::vector<AgentStateSample> changes{
      {"reza", AgentState::ready, at(22)},         {"reza", AgentState::ready, at(24)},
      {"reza", AgentState::not_ready, at(26, 20)}, {"reza", AgentState::ready, at(26, 50)},
      {"reza", AgentState::logged_out, at(30)},
  };
  const auto first = day_adherence(*night, {}, changes, kDay, 5min);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_DOUBLE_EQ(minutes(first[0].scheduled_work), 120);  // 22:00-24:00 only
  EXPECT_DOUBLE_EQ(first[0].report.adherence, 1);

  // The next day: no schedule of its own, yesterday's night runs into it.
  const Instant next = kDay + 24h;
  const auto second = day_adherence({}, *night, changes, next, 5min);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_TRUE(second[0].scheduled);
  EXPECT_DOUBLE_EQ(minutes(second[0].scheduled_work), 330);
  EXPECT_DOUBLE_EQ(minutes(second[0].scheduled_break), 30);
  ASSERT_EQ(second[0].report.periods.size(), 2u);  // working into the break, late back
  EXPECT_EQ(second[0].report.periods[0].start, at(26));
  EXPECT_EQ(second[0].report.periods[1].end, at(26, 50));
  EXPECT_NEAR(second[0].report.adherence, 320.0 / 360.0, 1e-9);
  const std::string json = day_adherence_json("2026-03-02", 5min, second, next);
  EXPECT_NE(json.find("\"start\":\"02:00\",\"end\":\"02:20\""), std::string::npos) << json;
}

TEST(StateHistory, TheStoreKeepsTheStateBeforeTheDayAndTheDayItself) {
  auto db = store::open_memory_store();
  ASSERT_TRUE(db.ok());
  auto tenant = (*db)->tenants().add({0, "acme", "Acme", kDay});
  ASSERT_TRUE(tenant.ok()) << tenant.error().message;
  auto& wf = (*db)->workforce();
  for (const auto& [agent, state, t] :
       std::vector<std::tuple<std::string, std::string, Instant>>{{"ali", "ready", kDay - 5h},
                                                                  {"ali", "not_ready", kDay - 1h},
                                                                  {"sara", "logged_out", kDay - 3h},
                                                                  {"ali", "ready", at(8)},
                                                                  {"ali", "logged_out", at(26)}})
    ASSERT_TRUE(wf.record_state({*tenant, agent, state, "", t}));
  EXPECT_FALSE(wf.record_state({*tenant, "ali", "dancing", "", at(9)}));
  auto h = wf.state_history(*tenant, kDay, kDay + 24h);
  ASSERT_TRUE(h.ok()) << h.error().message;
  ASSERT_EQ(h->size(), 3u);
  EXPECT_EQ((*h)[0].agent, "sara");
  EXPECT_EQ((*h)[1].state, "not_ready");  // ali's state when the day opened
  EXPECT_EQ((*h)[1].at, kDay - 1h);
  EXPECT_EQ((*h)[2].at, at(8));
  auto other = wf.state_history(*tenant + 1, kDay, kDay + 24h);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
}

TEST(StateHistory, PublishedSchedulesAreReplacedPerDay) {
  auto db = store::open_memory_store();
  ASSERT_TRUE(db.ok());
  auto tenant = (*db)->tenants().add({0, "acme", "Acme", kDay});
  ASSERT_TRUE(tenant.ok());
  auto& wf = (*db)->workforce();
  EXPECT_EQ(wf.schedule(*tenant, "2026-03-01").error().code, ErrorCode::not_found);
  ASSERT_TRUE(wf.put_schedule({*tenant, "2026-03-01", R"({"agents":[]})", kDay, "planner"}));
  ASSERT_TRUE(wf.put_schedule({*tenant, "2026-03-01", R"({"agents":[1]})", kDay, "boss"}));
  auto s = wf.schedule(*tenant, "2026-03-01");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->schedule_json, R"({"agents":[1]})");
  EXPECT_EQ(s->updated_by, "boss");
  EXPECT_FALSE(wf.put_schedule({*tenant, "2026-03-02", "not json", kDay, "x"}));
}

TEST(StateRecorder, OnlyAgentStateChangesBecomeRecords) {
  services::ResolvedEvent e;
  e.event.kind = engine::EventKind::agent_state_changed;
  e.event.code = static_cast<std::uint8_t>(engine::AgentStatus::wrap_up);
  e.event.at = at(9);
  e.agent = "ali";
  auto c = state_change_of(e, 7);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->state, "wrap_up");
  EXPECT_EQ(c->tenant, 7);
  EXPECT_TRUE(parse_agent_state(c->state).ok());
  e.event.kind = engine::EventKind::offer;
  EXPECT_FALSE(state_change_of(e, 7).has_value());
}

}  // namespace
}  // namespace tamas::wfm
