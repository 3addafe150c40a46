// The WAL checkpointer takes checkpoints off the commit path (R-durability:
// a contact is acknowledged after commit; commits must not stall).
#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/sqlite_store.h"
#include "temp_dir.h"

namespace tamas::store {
namespace {

std::uintmax_t wal_size(const std::string& db) {
  std::error_code ec;
  auto n = std::filesystem::file_size(db + "-wal", ec);
  return ec ? 0 : n;
}

Status add_tenants(Store& s, int from, int count) {
  if (auto st = s.begin(); !st.ok()) return st;
  for (int i = from; i < from + count; ++i) {
    auto id = s.tenants().add(Tenant{0, "org-" + std::to_string(i), std::string(2000, 'x'),
                                     from_millis(1'700'000'000'000)});
    if (!id) return id.error();
  }
  return s.commit();
}

TEST(WalCheckpointer, CommitsLeaveTheLogToItAndItCopiesEveryFrame) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/t.db";
  SqliteOptions quiet;
  quiet.auto_checkpoint = false;
  auto store = open_sqlite_store(path, quiet);
  ASSERT_TRUE(store.ok()) << store.error().message;
  // Far past SQLite's own 1000-page threshold: without auto-checkpoint the
  // log only grows.
  for (int batch = 0; batch < 40; ++batch) ASSERT_TRUE(add_tenants(**store, batch * 100, 100).ok());
  const auto grown = wal_size(path);
  EXPECT_GT(grown, 1000u * 4096u);

  WalCheckpointer::Options slow;
  slow.interval = std::chrono::hours(1);  // only the explicit pass below
  auto checkpointer = WalCheckpointer::start(path, slow);
  ASSERT_TRUE(checkpointer.ok()) << checkpointer.error().message;
  auto pass = (*checkpointer)->checkpoint_now();
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_GT(pass->log_frames, 1000);
  EXPECT_EQ(pass->checkpointed, pass->log_frames);

  // The next commit restarts the log from its start: it stops growing.
  ASSERT_TRUE(add_tenants(**store, 10'000, 1).ok());
  EXPECT_EQ(wal_size(path), grown);
  auto again = (*checkpointer)->checkpoint_now();
  ASSERT_TRUE(again.ok());
  EXPECT_LT(again->log_frames, 10);

  // Everything is readable from a fresh connection.
  auto reader = open_sqlite_store(path);
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE((*reader)->tenants().find_by_slug("org-3999").ok());
  EXPECT_TRUE((*reader)->tenants().find_by_slug("org-10000").ok());
}

TEST(WalCheckpointer, RefusesADatabaseThatCannotBeOpened) {
  auto c = WalCheckpointer::start("/nonexistent-dir/none.db");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("/nonexistent-dir/none.db"), std::string::npos);

  testing::TempDir dir;  // a database in rollback-journal mode has no log to copy
  const std::string plain = dir.file("plain.db");
  { std::ofstream create(plain); }
  auto rollback = WalCheckpointer::start(plain);
  ASSERT_FALSE(rollback.ok());
  EXPECT_NE(rollback.error().message.find("not in WAL mode"), std::string::npos);
}

}  // namespace
}  // namespace tamas::store
