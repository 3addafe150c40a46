// Write failures surface as Status values and lose nothing acknowledged.
#include "store/fault_injection.h"

#include <gtest/gtest.h>

#include <latch>

#include "store/sqlite_store.h"
#include "store/writer.h"
#include "temp_dir.h"

namespace tamas::store::testing {
namespace {

class FaultInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_sqlite_store(dir.file("t.db"));
    ASSERT_TRUE(s.ok());
    tenant = *(*s)->tenants().add(Tenant{0, "a", "A", from_millis(0)});
    auto faulty = std::make_unique<FaultInjectingStore>(open());
    faults = &faulty->faults();
    writer = std::make_unique<StoreWriter>(std::move(faulty));
  }
  std::unique_ptr<Store> open() { return open_sqlite_store(dir.file("t.db")).value(); }

  std::future<Status> add(std::int64_t ms) {
    return writer->submit([this, ms](Store& s) -> Status {
      Interaction i;
      i.tenant = tenant;
      i.arrived_at = from_millis(ms);
      auto id = s.interactions().add(i);
      return id.ok() ? Status{} : Status(id.error());
    });
  }
  std::vector<std::int64_t> stored_arrivals() {
    std::vector<std::int64_t> out;
    std::unique_ptr<Store> store = open();
    auto open_contacts = store->interactions().list_open(tenant);
    EXPECT_TRUE(open_contacts.ok());
    for (const Interaction& i : *open_contacts)
      out.push_back(to_millis(i.arrived_at));
    return out;
  }

  TempDir dir;
  TenantId tenant = 0;
  FaultSwitch* faults = nullptr;
  std::unique_ptr<StoreWriter> writer;
};

TEST_F(FaultInjectionTest, FailedWritesAreReportedAndAcknowledgedOnesSurvive) {
  std::vector<std::int64_t> acknowledged;
  for (int k = 0; k < 5; ++k) {
    if (add(k).get().ok()) acknowledged.push_back(k);
  }
  faults->fail_all_writes(true);
  for (int k = 100; k < 105; ++k) {
    Status s = add(k).get();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::unavailable);
  }
  faults->fail_all_writes(false);
  for (int k = 5; k < 10; ++k) {
    if (add(k).get().ok()) acknowledged.push_back(k);
  }
  writer->stop();
  EXPECT_EQ(acknowledged.size(), 10u);
  EXPECT_EQ(stored_arrivals(), acknowledged) << "only acknowledged contacts, all of them";
}

TEST_F(FaultInjectionTest, FailedCommitFailsEveryOperationOfItsBatch) {
  std::latch running(1), release(1);
  auto first = writer->submit([&](Store&) {
    running.count_down();
    release.wait();
    return Status{};
  });
  running.wait();
  std::vector<std::future<Status>> batch;
  for (int k = 0; k < 5; ++k) batch.push_back(add(k));
  // Writes from now: commit of batch 1, five adds, then the commit of batch 2.
  faults->fail_nth_write(7);
  release.count_down();
  EXPECT_TRUE(first.get().ok());
  for (auto& f : batch) {
    Status s = f.get();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::unavailable);
  }
  EXPECT_TRUE(add(99).get().ok()) << "the fault fired once";
  writer->stop();
  EXPECT_EQ(stored_arrivals(), std::vector<std::int64_t>{99});
}

TEST_F(FaultInjectionTest, NthWriteFailsOnceOutsideTheWriterToo) {
  auto faulty = std::make_unique<FaultInjectingStore>(open());
  faulty->faults().fail_nth_write(2);
  Tenant t{0, "x", "X", from_millis(1)};
  EXPECT_TRUE(faulty->tenants().add(t).ok());
  t.slug = "y";
  EXPECT_EQ(faulty->tenants().add(t).error().code, ErrorCode::unavailable);
  EXPECT_TRUE(faulty->tenants().add(t).ok());
  EXPECT_EQ(faulty->faults().writes_seen(), 3);
  EXPECT_EQ(faulty->faults().writes_failed(), 1);
  EXPECT_TRUE(faulty->tenants().find_by_slug("y").ok()) << "reads are never failed";
}

}  // namespace
}  // namespace tamas::store::testing
