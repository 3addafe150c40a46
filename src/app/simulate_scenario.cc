#include "app/simulate_scenario.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/tenant_setup.h"
#include "core/calendar.h"
#include "services/sim/compare.h"
#include "services/sim/recorded.h"
#include "services/sim/roster_yaml.h"
#include "services/sim/scenario.h"
#include "services/sim/traffic_csv.h"
#include "services/wfm/history.h"
#include "services/wfm/units.h"
#include "store/sqlite_store.h"

namespace tamas::app {
namespace {

namespace sim = services::sim;

int fail(const std::string& m) {
  std::fprintf(stderr, "tamas simulate: %s\n", m.c_str());
  return 2;
}

Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found("cannot read '" + path + "'");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<sim::SimConfig> build(const strategy::Strategy* from_db, const std::string& strategy_path,
                             const std::string& roster_path,
                             const std::vector<sim::Traffic>& traffic,
                             const sim::ScenarioOptions& o) {
  Result<strategy::Strategy> strategy =
      strategy_path.empty() && from_db ? *from_db : load_strategy_file(strategy_path);
  if (!strategy) return strategy.error();
  auto text = read_text(roster_path);
  if (!text) return text.error();
  auto roster = sim::parse_roster(*text, roster_path);
  if (!roster) return roster.error();
  return sim::scenario_config(*strategy, *roster, traffic, o);
}

// Estimates over replications of one field of one row.
template <class Rows, class Get>
sim::Estimate over(const std::vector<sim::RunResult>& runs, Rows rows, std::size_t i, Get get) {
  std::vector<double> xs;
  for (const auto& r : runs)
    if (i < (r.*rows).size()) xs.push_back(get((r.*rows)[i]));
  return sim::estimate(xs);
}

std::string est(const sim::Estimate& e) {
  char b[96];
  std::snprintf(b, sizeof b, "{\"mean\":%.6f,\"ci\":%.6f}", e.mean, e.half_width);
  return b;
}

std::string rows_json(const std::vector<sim::RunResult>& runs,
                      std::vector<sim::QueueResult> sim::RunResult::*rows, const char* key,
                      Duration interval) {
  std::string out = std::string("\"") + key + "\":[";
  const std::size_t n = runs.empty() ? 0 : (runs[0].*rows).size();
  for (std::size_t i = 0; i < n; ++i) {
    if (rows == &sim::RunResult::intervals &&
        over(runs, rows, i, [](auto& q) { return double(q.offered); }).mean == 0)
      continue;
    if (out.back() == '}') out += ',';
    std::string name = (runs[0].*rows)[i].queue;
    if (rows == &sim::RunResult::intervals) {
      const long minute = long(i) * long(interval.count() / 60000);
      char b[32];
      std::snprintf(b, sizeof b, "day %ld %02ld:%02ld", minute / 1440, minute % 1440 / 60,
                    minute % 60);
      name = b;
    }
    out +=
        "{\"name\":\"" + name + "\",\"offered\":" +
        std::to_string(over(runs, rows, i, [](auto& q) { return double(q.offered); }).mean) +
        ",\"service_level\":" + est(over(runs, rows, i, [](auto& q) { return q.service_level; })) +
        ",\"asa_s\":" + est(over(runs, rows, i, [](auto& q) { return q.asa_s; })) +
        ",\"abandon_rate\":" + est(over(runs, rows, i, [](auto& q) { return q.abandon_rate; })) +
        "}";
  }
  return out + "]";
}

std::string summary_json(const sim::Summary& s, Duration interval) {
  std::string out = "{\"replications\":" + std::to_string(s.replications) +
                    ",\"service_level\":" + est(s.service_level) + ",\"asa_s\":" + est(s.asa_s) +
                    ",\"abandon_rate\":" + est(s.abandon_rate) +
                    ",\"occupancy\":" + est(s.occupancy) + ",";
  out += rows_json(s.runs, &sim::RunResult::by_queue, "queues", interval) + ",";
  out += rows_json(s.runs, &sim::RunResult::queues, "streams", interval) + ",";
  out += rows_json(s.runs, &sim::RunResult::intervals, "intervals", interval) + ",\"agents\":[";
  const std::size_t n = s.runs.empty() ? 0 : s.runs[0].agents.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> xs;
    for (const auto& r : s.runs) xs.push_back(r.agents[i].utilisation);
    out += std::string(i ? "," : "") + "{\"agent\":\"" + s.runs[0].agents[i].agent +
           "\",\"utilisation\":" + est(sim::estimate(xs)) + "}";
  }
  return out + "]}";
}

void print_table(const sim::Summary& s, const char* title) {
  std::printf("%s (%d replications; ± = 95%% half-width)\n", title, s.replications);
  std::printf("  %-24s %9s %18s %14s %14s\n", "queue (SLO)", "offered", "service level", "ASA s",
              "abandoned");
  const std::size_t n = s.runs.empty() ? 0 : s.runs[0].by_queue.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto off =
        over(s.runs, &sim::RunResult::by_queue, i, [](auto& q) { return double(q.offered); });
    const auto sl =
        over(s.runs, &sim::RunResult::by_queue, i, [](auto& q) { return q.service_level; });
    const auto asa = over(s.runs, &sim::RunResult::by_queue, i, [](auto& q) { return q.asa_s; });
    const auto ab =
        over(s.runs, &sim::RunResult::by_queue, i, [](auto& q) { return q.abandon_rate; });
    std::printf("  %-24s %9.1f %9.1f %% ± %4.1f %7.1f ± %4.1f %7.1f %% ± %4.1f\n",
                s.runs[0].by_queue[i].queue.c_str(), off.mean, 100 * sl.mean, 100 * sl.half_width,
                asa.mean, asa.half_width, 100 * ab.mean, 100 * ab.half_width);
  }
  std::printf("  %-24s %9s %9.1f %% ± %4.1f %7.1f ± %4.1f %7.1f %% ± %4.1f\n", "all", "",
              100 * s.service_level.mean, 100 * s.service_level.half_width, s.asa_s.mean,
              s.asa_s.half_width, 100 * s.abandon_rate.mean, 100 * s.abandon_rate.half_width);
  std::printf("  occupancy %.1f %% ± %.1f\n", 100 * s.occupancy.mean, 100 * s.occupancy.half_width);
}

