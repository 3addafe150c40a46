// WalCheckpointer: copies the SQLite write-ahead log into the database file
// on its own thread and connection, so that no commit pays for a checkpoint.
//
// Connections opened with SqliteOptions::auto_checkpoint = false never
// checkpoint themselves (SQLite's default makes the commit that pushes the
// WAL past 1000 pages copy and sync the whole log, a stall of tens of
// milliseconds for every contact waiting on that commit). This class runs a
// PASSIVE checkpoint every `interval`: it never waits for writers or readers
// and copies what it can; the next writer then restarts the log from the
// top, so the WAL stays about one interval of writes long.
//
// Threads: start() spawns the thread; checkpoint_now() and stop() are safe
// from any thread. stop() (and the destructor) makes a last pass and joins.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"

namespace tamas::store {

class WalCheckpointer {
 public:
  struct Options {
    std::chrono::milliseconds interval{200};
  };
  // Frames in the log and frames now in the database file after one pass.
  struct Pass {
    int log_frames = 0;
    int checkpointed = 0;
  };

  // Opens its own connection to the database at `path` (which must exist
  // and be in WAL mode) and starts the thread.
  static Result<std::unique_ptr<WalCheckpointer>> start(const std::string& path, Options options);
  static Result<std::unique_ptr<WalCheckpointer>> start(const std::string& path) {
    return start(path, Options{});
  }
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // One PASSIVE pass now, on the caller's thread.
  Result<Pass> checkpoint_now();
  void stop();

 private:
  struct Connection;
  WalCheckpointer(std::unique_ptr<Connection> db, Options options);
  void run();

  std::unique_ptr<Connection> db_;
  Options options_;
  std::mutex mutex_;  // guards db_ use and stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
  std::once_flag joined_;
};

}  // namespace tamas::store
