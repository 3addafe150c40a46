// StoreWriter: the one thread that writes to the store, with group commit.
//
// Any thread submits write operations. The writer thread takes whatever has
// accumulated (at most max_batch), runs every operation inside ONE
// transaction (each in its own savepoint, so a failing operation is undone
// without spoiling its neighbours), commits once, and only then calls each
// operation's completion with its status. So a contact is acknowledged only
// after it is durable, and thousands of contacts share one commit (one WAL
// sync) instead of paying one each. While a batch commits, the next one
// accumulates.
//
// Completion status: the operation's own error if it failed; the commit's
// error (every operation of the batch) if the commit failed; ok otherwise.
// An ok completion means committed; an error means nothing of that
// operation is stored.
//
// Threads and ownership:
// - The writer owns its Store; only the writer thread touches it after
//   construction. Readers open their own Store on the same database.
// - submit()/flush()/stop() are safe from any thread.
// - Operations and completions run on the writer thread, in submission
//   order. They must be quick, must not call flush() or stop() (deadlock),
//   and may submit() more work. Operations use the Store's repositories and
//   atomically(), never begin()/commit()/rollback() (the writer owns the
//   transaction).
// - stop() (and the destructor) stops taking work, drains and commits
//   everything already submitted, calls its completions, and joins.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/store.h"

namespace tamas::store {

struct WriterOptions {
  std::size_t max_batch = 1000;  // operations per transaction, at most
};

class StoreWriter {
 public:
  using Op = std::function<Status(Store&)>;
  using Done = std::function<void(const Status&)>;

  explicit StoreWriter(std::unique_ptr<Store> store, WriterOptions options = {});
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // Queues `op`; `done` runs once it is committed or failed. After stop(),
  // `done` runs at once on the caller's thread with ErrorCode::unavailable.
  void submit(Op op, Done done);
  // As above; the future becomes ready after commit.
  std::future<Status> submit(Op op);

  // For operations that produce a value (an assigned id, a seq): the future
  // holds op's value once committed, or the error.
  template <typename T>
  std::future<Result<T>> submit_for(std::function<Result<T>(Store&)> op);

  // Returns once everything submitted before the call has completed.
  void flush();
  // Drains, commits, completes and joins. Idempotent.
  void stop();

  struct Stats {
    std::uint64_t batches = 0;  // transactions attempted
    std::uint64_t ops = 0;      // operations completed
  };
  Stats stats() const;

 private:
  struct Item {
    Op op;
    Done done;
  };
  void run();
  void commit_batch(std::vector<Item>& batch);

  const WriterOptions options_;
  std::unique_ptr<Store> store_;  // writer thread only

  mutable std::mutex mu_;
  std::condition_variable wake_;  // signalled on submit and stop
  std::deque<Item> queue_;        // guarded by mu_
  bool stopping_ = false;         // guarded by mu_
  Stats stats_;                   // guarded by mu_

  std::thread thread_;  // started last, joined by stop()
};

template <typename T>
std::future<Result<T>> StoreWriter::submit_for(std::function<Result<T>(Store&)> op) {
  auto value = std::make_shared<std::optional<Result<T>>>();
  auto promise = std::make_shared<std::promise<Result<T>>>();
  std::future<Result<T>> result = promise->get_future();
  submit(
      [op = std::move(op), value](Store& s) -> Status {
        value->emplace(op(s));
        return value->value().ok() ? Status{} : Status(value->value().error());
      },
      [value, promise](const Status& s) {
        if (s.ok()) {
          promise->set_value(std::move(value->value()));
        } else {
          promise->set_value(s.error());
        }
      });
  return result;
}

}  // namespace tamas::store
