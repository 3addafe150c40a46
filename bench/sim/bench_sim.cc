// Simulator throughput with the real routing engine in the loop.
// items_per_second = calendar events processed per second (see
// services/sim/simulator.h for what an event is); the "customers" counter
// is contacts simulated per second, the unit compared with SimPy.
//
// Model: M/M/N with 100 agents at load rho = 0.85 (1,700 calls/h, AHT 180 s),
// 20 s service-level threshold; BM_MMNPatience adds exponential patience
// (mean 600 s), i.e. M/M/N+M (Erlang A), the model bench/sim/compare_simpy.py
// runs in SimPy.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "services/sim/simulator.h"

namespace {

using namespace std::chrono_literals;
using tamas::services::sim::mmn;
using tamas::services::sim::simulate;

void run(benchmark::State& state, tamas::Duration patience) {
  const auto config = mmn(100, 1700, 180s, patience, 200h, 20s);
  std::int64_t events = 0, customers = 0;
  std::uint64_t seed = 1;
  double sl = 0;
  for (auto _ : state) {
    auto r = simulate(config, seed++);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    events += r->events;
    customers += r->customers;
    sl = r->total.service_level;
  }
  state.SetItemsProcessed(events);
  state.counters["customers"] = benchmark::Counter(double(customers), benchmark::Counter::kIsRate);
  state.counters["events_per_customer"] = double(events) / double(customers);
  char label[48];
  std::snprintf(label, sizeof label, "service level %.4f", sl);
  state.SetLabel(label);
}

void BM_MMN(benchmark::State& state) {
  run(state, 0s);
}
void BM_MMNPatience(benchmark::State& state) {
  run(state, 600s);
}

BENCHMARK(BM_MMN)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MMNPatience)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