void print_diff(const char* name, const sim::Paired& p, double scale, const char* unit) {
  std::printf("  %-16s A %8.2f%s   B %8.2f%s   B-A %+8.2f%s ± %.2f\n", name, scale * p.a.mean, unit,
              scale * p.b.mean, unit, scale * p.diff.mean, unit, scale * p.diff.half_width);
}

// What the scenario runs on: traffic (forecast CSV or recorded), and the
// strategy of the database's tenant when replaying without --strategy.
struct Inputs {
  std::vector<sim::Traffic> traffic;
  std::optional<strategy::Strategy> db_strategy;
  std::string recorded_json;  // replay only: {"from","to","interactions"}
  std::string recorded_text;
};

Result<CivilDate> date_arg(const std::string& text, const char* flag) {
  auto d = wfm::parse_local_date(text);
  if (!d) return Error::invalid(std::string(flag) + ": " + d.error().message);
  return *d;
}

// Recorded interactions of one tenant over whole local days.
Status load_recorded(const SimArgs& a, sim::ScenarioOptions& o, Inputs& in) {
  if (!std::filesystem::exists(a.db)) return Error::not_found("no database at '" + a.db + "'");
  auto db = store::open_sqlite_store(a.db);
  if (!db) return db.error();
  auto tenant = find_tenant(**db, a.tenant);
  if (!tenant) return tenant.error();
  std::optional<strategy::Strategy> strategy;
  if (a.strategy.empty()) {
    auto active = active_strategy(**db, *tenant);
    if (!active) return Error::invalid("no --strategy and " + active.error().message);
    strategy = std::move(active->strategy);
  } else {
    auto file = load_strategy_file(a.strategy);
    if (!file) return file.error();
    strategy = std::move(file).value();
  }
  auto calendar = BusinessCalendar::create(strategy->organisation.time_zone, {});
  if (!calendar) return calendar.error();
  auto all = (*db)->interactions().list_arrived(*tenant, Instant::min(), Instant::max());
  if (!all) return all.error();
  if (all->empty()) return Error::not_found(a.db + ": no interactions recorded for this tenant");
  CivilDate first = calendar->local_date(all->front().arrived_at);
  CivilDate last = calendar->local_date(all->back().arrived_at);
  if (!a.from.empty()) {
    auto d = date_arg(a.from, "--from");
    if (!d) return d.error();
    first = *d;
  }
  if (!a.to.empty()) {
    auto d = date_arg(a.to, "--to");
    if (!d) return d.error();
    last = *d;
  }
  const long days = wfm::day_number(last) - wfm::day_number(first) + 1;
  if (days < 1) return Error::invalid("--to is before --from");
  if (days > 62) return Error::invalid("replay at most 62 days at a time");
  const Instant start = calendar->to_instant(first, 0);
  const Instant end = calendar->to_instant(wfm::from_day_number(wfm::day_number(last) + 1), 0);
  auto rows = (*db)->interactions().list_arrived(*tenant, start, end);
  if (!rows) return rows.error();
  const std::string range = wfm::format_local_date(first) + " to " + wfm::format_local_date(last);
  if (rows->empty()) return Error::not_found(a.db + ": no interactions recorded from " + range);
  auto traffic = sim::recorded_traffic(*rows, start);
  if (!traffic) return traffic.error();
  in.traffic = std::move(traffic).value();
  o.days = static_cast<int>(days);
  o.first_weekday = wfm::weekday(first);
  in.recorded_json = "{\"from\":\"" + wfm::format_local_date(first) + "\",\"to\":\"" +
                     wfm::format_local_date(last) +
                     "\",\"interactions\":" + std::to_string(rows->size()) + "}";
  in.recorded_text =
      "replaying " + std::to_string(rows->size()) + " recorded interactions, " + range;
  if (a.strategy.empty()) in.db_strategy = std::move(strategy);
  return {};
}

