// Thin RAII layer over one SQLite connection: cached prepared statements,
// binding, stepping, error mapping. Internal to store/sqlite; keeps sqlite3.h
// out of every header.
//
// Threads: one Db is used by one thread at a time (like Store).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "core/time.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tamas::store::sqlite {

class Db;

// A cached statement in use: bind left to right, step, read columns. On
// destruction the statement is reset and unbound for the next user.
class Query {
 public:
  Query(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Query(Query&& other) noexcept;
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& operator=(Query&&) = delete;
  ~Query();

  Query& bind(std::int64_t v);
  Query& bind(int v) { return bind(static_cast<std::int64_t>(v)); }
  Query& bind(bool v) { return bind(static_cast<std::int64_t>(v ? 1 : 0)); }
  Query& bind(Instant t) { return bind(to_millis(t)); }
  Query& bind(const std::string& v);
  Query& bind(const char* v) { return bind(std::string(v)); }
  Query& bind(const std::optional<std::int64_t>& v);
  Query& bind(const std::optional<Instant>& v);

  // true: a row is ready to read; false: the statement is done.
  Result<bool> step();
  // Steps to the end, ignoring rows.
  Status run();

  std::int64_t i64(int col) const;
  bool boolean(int col) const { return i64(col) != 0; }
  Instant instant(int col) const { return from_millis(i64(col)); }
  double real(int col) const;
  std::string text(int col) const;
  std::optional<std::int64_t> opt_i64(int col) const;
  std::optional<Instant> opt_instant(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
  int next_ = 1;
  Status bind_error_;
};

class Db {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" works.
  static Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Prepared on first use, then reused. `sql` must be a string literal (its
  // address is the cache key).
  Result<Query> query(const char* sql);
  // Runs one or more statements without caching (DDL, pragmas).
  Status exec(const std::string& sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  bool in_transaction() const;

  // The connection's last error as an Error, prefixed with `what`.
  Error error(const std::string& what) const;
  static Error map_error(int extended_code, const std::string& message);

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

}  // namespace tamas::store::sqlite
