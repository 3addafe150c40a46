#include "store/writer.h"

#include <utility>

namespace tamas::store {

StoreWriter::StoreWriter(std::unique_ptr<Store> store, WriterOptions options)
    : options_(options), store_(std::move(store)) {
  assert(options_.max_batch > 0);
  thread_ = std::thread([this] { run(); });
}

StoreWriter::~StoreWriter() {
  stop();
}

void StoreWriter::submit(Op op, Done done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_) {
      queue_.push_back(Item{std::move(op), std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  done(Error::unavailable("store writer is stopped"));
}

std::future<Status> StoreWriter::submit(Op op) {
  auto promise = std::make_shared<std::promise<Status>>();
  std::future<Status> result = promise->get_future();
  submit(std::move(op), [promise](const Status& s) { promise->set_value(s); });
  return result;
}

void StoreWriter::flush() {
  submit([](Store&) { return Status{}; }).wait();
}

void StoreWriter::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

StoreWriter::Stats StoreWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void StoreWriter::run() {
  std::vector<Item> batch;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_batch(batch);
    batch.clear();
  }
}

void StoreWriter::commit_batch(std::vector<Item>& batch) {
  std::vector<Status> results(batch.size());
  Status begun = store_->begin();
  if (begun.ok()) {
    for (std::size_t k = 0; k < batch.size(); ++k)
      results[k] = store_->atomically([&] { return batch[k].op(*store_); });
    Status committed = store_->commit();
    if (!committed.ok()) {
      for (Status& r : results)
        if (r.ok()) r = committed;
    }
  } else {
    for (Status& r : results) r = begun;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    stats_.batches += 1;
    stats_.ops += batch.size();
  }
  for (std::size_t k = 0; k < batch.size(); ++k)
    if (batch[k].done) batch[k].done(results[k]);
}

}  // namespace tamas::store
