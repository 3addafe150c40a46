// The engine thread: owns the routing engine, applies commands posted from
// any thread in arrival order, drives its timers with a Clock, and hands the
// resulting events to subscribers, and pushes coalesced statistics
// (stats_update.h) to stats subscribers.
//
// Threads: post()/inspect() are thread-safe. Subscribers and completion
// callbacks run on the engine thread, one at a time, and must be quick (copy
// what they need and hand it to their own thread). Nothing else touches the
// engine.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "engine/engine.h"
#include "services/switchboard/stats_update.h"

namespace tamas::services {

// An engine event with its refs resolved to ids (valid after the apply).
struct ResolvedEvent {
  engine::Event event;
  std::string contact, agent, queue, queue2, reason;
};

class Switchboard {
 public:
  using Done = std::function<void(const Status&, const std::vector<ResolvedEvent>&)>;
  using Subscriber = std::function<void(const ResolvedEvent&)>;
  // Called on the engine thread before each command is applied, e.g. to
  // log it for replay. `now` is the instant it is applied at. Timer ticks
  // are not reported: the engine fires timers at their own due instants, so
  // replaying the commands alone reproduces them.
  using CommandObserver = std::function<void(const engine::Command&, Instant now)>;

  using StatsSubscriber = std::function<void(const StatsUpdate&)>;

  struct Options {
    Duration tick = std::chrono::milliseconds(50);  // timer resolution
    // Statistics go to stats subscribers at most once per interval (of the
    // Clock's time), only when something changed; the first update comes no
    // earlier than one interval after start().
    Duration stats_interval = std::chrono::milliseconds(500);
  };

  Switchboard(std::unique_ptr<engine::Engine> engine, const Clock& clock, Options options);
  Switchboard(std::unique_ptr<engine::Engine> engine, const Clock& clock)
      : Switchboard(std::move(engine), clock, Options{}) {}
  ~Switchboard();  // stops

  // REQUIRES: not started. Subscribers are fixed before start().
  void subscribe(Subscriber s);
  // Coalesced statistics of what changed (see stats_update.h). Checked
  // whenever the engine thread wakes (posted work, each tick): when the
  // Clock has reached the previous update + stats_interval and the engine
  // marked changes, the engine is advanced to now (timer events go to the
  // event subscribers first) and one StatsUpdate is delivered.
  void subscribe_stats(StatsSubscriber s);
  void observe_commands(CommandObserver o);
  // Called on the engine thread once per tick (before timers fire), e.g. to
  // post queue open/close commands; may return commands to apply now.
  void on_tick(std::function<std::vector<engine::Command>(Instant now)> fn);

  void start();
  // Applies what is already posted, then stops the thread.
  void stop();

  void post(engine::Command command, Done done = {});
  // Runs `fn` on the engine thread with read access, and waits for it.
  void inspect(const std::function<void(const engine::Engine&)>& fn);

 private:
  struct Job {
    std::function<void()> run;
  };
  void loop();
  void apply(const engine::Command& cmd, const Done& done);
  void publish(const engine::ApplyResult& r, std::vector<ResolvedEvent>* collect);
  void enqueue(std::function<void()> fn);
  void maybe_publish_stats();

  std::unique_ptr<engine::Engine> engine_;
  const Clock& clock_;
  Options options_;
  std::vector<Subscriber> subscribers_;
  std::vector<StatsSubscriber> stats_subscribers_;
  Instant next_stats_{};  // engine thread only
  std::vector<CommandObserver> observers_;
  std::function<std::vector<engine::Command>(Instant)> tick_fn_;
  Instant last_now_{};

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;  // guarded by mutex_
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace tamas::services
