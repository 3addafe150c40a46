// StoreWriter: group commit, acknowledgement only after commit, draining.
#include "store/writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>

#include "store/fault_injection.h"
#include "store/sqlite_store.h"
#include "temp_dir.h"

namespace tamas::store::testing {
namespace {

Interaction contact(TenantId t, std::int64_t ms) {
  Interaction i;
  i.tenant = t;
  i.channel = "webform";
  i.type = "inquiry";
  i.state = InteractionState::queued;
  i.arrived_at = from_millis(ms);
  return i;
}

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_sqlite_store(path());
    ASSERT_TRUE(s.ok());
    tenant = *(*s)->tenants().add(Tenant{0, "a", "A", from_millis(0)});
  }
  std::string path() const { return dir.file("tamas.db"); }
  std::unique_ptr<Store> open() { return open_sqlite_store(path()).value(); }

  // An operation that adds a contact and reports its id through `out`.
  StoreWriter::Op add_contact(std::int64_t ms, std::atomic<RowId>* out = nullptr) {
    return [this, ms, out](Store& s) -> Status {
      auto id = s.interactions().add(contact(tenant, ms));
      if (!id.ok()) return id.error();
      if (out) out->store(*id);
      return {};
    };
  }

  TempDir dir;
  TenantId tenant = 0;
};

TEST_F(WriterTest, ContactIsVisibleToAnotherConnectionWhenAcknowledged) {
  std::unique_ptr<Store> reader = open();  // used only inside the completion
  StoreWriter writer(open());
  std::atomic<RowId> id{0};
  std::promise<bool> seen;
  writer.submit(add_contact(42, &id), [&](const Status& s) {
    EXPECT_TRUE(s.ok());
    seen.set_value(reader->interactions().get(tenant, id.load()).ok());
  });
  EXPECT_TRUE(seen.get_future().get()) << "acknowledged before it was committed";
}

TEST_F(WriterTest, SubmitForHandsBackTheAssignedIdAfterCommit) {
  StoreWriter writer(open());
  std::future<Result<RowId>> id = writer.submit_for<RowId>(
      [this](Store& s) { return s.interactions().add(contact(tenant, 7)); });
  Result<RowId> got = id.get();
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(open()->interactions().get(tenant, *got)->arrived_at, from_millis(7));
  std::future<Result<RowId>> bad = writer.submit_for<RowId>(
      [this](Store& s) { return s.interactions().add(contact(tenant + 99, 7)); });
  EXPECT_EQ(bad.get().error().code, ErrorCode::invalid_argument) << "unknown tenant";
}

TEST_F(WriterTest, WorkArrivingDuringACommitSharesTheNextTransaction) {
  StoreWriter writer(open());
  std::latch running(1), release(1);
  auto first = writer.submit([&](Store&) {
    running.count_down();
    release.wait();
    return Status{};
  });
  running.wait();
  std::vector<std::future<Status>> rest;
  for (int k = 0; k < 99; ++k) rest.push_back(writer.submit(add_contact(k)));
  release.count_down();
  for (auto& f : rest) EXPECT_TRUE(f.get().ok());
  EXPECT_TRUE(first.get().ok());
  EXPECT_EQ(writer.stats().batches, 2u) << "99 waiting contacts, one transaction";
  EXPECT_EQ(writer.stats().ops, 100u);
}

TEST_F(WriterTest, BatchesAreCappedAtMaxBatch) {
  StoreWriter writer(open(), WriterOptions{.max_batch = 10});
  std::latch running(1), release(1);
  writer.submit(
      [&](Store&) {
        running.count_down();
        release.wait();
        return Status{};
      },
      nullptr);
  running.wait();
  for (int k = 0; k < 94; ++k) writer.submit(add_contact(k), nullptr);
  auto last = writer.submit(add_contact(94));
  release.count_down();
  EXPECT_TRUE(last.get().ok());
  EXPECT_EQ(writer.stats().batches, 1u + 10u) << "the blocker, then 95 contacts in tens";
}

TEST_F(WriterTest, FailingOperationIsReportedAndItsNeighboursAreCommitted) {
  StoreWriter writer(open());
  std::latch running(1), release(1);
  writer.submit(
      [&](Store&) {
        running.count_down();
        release.wait();
        return Status{};
      },
      nullptr);
  running.wait();
  auto good1 = writer.submit(add_contact(1));
  auto bad = writer.submit([this](Store& s) -> Status {
    Interaction i = contact(tenant, 2);
    i.fields_json = "not json";
    auto id = s.interactions().add(i);
    return id.ok() ? Status{} : Status(id.error());
  });
  auto good2 = writer.submit(add_contact(3));
  release.count_down();
  EXPECT_TRUE(good1.get().ok());
  Status b = bad.get();
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, ErrorCode::invalid_argument);
  EXPECT_TRUE(good2.get().ok());
  writer.stop();
  EXPECT_EQ(open()->interactions().list_open(tenant)->size(), 2u);
}

TEST_F(WriterTest, StopDrainsEverythingAlreadySubmitted) {
  std::atomic<int> acked{0};
  {
    StoreWriter writer(open());
    for (int k = 0; k < 500; ++k)
      writer.submit(add_contact(k), [&](const Status& s) { acked += s.ok() ? 1 : 0; });
    writer.stop();
    EXPECT_EQ(acked.load(), 500);
    Status late = writer.submit(add_contact(1)).get();
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, ErrorCode::unavailable);
  }
  EXPECT_EQ(open()->interactions().list_open(tenant)->size(), 500u);
}

}  // namespace
}  // namespace tamas::store::testing
