// `tamas simulate`: run the real routing engine over simulated time.
// M/M/N mode:
//   tamas simulate --agents 14 --volume 100 --interval 30m --aht 180s
//                  --target 80/20s [--patience 300s] [--hours 8]
//                  [--replications 10] [--seed 1] [--json]
// prints the simulated service level, ASA, abandonment and occupancy with
// 95% confidence half-widths, beside Erlang C (or Erlang A with --patience)
// for the same centre.
// Scenario mode (simulate_scenario.cc):
//   tamas simulate --strategy s.yaml --roster roster.csv --traffic forecast.csv
//                  [--days 1] [--first-day sat] [--interval 30m]
//                  [--compare s2.yaml] [--compare-roster roster2.csv] ...
// Replay mode: --db tamas.db [--tenant T] [--from DATE --to DATE] instead of
// --traffic (recorded interactions; --strategy defaults to the active one).
// Exit codes: 0 ok, 2 bad input.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "app/command.h"
#include "app/simulate_scenario.h"
#include "services/sim/simulator.h"
#include "services/wfm/erlang.h"
#include "services/wfm/units.h"

namespace tamas::app {
namespace {

int fail(const std::string& m) {
  std::fprintf(stderr, "tamas simulate: %s\n", m.c_str());
  return 2;
}

Duration ms(double seconds) {
  return Duration{static_cast<Duration::rep>(std::llround(seconds * 1000))};
}

int run(const SimArgs& a) {
  if (!a.strategy.empty() || !a.roster.empty() || !a.traffic.empty() || !a.db.empty())
    return run_scenario(a);
  if (a.agents < 1) return fail("--agents must be at least 1");
  if (a.volume.empty() || a.aht.empty()) return fail("--volume and --aht are required");
  auto volume = wfm::parse_number(a.volume, "volume");
  auto interval = wfm::parse_duration(a.interval);
  auto aht = wfm::parse_duration(a.aht);
  auto target = wfm::parse_service_target(a.target);
  auto hours = wfm::parse_number(a.hours, "hours");
  for (const Error* e : {volume ? nullptr : &volume.error(), interval ? nullptr : &interval.error(),
                         aht ? nullptr : &aht.error(), target ? nullptr : &target.error(),
                         hours ? nullptr : &hours.error()})
    if (e) return fail(e->message);
  if (*interval <= 0 || *aht <= 0 || *hours <= 0)
    return fail("--interval, --aht and --hours must be positive");
  double patience_s = 0;
  if (!a.patience.empty()) {
    auto p = wfm::parse_duration(a.patience);
    if (!p) return fail(p.error().message);
    patience_s = *p;
  }
  const double per_hour = *volume * 3600.0 / *interval;
  auto config = services::sim::mmn(a.agents, per_hour, ms(*aht), ms(patience_s), ms(*hours * 3600),
                                   ms(target->within_s));
  const auto started = std::chrono::steady_clock::now();
  const std::clock_t cpu_started = std::clock();
  auto s = services::sim::simulate_replications(config, a.replications, a.seed);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double cpu = double(std::clock() - cpu_started) / CLOCKS_PER_SEC;
  if (!s) return fail(s.error().message);
  const double load = per_hour * *aht / 3600.0;
  double theory_sl = 0, theory_ab = 0;
  if (patience_s > 0) {
    const auto t = wfm::erlang_a_metrics(load, a.agents, *aht, target->within_s, patience_s);
    theory_sl = t.service_level;
    theory_ab = t.p_abandon;
  } else {
    theory_sl = wfm::erlang_c_metrics(load, a.agents, *aht, target->within_s).service_level;
  }
  if (a.json) {
    std::printf(
        "{\"replications\":%d,\"service_level\":%.6f,\"service_level_ci\":%.6f,\"asa_s\":%.4f,"
        "\"asa_s_ci\":%.4f,\"abandon_rate\":%.6f,\"occupancy\":%.6f,\"theory_service_level\":%.6f,"
        "\"theory_abandon_rate\":%.6f,\"engine_commands\":%lld,\"customers\":%lld,\"events\":%lld,"
        "\"seconds\":%.3f,\"cpu_seconds\":%.3f}\n",
        s->replications, s->service_level.mean, s->service_level.half_width, s->asa_s.mean,
        s->asa_s.half_width, s->abandon_rate.mean, s->occupancy.mean, theory_sl, theory_ab,
        static_cast<long long>(s->engine_commands), static_cast<long long>(s->customers),
        static_cast<long long>(s->events), secs, cpu);
    return 0;
  }
  std::printf(
      "simulated %d x %s h through the routing engine (%lld contacts, %lld events, %.2f s)\n",
      s->replications, a.hours.c_str(), static_cast<long long>(s->customers),
      static_cast<long long>(s->events), secs);
  std::printf("service level   %.1f %% ± %.1f   (%s: %.1f %%)\n", 100 * s->service_level.mean,
              100 * s->service_level.half_width, patience_s > 0 ? "Erlang A" : "Erlang C",
              100 * theory_sl);
  std::printf("ASA             %.1f s ± %.1f\n", s->asa_s.mean, s->asa_s.half_width);
  std::printf("abandoned       %.1f %%\n", 100 * s->abandon_rate.mean);
  std::printf("occupancy       %.1f %%\n", 100 * s->occupancy.mean);
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "simulate", "Replay synthetic traffic through the real routing engine",
    [](CLI::App& sub) -> std::function<int()> {
      auto a = std::make_shared<SimArgs>();
      sub.add_option("--agents", a->agents, "M/M/N: agents logged in and ready");
      sub.add_option("--volume", a->volume, "contacts offered per interval");
      sub.add_option("--interval", a->interval, "interval length (30m)");
      sub.add_option("--aht", a->aht, "average handle time (180s)");
      sub.add_option("--target", a->target, "service-level objective (80/20s)");
      sub.add_option("--patience", a->patience, "mean caller patience (callers abandon)");
      sub.add_option("--hours", a->hours, "simulated hours per replication");
      sub.add_option("--replications", a->replications, "independent runs")
          ->check(CLI::Range(1, 1000));
      sub.add_option("--seed", a->seed, "first random seed");
      sub.add_option("--strategy", a->strategy, "scenario: strategy file (routing)");
      sub.add_option("--roster", a->roster, "scenario: roster, CSV or YAML (.yaml/.yml/.json)");
      sub.add_option("--db", a->db, "replay: recorded interactions of a tamas database");
      sub.add_option("--tenant", a->tenant, "replay: tenant slug (default: the only one)");
      sub.add_option("--from", a->from, "replay: first local day (YYYY-MM-DD or Jalali)");
      sub.add_option("--to", a->to, "replay: last local day, inclusive");
      sub.add_option("--traffic", a->traffic,
                     "scenario: forecast CSV (start,type,channel,volume,aht,...)");
      sub.add_option("--days", a->days, "scenario: simulated days")->check(CLI::Range(1, 31));
      sub.add_option("--first-day", a->first_day, "scenario: weekday of day 0 (sat)");
      sub.add_option("--warmup", a->warmup, "scenario: leading time not counted (0)");
      sub.add_option("--compare", a->compare,
                     "scenario: a second strategy to run on the same traffic");
      sub.add_option("--compare-roster", a->compare_roster, "scenario: a second roster to compare");
      sub.add_flag("--json", a->json, "print one JSON object");
      return [a] { return run(*a); };
    }});

}  // namespace
}  // namespace tamas::app
