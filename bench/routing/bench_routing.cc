// Routing benchmarks (issue 3): tamas (BM_Route) against linear-scan
// baselines on the same steady-state center, plus the per-decision latency
// distribution (BM_RouteLatency) and memory use:
// - BM_RouteLinearScan: a structural model of Asterisk app_queue's member
//   selection (app_queue_model.h);
// - BM_RouteCompactScan: a tight scan over all agents in one array, a lower
//   bound for any linear scan (linear_scan.h);
// - BM_RouteLinearScanObjects: the compact scan's logic over separately
//   allocated, linked, reference-counted agent objects.
// See docs/BENCHMARKS.md for the command and results.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include "app_queue_model.h"
#include "linear_scan.h"
#include "world.h"

namespace tamas::bench {
namespace {

// Building a 100,000-agent center takes a while; build each size once and
// keep it in steady state across benchmark repetitions.
World& world(int agents) {
  static std::map<int, std::unique_ptr<World>> worlds;
  auto& w = worlds[agents];
  if (!w) w = std::make_unique<World>(agents);
  return *w;
}

LinearScanWorld& scan_world(int agents, bool object_model = false) {
  static std::map<std::pair<int, bool>, std::unique_ptr<LinearScanWorld>> worlds;
  auto& w = worlds[{agents, object_model}];
  if (!w) w = std::make_unique<LinearScanWorld>(agents, object_model);
  return *w;
}

void BM_Route(benchmark::State& state) {
  World& w = world(static_cast<int>(state.range(0)));
  std::int64_t decisions = 0;
  for (auto _ : state) decisions += w.step();
  state.SetItemsProcessed(decisions);
  state.counters["bytes_per_agent"] = static_cast<double>(w.bytes_per_agent);
  state.counters["bytes_per_waiting"] = static_cast<double>(w.bytes_per_waiting);
}
BENCHMARK(BM_Route)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kNanosecond);

AppQueueWorld& app_queue_world(int agents) {
  static std::map<int, std::unique_ptr<AppQueueWorld>> worlds;
  auto& w = worlds[agents];
  if (!w) w = std::make_unique<AppQueueWorld>(agents);
  return *w;
}

void BM_RouteLinearScan(benchmark::State& state) {
  AppQueueWorld& w = app_queue_world(static_cast<int>(state.range(0)));
  std::int64_t decisions = 0;
  for (auto _ : state) decisions += w.step();
  state.SetItemsProcessed(decisions);
}
// Not at 100,000 agents: ~4,000 members per queue and a selection that is
// quadratic in them (ring_one) make one decision cost tens of milliseconds.
BENCHMARK(BM_RouteLinearScan)->Arg(1000)->Arg(10000)->Unit(benchmark::kNanosecond);

void BM_RouteCompactScan(benchmark::State& state) {
  LinearScanWorld& w = scan_world(static_cast<int>(state.range(0)));
  std::int64_t decisions = 0;
  for (auto _ : state) decisions += w.step();
  state.SetItemsProcessed(decisions);
}
BENCHMARK(BM_RouteCompactScan)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kNanosecond);

// Second, documented baseline: the same scan over separately allocated,
// linked, reference-counted member objects (see linear_scan.h).
void BM_RouteLinearScanObjects(benchmark::State& state) {
  LinearScanWorld& w = scan_world(static_cast<int>(state.range(0)), true);
  std::int64_t decisions = 0;
  for (auto _ : state) decisions += w.step();
  state.SetItemsProcessed(decisions);
}
// Not at 100,000 agents: building that center scans every member per call
// placed (10^10 member visits, many minutes).
BENCHMARK(BM_RouteLinearScanObjects)->Arg(1000)->Arg(10000)->Unit(benchmark::kNanosecond);

// Times every decision on its own and reports percentiles (ns).
void BM_RouteLatency(benchmark::State& state) {
  World& w = world(static_cast<int>(state.range(0)));
  std::vector<std::int64_t> samples;
  samples.reserve(1 << 20);
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    w.step();
    auto t1 = std::chrono::steady_clock::now();
    if (samples.size() < samples.capacity()) {
      samples.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count());
    }
  }
  std::sort(samples.begin(), samples.end());
  auto pct = [&](double p) {
    return samples.empty()
               ? 0.0
               : static_cast<double>(samples[static_cast<std::size_t>(p * (samples.size() - 1))]);
  };
  state.counters["p50_ns"] = pct(0.50);
  state.counters["p99_ns"] = pct(0.99);
  state.counters["p999_ns"] = pct(0.999);
  state.counters["max_ns"] = samples.empty() ? 0.0 : static_cast<double>(samples.back());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RouteLatency)->Arg(10000)->Unit(benchmark::kNanosecond);

}  // namespace
}  // namespace tamas::bench

BENCHMARK_MAIN();
