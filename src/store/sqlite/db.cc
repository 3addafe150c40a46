#include "store/sqlite/db.h"

#include <sqlite3.h>

#include <utility>

namespace tamas::store::sqlite {

Query::Query(Query&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      next_(other.next_),
      bind_error_(std::move(other.bind_error_)) {}

Query::~Query() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

static Status check_bind(Db* db, int rc) {
  if (rc == SQLITE_OK) return {};
  return db->error("bind");
}

Query& Query::bind(std::int64_t v) {
  Status s = check_bind(db_, sqlite3_bind_int64(stmt_, next_++, v));
  if (bind_error_.ok()) bind_error_ = s;
  return *this;
}

Query& Query::bind(const std::string& v) {
  Status s = check_bind(db_, sqlite3_bind_text(stmt_, next_++, v.data(), static_cast<int>(v.size()),
                                               SQLITE_TRANSIENT));
  if (bind_error_.ok()) bind_error_ = s;
  return *this;
}

Query& Query::bind(const std::optional<std::int64_t>& v) {
  if (v) return bind(*v);
  Status s = check_bind(db_, sqlite3_bind_null(stmt_, next_++));
  if (bind_error_.ok()) bind_error_ = s;
  return *this;
}

Query& Query::bind(const std::optional<Instant>& v) {
  if (v) return bind(to_millis(*v));
  return bind(std::optional<std::int64_t>{});
}

Result<bool> Query::step() {
  if (!bind_error_.ok()) return bind_error_.error();
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Db::map_error(sqlite3_extended_errcode(sqlite3_db_handle(stmt_)),
                       std::string(sqlite3_errmsg(sqlite3_db_handle(stmt_))));
}

Status Query::run() {
  for (;;) {
    Result<bool> r = step();
    if (!r.ok()) return r.error();
    if (!*r) return {};
  }
}

std::int64_t Query::i64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

double Query::real(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::string Query::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), n);
}

std::optional<std::int64_t> Query::opt_i64(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
  return i64(col);
}

std::optional<Instant> Query::opt_instant(int col) const {
  std::optional<std::int64_t> v = opt_i64(col);
  if (!v) return std::nullopt;
  return from_millis(*v);
}

Result<std::unique_ptr<Db>> Db::open(const std::string& path) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Error::unavailable("open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(raw, 1);
  return std::unique_ptr<Db>(new Db(raw));
}

Db::~Db() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<Query> Db::query(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      return Error::internal("prepare: " + std::string(sqlite3_errmsg(db_)) + " in: " + sql);
    it = cache_.emplace(sql, stmt).first;
  }
  return Query(this, it->second);
}

Status Db::exec(const std::string& sql) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return {};
  std::string text = msg ? msg : sqlite3_errstr(rc);
  sqlite3_free(msg);
  return map_error(sqlite3_extended_errcode(db_), text);
}

std::int64_t Db::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}
int Db::changes() const {
  return sqlite3_changes(db_);
}
bool Db::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

Error Db::error(const std::string& what) const {
  return map_error(sqlite3_extended_errcode(db_), what + ": " + sqlite3_errmsg(db_));
}

Error Db::map_error(int code, const std::string& message) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return {ErrorCode::already_exists, message};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return {ErrorCode::invalid_argument, message};
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return {ErrorCode::unavailable, message};
    case SQLITE_CONSTRAINT:
      return {ErrorCode::invalid_argument, message};
    default:
      return {ErrorCode::internal, message};
  }
}

}  // namespace tamas::store::sqlite
