#include "dataset.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "services/kb/knowledge_base.h"
#include "store/sqlite_store.h"

namespace tamas::bench {
namespace {

// Customers and interactions in bulk, inside SQLite (recursive CTEs), far
// faster than a million repository calls; same tables and indexes.
const char* const kBulkSql = R"sql(
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
BEGIN;
INSERT INTO tenants (tenant_id, slug, name, created_at) VALUES (1, 'bench', 'Bench', 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO customers (id, tenant_id, first_name, last_name, province, city, segment,
                       attributes_json, created_at)
SELECT i, 1, 'name' || i, 'family', 'tehran', 'tehran', 'provinces', '{}', 1600000000000 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO customer_contacts (tenant_id, customer_id, kind, value, position)
SELECT 1, i, 'phone', printf('+98912%07d', i), 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000)
INSERT INTO interactions (tenant_id, channel, type, entry_point, customer_id, queue, state,
                          priority, arrived_at, disposition, notes, fields_json)
SELECT 1, CASE i % 4 WHEN 0 THEN 'voice' WHEN 1 THEN 'chat' WHEN 2 THEN 'email' ELSE 'webform' END,
       'sales_inquiry', 'hotline',
       CASE WHEN i <= 4000000 THEN (i % 1000000) + 1 ELSE (i % 1000) + 1 END,
       'sales', 'closed', 0, 1600000000000 + i * 6000, 'done', '', '{}' FROM n;
COMMIT;
PRAGMA synchronous = NORMAL;
)sql";

std::vector<std::string> make_vocabulary() {
  const char* roots[] = {"گارانتی",
                         "خودرو",
                         "سرویس",
                         "تعویض",
                         "روغن",
                         "ترمز",
                         "موتور",
                         "قطعه",
                         "نمایندگی",
                         "تحویل",
                         "قیمت",
                         "فروش",
                         "اقساط",
                         "بیمه",
                         "امداد",
                         "لاستیک",
                         "باتری",
                         "گیربکس",
                         "کولر",
                         "رنگ",
                         "بدنه",
                         "شاسی",
                         "مدارک",
                         "پلاک",
                         "ثبت‌نام",
                         "پیش‌فروش",
                         "شکایت",
                         "پیگیری",
                         "زمان",
                         "هزینه"};
  const char* suffixes[] = {"", "ها", "ی", "های", "ش", "تان", "دار", "گاه"};
  std::vector<std::string> words;
  for (const char* r : roots)
    for (const char* s : suffixes) words.push_back(std::string(r) + s);
  for (int i = 0; i < 160; ++i) words.push_back("term" + std::to_string(i));
  return words;  // 400 words
}

void add_articles(Dataset& d) {
  services::kb::KnowledgeBase kb(*d.store, d.tenant);
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::size_t> pick(0, d.vocabulary.size() - 1);
  auto words = [&](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + d.vocabulary[pick(rng)];
    return out;
  };
  if (!d.store->begin().ok()) std::abort();
  for (int i = 0; i < kArticles; ++i) {
    store::Article a;
    a.title = words(5);
    a.body = words(120);
    a.visibility = i % 3 == 0 ? "public" : "agents";
    a.category = "general";
    if (!kb.add(a, 1, from_millis(1)).ok()) std::abort();
  }
  if (!d.store->commit().ok()) std::abort();
}

}  // namespace

Dataset& dataset() {
  static Dataset* d = [] {
    auto* out = new Dataset;
    const auto start = std::chrono::steady_clock::now();
    out->path = (std::filesystem::temp_directory_path() /
                 ("tamas-crm-bench-" + std::to_string(::getpid()) + ".db"))
                    .string();
    std::filesystem::remove(out->path);
    std::atexit([] {
      std::filesystem::remove(dataset().path);
      std::filesystem::remove(dataset().path + "-wal");
      std::filesystem::remove(dataset().path + "-shm");
    });
    {
      auto migrate = store::open_sqlite_store(out->path);
      if (!migrate.ok()) std::abort();
    }
    sqlite3* raw = nullptr;
    char* err = nullptr;
    if (sqlite3_open(out->path.c_str(), &raw) != SQLITE_OK ||
        sqlite3_exec(raw, kBulkSql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::fprintf(stderr, "bulk load failed: %s\n", err ? err : sqlite3_errmsg(raw));
      std::abort();
    }
    sqlite3_close(raw);
    auto s = store::open_sqlite_store(out->path);
    if (!s.ok()) std::abort();
    out->store = std::move(*s);
    out->vocabulary = make_vocabulary();
    add_articles(*out);
    out->seconds_to_generate =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "data set generated in %.1f s: %s\n", out->seconds_to_generate,
                 out->path.c_str());
    return out;
  }();
  return *d;
}

}  // namespace tamas::bench
