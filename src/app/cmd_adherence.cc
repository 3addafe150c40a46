// `tamas adherence`: a day's schedule adherence from the agent states a
// tamas server recorded in its database (migration 0006).
//   tamas adherence --db tamas.db --day 2026-03-01 [--schedule day.yaml|json]
//                   [--tenant T] [--grace 5m] [--json]
// Without --schedule, the schedule published for the day over
// PUT /api/v1/wfm/schedules/{day} is used. Days are local dates of the
// tenant's strategy time zone (Gregorian or Jalali).
// Exit codes: 0 ok, 2 bad input.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/command.h"
#include "app/tenant_setup.h"
#include "core/calendar.h"
#include "services/wfm/day_schedule.h"
#include "services/wfm/history.h"
#include "services/wfm/published_schedule.h"
#include "services/wfm/units.h"
#include "store/sqlite_store.h"

namespace tamas::app {
namespace {

struct AdherenceArgs {
  std::string db, schedule, day, tenant, grace = "5m";
  bool json = false;
};

int fail(const std::string& m) {
  std::fprintf(stderr, "tamas adherence: %s\n", m.c_str());
  return 2;
}

Result<wfm::DaySchedule> load_schedule(const AdherenceArgs& a, store::Store& db,
                                       store::TenantId tenant, CivilDate day) {
  if (a.schedule.empty()) {
    auto published = wfm::published_schedule(db, tenant, day, "published schedule ");
    if (!published) return published.error();
    if (!*published)
      return Error::not_found("no --schedule and no schedule published for " +
                              wfm::format_local_date(day));
    return std::move(**published);
  }
  std::ifstream in(a.schedule, std::ios::binary);
  if (!in) return Error::not_found("cannot read '" + a.schedule + "'");
  std::stringstream text;
  text << in.rdbuf();
  return wfm::parse_day_schedule(text.str(), a.schedule);
}

double minutes(Duration d) {
  return double(d.count()) / 60000.0;
}

void print_table(const std::string& day, const std::vector<wfm::AgentDayAdherence>& rows,
                 Instant start) {
  std::printf("adherence on %s\n", day.c_str());
  std::printf("  %-16s %9s %9s %8s %8s %8s %8s %10s %11s\n", "agent", "sched.work", "sched.brk",
              "ready", "busy", "wrap_up", "not_rdy", "adherence", "conformance");
  for (const auto& r : rows) {
    using S = wfm::AgentState;
    auto at = [&](S s) { return minutes(r.actual[static_cast<std::size_t>(s)]); };
    std::printf("  %-16s %9.0f %9.0f %8.0f %8.0f %8.0f %8.0f %9.1f%% %10.1f%%%s\n", r.agent.c_str(),
                minutes(r.scheduled_work), minutes(r.scheduled_break), at(S::ready),
                at(S::busy) + at(S::reserved), at(S::wrap_up), at(S::not_ready),
                100 * r.report.adherence, 100 * r.report.conformance,
                r.scheduled ? "" : "  (not scheduled)");
    for (const auto& p : r.report.periods) {
      const auto m0 = std::chrono::duration_cast<std::chrono::minutes>(p.start - start).count();
      const auto m1 = std::chrono::duration_cast<std::chrono::minutes>(p.end - start).count();
      std::printf("    out of adherence %02ld:%02ld-%02ld:%02ld (%.0f min): expected %s, was %s\n",
                  long(m0 / 60), long(m0 % 60), long(m1 / 60), long(m1 % 60),
                  minutes(p.end - p.start),
                  p.expected == wfm::Activity::work     ? "work"
                  : p.expected == wfm::Activity::break_ ? "break"
                                                        : "off",
                  wfm::state_name(p.actual));
    }
  }
}

int run(const AdherenceArgs& a) {
  if (a.db.empty() || a.day.empty()) return fail("--db and --day are required");
  if (!std::filesystem::exists(a.db)) return fail("no database at '" + a.db + "'");
  auto date = wfm::parse_local_date(a.day);
  if (!date) return fail("--day: " + date.error().message);
  auto grace_s = wfm::parse_duration(a.grace);
  if (!grace_s || *grace_s < 0) return fail("--grace must be a duration such as 5m");
  const Duration grace{static_cast<Duration::rep>(*grace_s * 1000)};
  auto db = store::open_sqlite_store(a.db);
  if (!db) return fail(db.error().message);
  auto tenant = find_tenant(**db, a.tenant);
  if (!tenant) return fail(tenant.error().message);
  auto active = active_strategy(**db, *tenant);
  const std::string zone = active ? active->strategy.organisation.time_zone : "Asia/Tehran";
  auto calendar = BusinessCalendar::create(zone, {});
  if (!calendar) return fail(calendar.error().message);
  const std::string day = wfm::format_local_date(*date);
  auto schedule = load_schedule(a, **db, *tenant, *date);
  if (!schedule) return fail(schedule.error().message);
  // Yesterday's published night shifts run into this day.
  auto yesterday = wfm::published_schedule(
      **db, *tenant, wfm::from_day_number(wfm::day_number(*date) - 1), "published schedule ");
  if (!yesterday) return fail(yesterday.error().message);
  const wfm::DaySchedule previous = std::move(*yesterday).value_or(wfm::DaySchedule{});
  const Instant start = calendar->to_instant(*date, 0);
  auto rows = (*db)->workforce().state_history(*tenant, start, start + std::chrono::hours(24));
  if (!rows) return fail(rows.error().message);
  std::vector<wfm::AgentStateSample> samples;
  for (const auto& c : *rows) {
    auto state = wfm::parse_agent_state(c.state);
    if (!state) return fail(state.error().message);
    samples.push_back({c.agent, *state, c.at});
  }
  // Today's report runs to now (the CLI may read the wall clock).
  const Instant now{
      std::chrono::duration_cast<Duration>(std::chrono::system_clock::now().time_since_epoch())};
  const auto report = wfm::day_adherence(*schedule, previous, samples, start, grace, now);
  if (a.json) {
    std::printf("%s\n", wfm::day_adherence_json(day, grace, report, start).c_str());
  } else {
    print_table(day, report, start);
  }
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "adherence", "a day's schedule adherence from the agent states a server recorded",
    [](CLI::App& sub) -> std::function<int()> {
      auto a = std::make_shared<AdherenceArgs>();
      sub.add_option("--db", a->db, "the tamas database (SQLite file)");
      sub.add_option("--day", a->day, "local date (YYYY-MM-DD or Jalali YYYY/MM/DD)");
      sub.add_option("--schedule", a->schedule,
                     "schedule file (YAML or JSON); default: the one published for the day");
      sub.add_option("--tenant", a->tenant, "tenant slug (default: the only one)");
      sub.add_option("--grace", a->grace, "forgive deviations shorter than this (5m)");
      sub.add_flag("--json", a->json, "print one JSON object");
      return [a] { return run(*a); };
    }});

}  // namespace
}  // namespace tamas::app
