#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/sqlite/db.h"
#include "store/sqlite/migrate.h"
#include "store/sqlite_store.h"
#include "temp_dir.h"

namespace tamas::store::testing {
namespace {

int count_rows(const std::string& path, const char* sql) {
  auto db = sqlite::Db::open(path);
  EXPECT_TRUE(db.ok());
  auto q = (*db)->query(sql);
  EXPECT_TRUE(q.ok()) << q.error().message;
  EXPECT_TRUE(*q->step());
  return static_cast<int>(q->i64(0));
}

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  const auto& all = embedded_migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t k = 0; k < all.size(); ++k) EXPECT_EQ(all[k].version, static_cast<int>(k + 1));
  EXPECT_EQ(latest_schema_version(), all.back().version);
}

TEST(Migrations, FreshDatabaseGetsEveryMigrationOnceAndReopenIsANoOp) {
  TempDir dir;
  const std::string path = dir.file("t.db");
  ASSERT_TRUE(open_sqlite_store(path).ok());
  EXPECT_EQ(*read_schema_version(path), latest_schema_version());
  const int applied = count_rows(path, "SELECT count(*) FROM schema_migrations");
  EXPECT_EQ(applied, static_cast<int>(embedded_migrations().size()));
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->tenants().add(Tenant{0, "kept", "Kept", from_millis(1)}).ok());
  }
  auto again = open_sqlite_store(path);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(count_rows(path, "SELECT count(*) FROM schema_migrations"), applied);
  EXPECT_TRUE((*again)->tenants().find_by_slug("kept").ok()) << "reopen keeps data";
}

TEST(Migrations, DatabaseFromANewerBinaryIsRefusedWithAClearError) {
  TempDir dir;
  const std::string path = dir.file("t.db");
  ASSERT_TRUE(open_sqlite_store(path).ok());
  {
    auto db = sqlite::Db::open(path);
    ASSERT_TRUE((*db)->exec("INSERT INTO schema_migrations VALUES (999, '0999_future.sql')").ok());
  }
  auto refused = open_sqlite_store(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_NE(refused.error().message.find("newer than this tamas binary"), std::string::npos)
      << refused.error().message;
}

TEST(Migrations, AFailingMigrationLeavesTheDatabaseUntouched) {
  TempDir dir;
  auto db = sqlite::Db::open(dir.file("t.db"));
  ASSERT_TRUE(db.ok());
  std::vector<Migration> broken = {{1, "0001_ok.sql", "CREATE TABLE a (tenant_id INTEGER);"},
                                   {2, "0002_bad.sql", "CREATE TABLE oops ("}};
  Status s = sqlite::migrate(**db, broken);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("0002_bad.sql"), std::string::npos);
  EXPECT_EQ(*sqlite::schema_version(**db), 0) << "all pending migrations roll back together";
}

TEST(Sqlite, OpensInWalModeWithForeignKeysAndHasFts5) {
  TempDir dir;
  ASSERT_TRUE(open_sqlite_store(dir.file("t.db")).ok());
  auto db = sqlite::Db::open(dir.file("t.db"));
  auto q = (*db)->query("PRAGMA journal_mode");
  ASSERT_TRUE(*q->step());
  EXPECT_EQ(q->text(0), "wal") << "WAL is persistent once set";
  EXPECT_TRUE(sqlite_has_fts5()) << "full-text search (later issues) needs FTS5";
}

TEST(InteractionIds, AreShownAsIDashSixDigitsAndParsedBack) {
  EXPECT_EQ(format_interaction_id(123), "I-000123");
  EXPECT_EQ(format_interaction_id(12345678), "I-12345678");
  EXPECT_EQ(*parse_interaction_id("I-000123"), 123);
  EXPECT_FALSE(parse_interaction_id("X-1").ok());
  EXPECT_FALSE(parse_interaction_id("I-12a").ok());
  EXPECT_FALSE(parse_interaction_id("I-0").ok());
}

}  // namespace
}  // namespace tamas::store::testing
