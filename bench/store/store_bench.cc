// Durable intake: contacts committed per second through the StoreWriter
// (group commit) against one transaction per contact, and the restart
// recovery read. Results and command: docs/BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite_store.h"
#include "store/writer.h"

namespace tamas::store {
namespace {

constexpr int kProducers = 2;

class BenchDir {
 public:
  BenchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "tamas-bench-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~BenchDir() { std::filesystem::remove_all(path_); }
  std::string db() const { return (path_ / "bench.db").string(); }

 private:
  std::filesystem::path path_;
};

Interaction web_form_contact(TenantId tenant, std::int64_t n) {
  Interaction i;
  i.tenant = tenant;
  i.channel = "webform";
  i.type = "complaint";
  i.entry_point = "complaint-form";
  i.queue = "complaints";
  i.state = InteractionState::queued;
  i.priority = 5;
  i.arrived_at = from_millis(1'700'000'000'000 + n);
  i.fields_json = R"({"model":"Dena Plus","vin":"NAAM01CA0JR123456","text":"noise from the )"
                  R"(gearbox after 2000 km"})";
  return i;
}

SqliteOptions sync_option(std::int64_t arg) {
  SqliteOptions o;
  o.sync = arg == 0 ? SqliteOptions::Sync::normal : SqliteOptions::Sync::full;
  return o;
}

// Two producer threads submit range(1) contacts per iteration;
// the iteration ends when every one is acknowledged (committed).
void run_intake(benchmark::State& state, std::size_t max_batch) {
  BenchDir dir;
  const SqliteOptions options = sync_option(state.range(0));
  const int per_iteration = static_cast<int>(state.range(1));
  TenantId tenant = *(*open_sqlite_store(dir.db(), options))
                         ->tenants()
                         .add(Tenant{0, "bench", "Bench", from_millis(0)});
  StoreWriter writer(open_sqlite_store(dir.db(), options).value(),
                     WriterOptions{.max_batch = max_batch});
  std::atomic<std::int64_t> failures{0}, next{0};
  for (auto _ : state) {
    std::latch acked(per_iteration);
    std::vector<std::thread> producers;
    for (int p = 0; p < kProducers; ++p) {
      producers.emplace_back([&] {
        for (int k = 0; k < per_iteration / kProducers; ++k) {
          Interaction contact = web_form_contact(tenant, next++);
          writer.submit(
              [contact](Store& s) -> Status {
                auto id = s.interactions().add(contact);
                return id.ok() ? Status{} : Status(id.error());
              },
              [&](const Status& s) {
                if (!s.ok()) ++failures;
                acked.count_down();
              });
        }
      });
    }
    for (auto& t : producers) t.join();
    acked.wait();
  }
  writer.stop();
  if (failures.load() != 0) state.SkipWithError("some contacts failed to commit");
  state.SetItemsProcessed(state.iterations() * per_iteration);
  const auto stats = writer.stats();
  state.counters["contacts_per_txn"] =
      static_cast<double>(stats.ops) / static_cast<double>(stats.batches);
}

void BM_IntakeGroupCommit(benchmark::State& state) {
  run_intake(state, 1000);
}
void BM_IntakeOneTxnPerContact(benchmark::State& state) {
  run_intake(state, 1);
}

// Args: full_sync (0 = synchronous NORMAL, the default; 1 = FULL), contacts
// per iteration (fewer for the slow FULL baseline so the run stays short).
BENCHMARK(BM_IntakeGroupCommit)
    ->ArgNames({"full_sync", "contacts"})
    ->Args({0, 10'000})
    ->Args({1, 10'000})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IntakeOneTxnPerContact)
    ->ArgNames({"full_sync", "contacts"})
    ->Args({0, 10'000})
    ->Args({1, 1'000})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Restart recovery: read back 50,000 open interactions (next to 50,000
// closed ones the partial index skips).
void BM_OpenInteractionsRecovery(benchmark::State& state) {
  BenchDir dir;
  auto store = open_sqlite_store(dir.db()).value();
  TenantId tenant = *store->tenants().add(Tenant{0, "bench", "Bench", from_millis(0)});
  (void)store->begin();
  for (int k = 0; k < 100'000; ++k) {
    Interaction i = web_form_contact(tenant, k);
    if (k % 2 == 1) i.state = InteractionState::closed;
    (void)store->interactions().add(i);
  }
  if (!store->commit().ok()) state.SkipWithError("setup commit failed");
  for (auto _ : state) {
    auto open = store->interactions().list_open(tenant);
    if (!open.ok() || open->size() != 50'000) state.SkipWithError("wrong recovery count");
    benchmark::DoNotOptimize(open);
  }
  state.SetItemsProcessed(state.iterations() * 50'000);
}
BENCHMARK(BM_OpenInteractionsRecovery)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tamas::store

BENCHMARK_MAIN();
