// CRM and knowledge-base latency budgets (issue 5), on the data set of
// dataset.h: identity lookup by phone (p99 <= 1 ms), a customer's timeline
// first page (p99 <= 10 ms) and knowledge search (p99 <= 20 ms). Each
// operation is timed on its own; p50/p99/max are reported as counters in
// microseconds, by the wall clock and by the thread's CPU clock. Command and results:
// docs/BENCHMARKS.md, "CRM and cases".
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

#include "dataset.h"
#include "services/crm/identity.h"
#include "services/crm/timeline.h"
#include "services/kb/knowledge_base.h"

namespace tamas::bench {
namespace {

using Clock = std::chrono::steady_clock;

double thread_cpu_us() {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Runs op(i) once per iteration, timing each call by the wall clock and by
// the thread's CPU clock (user + system: what the operation costs when the
// machine is not oversubscribed); reports percentiles of both.
template <typename Op>
void timed(benchmark::State& state, Op op) {
  std::vector<double> wall, cpu;
  wall.reserve(static_cast<std::size_t>(state.max_iterations));
  cpu.reserve(static_cast<std::size_t>(state.max_iterations));
  std::int64_t i = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const double c0 = thread_cpu_us();
    op(i++);
    cpu.push_back(thread_cpu_us() - c0);
    wall.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  auto at = [](std::vector<double>& v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
  };
  state.counters["p50_us"] = at(wall, 0.50);
  state.counters["p99_us"] = at(wall, 0.99);
  state.counters["cpu_p50_us"] = at(cpu, 0.50);
  state.counters["cpu_p99_us"] = at(cpu, 0.99);
}

const strategy::Strategy& no_strategy() {
  static const strategy::Strategy s;
  return s;
}

void BM_IdentityLookupByPhone(benchmark::State& state) {
  Dataset& d = dataset();
  services::crm::CrmContext ctx{*d.store, no_strategy(), d.tenant};
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::int64_t> customer(1, kCustomers);
  char typed[32];
  timed(state, [&](std::int64_t) {
    const std::int64_t c = customer(rng);
    std::snprintf(typed, sizeof typed, "0912 %03lld %04lld", static_cast<long long>(c / 10000),
                  static_cast<long long>(c % 10000));
    auto r = services::crm::find_customer(ctx, {typed, "", "", ""});
    if (!r.ok() || r->customer != c) state.SkipWithError("lookup failed");
  });
}
BENCHMARK(BM_IdentityLookupByPhone)->Iterations(50'000)->Unit(benchmark::kMicrosecond);

void BM_TimelineFirstPage(benchmark::State& state) {
  Dataset& d = dataset();
  services::crm::CrmContext ctx{*d.store, no_strategy(), d.tenant};
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::int64_t> any(1, kCustomers), heavy(1, kHeavyCustomers);
  timed(state, [&](std::int64_t i) {
    const std::int64_t c = i % 2 ? heavy(rng) : any(rng);  // half are 1,000-contact customers
    auto page = services::crm::timeline_page(ctx, c, "", 20);
    if (!page.ok() || page->entries.empty()) state.SkipWithError("timeline failed");
    benchmark::DoNotOptimize(page);
  });
}
BENCHMARK(BM_TimelineFirstPage)->Iterations(20'000)->Unit(benchmark::kMicrosecond);

void BM_KnowledgeSearch(benchmark::State& state) {
  Dataset& d = dataset();
  services::kb::KnowledgeBase kb(*d.store, d.tenant);
  std::mt19937_64 rng(13);
  std::uniform_int_distribution<std::size_t> word(0, d.vocabulary.size() - 1);
  timed(state, [&](std::int64_t) {
    services::kb::SearchRequest r{d.vocabulary[word(rng)] + " " + d.vocabulary[word(rng)], true,
                                  10};
    auto hits = kb.search(r);
    if (!hits.ok()) state.SkipWithError("search failed");
    benchmark::DoNotOptimize(hits);
  });
}
BENCHMARK(BM_KnowledgeSearch)->Iterations(5'000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace tamas::bench

BENCHMARK_MAIN();
