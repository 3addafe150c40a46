// `tamas schedule`: shifts covering a week's staffing requirement at minimum
// cost (integer program, GLPK).
//   tamas schedule --requirements FILE.csv --shifts FILE.yaml|json
//                  [--interval 30m] [--time-limit 50s] [--json]
// Exit codes: 0 ok, 2 bad input.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "app/command.h"
#include "services/wfm/history.h"
#include "services/wfm/schedule.h"
#include "services/wfm/schedule_input.h"
#include "services/wfm/units.h"

namespace tamas::app {
namespace {

struct ScheduleArgs {
  std::string requirements, shifts, interval = "30m", time_limit = "50s";
  bool json = false;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "tamas schedule: %s\n", message.c_str());
  return 2;
}

bool slurp(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

std::string hhmm(int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

std::string day_list(const std::vector<int>& days, CivilDate first) {
  static const char* kNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  std::string out;
  for (int d : days) {
    out += out.empty() ? "" : ",";
    out += kNames[wfm::weekday(wfm::from_day_number(wfm::day_number(first) + d))];
  }
  return out;
}

void print_json(const wfm::ScheduleResult& r, const wfm::Requirements& req) {
  std::printf(
      "{\"total_agents\":%d,\"budget\":%.2f,\"lp_bound\":%.2f,\"optimal\":%s,"
      "\"under\":%.2f,\"over\":%.2f,\"shifts\":[",
      r.total_agents, r.budget, r.lp_bound, r.optimal ? "true" : "false", r.under, r.over);
  for (size_t i = 0; i < r.assignments.size(); ++i) {
    const wfm::ShiftAssignment& a = r.assignments[i];
    std::printf("%s{\"shift\":\"%s\",\"group\":\"%s\",\"start\":\"%s\",\"breaks\":[", i ? "," : "",
                a.shift.c_str(), a.group.c_str(), hhmm(a.start_minute).c_str());
    for (size_t b = 0; b < a.break_starts.size(); ++b)
      std::printf("%s\"%s\"", b ? "," : "", hhmm(a.break_starts[b]).c_str());
    std::printf("],\"days\":\"%s\",\"agents\":%d,\"cost\":%.2f}",
                day_list(a.days, req.first_day).c_str(), a.agents, a.cost);
  }
  std::printf("],\"intervals\":[");
  const int per_day = 1440 / req.interval_minutes;
  for (size_t i = 0; i < r.required.size(); ++i) {
    const CivilDate d = wfm::from_day_number(wfm::day_number(req.first_day) + i / per_day);
    std::printf("%s{\"start\":\"%s\",\"required\":%g,\"scheduled\":%g}", i ? "," : "",
                wfm::format_local(d, (i % per_day) * req.interval_minutes).c_str(), r.required[i],
                r.scheduled[i]);
  }
  std::printf("]}\n");
}

void print_table(const wfm::ScheduleResult& r, const wfm::Requirements& req) {
  std::printf("%d agents, budget %.2f (LP bound %.2f, %s), under %.1f, over %.1f agent-intervals\n",
              r.total_agents, r.budget, r.lp_bound, r.optimal ? "optimal" : "time limit reached",
              r.under, r.over);
  std::printf("%-14s %-12s %-6s %-18s %-28s %6s\n", "shift", "group", "start", "breaks", "days",
              "agents");
  for (const wfm::ShiftAssignment& a : r.assignments) {
    std::string breaks;
    for (int b : a.break_starts) breaks += (breaks.empty() ? "" : ",") + hhmm(b);
    std::printf("%-14s %-12s %-6s %-18s %-28s %6d\n", a.shift.c_str(), a.group.c_str(),
                hhmm(a.start_minute).c_str(), breaks.c_str(),
                day_list(a.days, req.first_day).c_str(), a.agents);
  }
  const int per_day = 1440 / req.interval_minutes;
  std::printf("intervals short or over (required -> scheduled):\n");
  for (size_t i = 0; i < r.required.size(); ++i) {
    if (r.required[i] == r.scheduled[i]) continue;
    const CivilDate d = wfm::from_day_number(wfm::day_number(req.first_day) + i / per_day);
    std::printf("  %s  %g -> %g\n",
                wfm::format_local(d, (i % per_day) * req.interval_minutes).c_str(), r.required[i],
                r.scheduled[i]);
  }
}

int run(const ScheduleArgs& a) {
  if (a.requirements.empty() || a.shifts.empty())
    return fail("--requirements and --shifts are required");
  Result<double> interval = wfm::parse_duration(a.interval);
  if (!interval) return fail(interval.error().message);
  Result<double> limit = wfm::parse_duration(a.time_limit);
  if (!limit) return fail(limit.error().message);
  std::string req_text, shift_text;
  if (!slurp(a.requirements, req_text)) return fail("cannot read " + a.requirements);
  if (!slurp(a.shifts, shift_text)) return fail("cannot read " + a.shifts);
  Result<wfm::Requirements> req =
      wfm::parse_requirements_csv(req_text, a.requirements, static_cast<int>(*interval / 60));
  if (!req) return fail(req.error().message);
  Result<wfm::ShiftConfig> config = wfm::parse_shift_file(shift_text, a.shifts);
  if (!config) return fail(config.error().message);
  wfm::ScheduleOptions opt;
  opt.time_limit_s = *limit;
  Result<wfm::ScheduleResult> r = wfm::schedule_shifts(*req, *config, opt);
  if (!r) return fail(r.error().message);
  a.json ? print_json(*r, *req) : print_table(*r, *req);
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "schedule", "shifts that cover a week's requirement at minimum cost",
    [](CLI::App& sub) -> std::function<int()> {
      auto a = std::make_shared<ScheduleArgs>();
      sub.add_option("--requirements", a->requirements, "CSV: datetime,agents");
      sub.add_option("--shifts", a->shifts, "shift templates and groups (YAML or JSON)");
      sub.add_option("--interval", a->interval, "interval length of the requirements");
      sub.add_option("--time-limit", a->time_limit, "solver time limit (default 50s)");
      sub.add_flag("--json", a->json, "print one JSON object");
      return [a] { return run(*a); };
    }});

}  // namespace
}  // namespace tamas::app
