// Workforce-management benchmarks. Run:
//   build/bench/bench/wfm/bench_wfm --benchmark_min_time=0.5
// Baseline in the same run: BM_ErlangCSolveNaive re-runs the full Erlang B
// recursion from n = 0 for every candidate N (the textbook method).
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "services/wfm/erlang.h"
#include "services/wfm/schedule.h"
#include "services/wfm/schedule_input.h"
#include "services/wfm/staffing.h"

namespace tamas::wfm {
namespace {

StaffingRequest request_for_agents(double erlangs) {
  StaffingRequest r;
  r.interval_s = 1800;
  r.aht_s = 180;
  r.volume = erlangs * r.interval_s / r.aht_s;
  r.target_fraction = 0.8;
  r.target_s = 20;
  return r;
}

void BM_ErlangCSolve(benchmark::State& state) {
  const StaffingRequest req = request_for_agents(static_cast<double>(state.range(0)));
  int agents = 0;
  for (auto _ : state) {
    Result<StaffingResult> r = solve_staffing(req);
    agents = r->agents;
    benchmark::DoNotOptimize(agents);
  }
  state.counters["agents"] = agents;
}
BENCHMARK(BM_ErlangCSolve)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

double naive_erlang_c(double A, int N) {
  double b = 1;
  for (int n = 1; n <= N; ++n) b = A * b / (n + A * b);
  return N * b / (N - A * (1 - b));
}

void BM_ErlangCSolveNaive(benchmark::State& state) {
  const double A = static_cast<double>(state.range(0));
  int agents = 0;
  for (auto _ : state) {
    for (int n = static_cast<int>(A) + 1;; ++n) {
      const double sl = 1 - naive_erlang_c(A, n) * std::exp(-(n - A) * 20 / 180);
      if (sl >= 0.8) {
        agents = n;
        break;
      }
    }
    benchmark::DoNotOptimize(agents);
  }
  state.counters["agents"] = agents;
}
BENCHMARK(BM_ErlangCSolveNaive)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_ErlangASolve(benchmark::State& state) {
  StaffingRequest req = request_for_agents(static_cast<double>(state.range(0)));
  req.patience_s = 300;
  for (auto _ : state) benchmark::DoNotOptimize(solve_staffing(req)->agents);
}
BENCHMARK(BM_ErlangASolve)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

// 100 queues × 48 half-hour intervals with a daily profile, 5–500 Erlangs.
void BM_DayPlan_100Queues(benchmark::State& state) {
  std::vector<std::vector<StaffingRequest>> day(100);
  for (int q = 0; q < 100; ++q) {
    for (int i = 0; i < 48; ++i) {
      const double shape = 0.2 + std::sin(3.14159 * i / 48) * std::sin(3.14159 * i / 48);
      day[q].push_back(request_for_agents((5 + 5 * q) * shape));
    }
  }
  for (auto _ : state) {
    auto plan = plan_day(day);
    benchmark::DoNotOptimize(plan->size());
  }
}
BENCHMARK(BM_DayPlan_100Queues)->Unit(benchmark::kMillisecond);

// A Saturday–Thursday week, 07:00–22:00, peaking near 280 agents on the
// phones: about 500 agents once days off and breaks are scheduled. Three
// templates (morning with prayer and rest breaks, evening with dinner,
// part-time peak) and 5-of-6 working days. Time limit 50 s, gap 1 %.
Requirements week_of_500() {
  Requirements r;
  r.first_day = {2026, 3, 7};
  r.interval_minutes = 30;
  r.required.assign(7 * 48, 0);
  for (int d = 0; d < 6; ++d) {
    for (int k = 14; k < 44; ++k) {
      const double h = k / 2.0, s = std::sin(3.14159265 * (h - 7) / 15);
      r.required[d * 48 + k] = std::round(60 + 200 * s * s + (h >= 10 && h < 12 ? 40 : 0));
    }
  }
  return r;
}

constexpr const char* kShifts = R"(groups:
  - {name: full-time, cost_per_hour: 250}
  - {name: part-time, cost_per_hour: 280, max_agents: 150}
shifts:
  - name: morning
    group: full-time
    start: "07:00-09:00"
    length: 8h
    work_days: 5
    breaks:
      - {name: prayer, length: 30m, between: "12:00-13:30"}
      - {name: rest, length: 30m, after: 5h, before: 6h30m}
  - name: evening
    group: full-time
    start: "12:00-14:00"
    length: 8h
    work_days: 5
    breaks:
      - {name: dinner, length: 30m, after: 3h, before: 5h}
  - name: peak
    group: part-time
    start: "09:00-12:00"
    length: 4h
    work_days: 5
)";

void BM_WeekSchedule_500Agents(benchmark::State& state) {
  const Requirements req = week_of_500();
  const ShiftConfig config = *parse_shift_file(kShifts, "bench");
  ScheduleOptions opt;
  opt.time_limit_s = 50;
  opt.mip_gap = 0.01;
  ScheduleResult last;
  for (auto _ : state) last = *schedule_shifts(req, config, opt);
  state.counters["agents"] = last.total_agents;
  state.counters["variants"] = last.variants;
  state.counters["gap_pct"] = 100 * (last.budget - last.lp_bound) / last.budget;
  state.counters["optimal"] = last.optimal;
  state.counters["under"] = last.under;
}
BENCHMARK(BM_WeekSchedule_500Agents)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace tamas::wfm

BENCHMARK_MAIN();
