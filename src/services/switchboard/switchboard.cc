#include "services/switchboard/switchboard.h"

#include <future>

namespace tamas::services {

Switchboard::Switchboard(std::unique_ptr<engine::Engine> engine, const Clock& clock, Options options)
    : engine_(std::move(engine)), clock_(clock), options_(options) {}

Switchboard::~Switchboard() { stop(); }

void Switchboard::subscribe(Subscriber s) { subscribers_.push_back(std::move(s)); }
void Switchboard::subscribe_stats(StatsSubscriber s) { stats_subscribers_.push_back(std::move(s)); }
void Switchboard::observe_commands(CommandObserver o) { observers_.push_back(std::move(o)); }
void Switchboard::on_tick(std::function<std::vector<engine::Command>(Instant)> fn) {
  tick_fn_ = std::move(fn);
}

void Switchboard::start() {
  if (thread_.joinable()) return;
  next_stats_ = clock_.now() + options_.stats_interval;
  thread_ = std::thread([this] { loop(); });
}

void Switchboard::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Switchboard::enqueue(std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Job{std::move(fn)});
  }
  wake_.notify_one();
}

void Switchboard::post(engine::Command command, Done done) {
  enqueue([this, command = std::move(command), done = std::move(done)] { apply(command, done); });
}

void Switchboard::inspect(const std::function<void(const engine::Engine&)>& fn) {
  if (!thread_.joinable()) {
    fn(*engine_);  // not running: the caller's thread is the only one
    return;
  }
  std::promise<void> finished;
  enqueue([&] {
    fn(*engine_);
    finished.set_value();
  });
  finished.get_future().wait();
}

// Time handed to the engine never goes backwards, even if the wall clock does.
static Instant monotonic(Instant now, Instant& last) {
  if (now < last) now = last;
  last = now;
  return now;
}

void Switchboard::apply(const engine::Command& cmd, const Done& done) {
  const Instant now = monotonic(clock_.now(), last_now_);
  for (const auto& o : observers_) o(cmd, now);
  const auto result = engine_->apply(cmd, now);
  std::vector<ResolvedEvent> collected;
  publish(result, done ? &collected : nullptr);
  if (done) done(result.status, collected);
}

void Switchboard::publish(const engine::ApplyResult& r, std::vector<ResolvedEvent>* collect) {
  for (const auto& e : r.events) {
    ResolvedEvent re{e, {}, {}, {}, {}, {}};
    if (e.contact != engine::kNoRef) re.contact = engine_->contact_id(e.contact);
    if (e.agent != engine::kNoRef) re.agent = engine_->agent_id(e.agent);
    if (e.queue != engine::kNoRef) re.queue = engine_->queue_id(e.queue);
    if (e.queue2 != engine::kNoRef) re.queue2 = engine_->queue_id(e.queue2);
    if (e.reason != engine::kNoRef) re.reason = engine_->reason_name(e.reason);
    for (const auto& s : subscribers_) s(re);
    if (collect) collect->push_back(std::move(re));
  }
}

void Switchboard::maybe_publish_stats() {
  if (stats_subscribers_.empty()) return;
  const Instant now = monotonic(clock_.now(), last_now_);
  if (now < next_stats_) return;
  publish(engine_->advance_to(now), nullptr);
  const engine::StatsChanges changes = engine_->take_stats_changes();
  if (changes.empty()) return;
  const StatsUpdate update = collect_stats(*engine_, changes);
  next_stats_ = now + options_.stats_interval;
  for (const auto& s : stats_subscribers_) s(update);
}

void Switchboard::loop() {
  auto next_tick = std::chrono::steady_clock::now();
  for (;;) {
    std::deque<Job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_until(lock, next_tick, [&] { return stopping_ || !jobs_.empty(); });
      batch.swap(jobs_);
      if (batch.empty() && stopping_) return;
    }
    // Before the batch: an update reflects the engine as of the Clock's now,
    // before work posted after that instant.
    maybe_publish_stats();
    for (auto& job : batch) job.run();
    if (std::chrono::steady_clock::now() >= next_tick) {
      next_tick = std::chrono::steady_clock::now() + options_.tick;
      const Instant now = monotonic(clock_.now(), last_now_);
      if (tick_fn_)
        for (const auto& cmd : tick_fn_(now)) apply(cmd, {});
      publish(engine_->advance_to(now), nullptr);
      maybe_publish_stats();
    }
  }
}

}  // namespace tamas::services