Status load_inputs(const SimArgs& a, sim::ScenarioOptions& o, Inputs& in) {
  if (!a.db.empty()) return load_recorded(a, o, in);
  auto text = read_text(a.traffic);
  if (!text) return text.error();
  auto traffic = sim::parse_traffic_csv(*text, a.traffic, o.interval);
  if (!traffic) return traffic.error();
  in.traffic = std::move(traffic).value();
  return {};
}

}  // namespace

int run_scenario(const SimArgs& a) {
  if (a.db.empty() && (a.strategy.empty() || a.roster.empty() || a.traffic.empty()))
    return fail("scenario mode needs --strategy, --roster and --traffic (or --db and --roster)");
  if (!a.db.empty() && a.roster.empty()) return fail("replaying --db needs a --roster");
  if (!a.db.empty() && !a.traffic.empty()) return fail("give either --db or --traffic, not both");
  if (a.db.empty() && (!a.from.empty() || !a.to.empty() || !a.tenant.empty()))
    return fail("--from, --to and --tenant go with --db");
  sim::ScenarioOptions o;
  o.days = a.days;
  static const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  o.first_weekday = -1;
  for (int i = 0; i < 7; ++i)
    if (a.first_day == names[i]) o.first_weekday = i;
  if (o.first_weekday < 0)
    return fail("--first-day must be one of sat, sun, mon, tue, wed, thu, fri");
  auto interval = wfm::parse_duration(a.interval);
  auto warmup = wfm::parse_duration(a.warmup);
  if (!interval || *interval < 60) return fail("--interval must be at least 1m");
  if (!warmup) return fail(warmup.error().message);
  o.interval = Duration{static_cast<Duration::rep>(*interval * 1000)};
  o.warmup = Duration{static_cast<Duration::rep>(*warmup * 1000)};
  Inputs in;
  if (Status st = load_inputs(a, o, in); !st) return fail(st.error().message);
  const strategy::Strategy* db_strategy = in.db_strategy ? &*in.db_strategy : nullptr;
  const auto& traffic = in.traffic;
  if (!a.json && !in.recorded_text.empty()) std::printf("%s\n", in.recorded_text.c_str());
  auto config = build(db_strategy, a.strategy, a.roster, traffic, o);
  if (!config) return fail(config.error().message);
  if (a.compare.empty() && a.compare_roster.empty()) {
    auto s = sim::simulate_replications(*config, a.replications, a.seed);
    if (!s) return fail(s.error().message);
    if (a.json) {
      std::string out = summary_json(*s, o.interval);
      if (!in.recorded_json.empty()) out.insert(1, "\"recorded\":" + in.recorded_json + ",");
      std::printf("%s\n", out.c_str());
    } else {
      print_table(*s, "simulated");
    }
    return 0;
  }
  auto other =
      build(a.compare.empty() ? db_strategy : nullptr, a.compare.empty() ? a.strategy : a.compare,
            a.compare_roster.empty() ? a.roster : a.compare_roster, traffic, o);
  if (!other) return fail(other.error().message);
  auto c = sim::compare(*config, *other, a.replications, a.seed, true);
  if (!c) return fail(c.error().message);
  if (a.json) {
    std::printf(
        "{%s\"common_random_numbers\":true,\"a\":%s,\"b\":%s,\"difference\":{\"service_level\":%s,"
        "\"asa_s\":%s,\"abandon_rate\":%s,\"occupancy\":%s}}\n",
        in.recorded_json.empty() ? "" : ("\"recorded\":" + in.recorded_json + ",").c_str(),
        summary_json(c->a, o.interval).c_str(), summary_json(c->b, o.interval).c_str(),
        est(c->service_level.diff).c_str(), est(c->asa_s.diff).c_str(),
        est(c->abandon_rate.diff).c_str(), est(c->occupancy.diff).c_str());
    return 0;
  }
  print_table(c->a, "A");
  print_table(c->b, "B");
  std::printf("B - A on the same traffic (common random numbers, paired 95%% half-width)\n");
  print_diff("service level", c->service_level, 100, " %");
  print_diff("ASA", c->asa_s, 1, " s");
  print_diff("abandoned", c->abandon_rate, 100, " %");
  print_diff("occupancy", c->occupancy, 100, " %");
  return 0;
}

}  // namespace tamas::app
