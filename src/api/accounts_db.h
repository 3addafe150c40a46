// One store connection for accounts (users, sessions, tokens, webhooks),
// shared by the I/O threads behind a mutex. Account reads and writes are
// rare (logins, cache misses, admin screens), so one connection suffices;
// SQLite WAL lets it run beside the store writer's connection.
//
// Threads: with() may be called from any thread; calls are serialised.
// Keep the work inside short (no password hashing inside with()).
#pragma once

#include <memory>
#include <mutex>
#include <utility>

#include "store/store.h"

namespace tamas::api {

class AccountsDb {
 public:
  explicit AccountsDb(std::unique_ptr<store::Store> db) : db_(std::move(db)) {}

  template <typename F>
  auto with(F&& f) {
    std::lock_guard lock(mutex_);
    return f(*db_);
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<store::Store> db_;
};

}  // namespace tamas::api
