// Run: what the simulator records as the engine answers, and the result.
#include <algorithm>

#include "services/sim/run.h"

namespace tamas::services::sim::detail {

using engine::Ref;

namespace {
constexpr std::uint32_t kNone = 0xffffffffu;
}  // namespace

void Run::on_answered(const engine::Event& e) {
  const std::uint32_t n = by_ref_[e.contact];
  SimContact& c = contacts_[n];
  c.phase = ContactPhase::answered;
  c.held = true;
  c.agent = e.agent;
  calendar_.push(now_ + c.handle_ms, EventType::service_end, n);
  const Traffic& t = config_.traffic[c.traffic];
  credit_busy(e.agent, now_, now_ + c.handle_ms + t.wrapup.count());
  if (!c.counted) return;
  const std::int64_t wait = now_ - c.arrived;
  const bool known = e.queue < per_queue_.size();
  const bool in_target = wait <= (known ? threshold_ms_[e.queue] : config_.sl_threshold.count());
  QueueResult scratch;
  for (QueueResult* q : {&per_stream_[c.traffic], &per_interval_[c.interval],
                         known ? &per_queue_[e.queue] : &scratch}) {
    ++q->answered;
    q->wait_sum_ms += static_cast<double>(wait);
    if (in_target) ++q->answered_in_target;
  }
}

void Run::on_completed(const engine::Event& e) {
  const std::uint32_t n = by_ref_[e.contact];
  SimContact& c = contacts_[n];
  const bool answered = c.phase == ContactPhase::answered;
  c.phase = ContactPhase::done;
  if (!answered) release(n);
  if (!c.counted || answered) return;
  const auto outcome = static_cast<engine::Outcome>(e.code);
  QueueResult scratch;
  for (QueueResult* q : {&per_stream_[c.traffic], &per_interval_[c.interval],
                         e.queue < per_queue_.size() ? &per_queue_[e.queue] : &scratch}) {
    if (outcome == engine::Outcome::abandoned) {
      ++q->abandoned;
    } else {
      ++q->unserved;
    }
  }
}

// Busy time (handling and wrap-up) inside the measured window.
void Run::credit_busy(Ref agent, std::int64_t from, std::int64_t to) {
  const std::int64_t begin = std::max(from, warmup_), end = std::min(to, length_);
  if (end > begin) agent_busy_ms_[agent_index_[agent]] += static_cast<double>(end - begin);
}

Result<RunResult> Run::go() {
  if (Status s = start(); !s.ok()) return s.error();
  // Two calendars merged by time; on a tie the other events go first.
  while (!calendar_.empty() || !arrivals_.empty()) {
    const bool arrival =
        calendar_.empty() || (!arrivals_.empty() && arrivals_.top().at() < calendar_.top().at());
    const CalendarEntry e = arrival ? arrivals_.pop() : calendar_.pop();
    now_ = e.at();
    ++events_;
    if (Status s = step(e); !s.ok()) return s.error();
    schedule_wake();
  }
  return finish();
}

namespace {
void add(QueueResult& into, const QueueResult& q) {
  into.offered += q.offered;
  into.answered += q.answered;
  into.abandoned += q.abandoned;
  into.unserved += q.unserved;
  into.answered_in_target += q.answered_in_target;
  into.wait_sum_ms += q.wait_sum_ms;
}
void rates(QueueResult& q) {
  if (q.offered) {
    q.service_level = double(q.answered_in_target) / double(q.offered);
    q.abandon_rate = double(q.abandoned) / double(q.offered);
  }
  if (q.answered) q.asa_s = q.wait_sum_ms / double(q.answered) / 1000.0;
}

// Logged-in time of an agent inside [warmup, length).
double on_duty_ms(const SimConfig& c, std::size_t i) {
  const std::int64_t w = c.warmup.count(), l = c.length.count();
  if (i >= c.shifts.size() || c.shifts[i].empty())
    return static_cast<double>(std::max<std::int64_t>(0, l - w));
  double sum = 0;
  for (const Shift& s : c.shifts[i]) {
    const std::int64_t b = std::max(s.start.count(), w), e = std::min(s.end.count(), l);
    if (e > b) sum += static_cast<double>(e - b);
  }
  return sum;
}
}  // namespace

RunResult Run::finish() {
  RunResult out;
  out.total.queue = "*";
  for (std::size_t s = 0; s < per_stream_.size(); ++s) {
    QueueResult& q = per_stream_[s];
    const Traffic& t = config_.traffic[s];
    q.queue = !t.label.empty() ? t.label : !t.queue.empty() ? t.queue : t.type;
    rates(q);
    add(out.total, q);
  }
  rates(out.total);
  for (std::size_t i = 0; i < per_interval_.size(); ++i) {
    per_interval_[i].queue = std::to_string(i);
    rates(per_interval_[i]);
  }
  out.by_queue.resize(config_.routing.queues.size());
  for (std::size_t r = 0; r < per_queue_.size(); ++r) {
    if (queue_index_[r] == kNone) continue;
    QueueResult& q = out.by_queue[queue_index_[r]];
    q = per_queue_[r];
    q.queue = config_.routing.queues[queue_index_[r]].id;
    rates(q);
  }
  double busy = 0, duty = 0;
  for (std::size_t i = 0; i < config_.agents.size(); ++i) {
    const double d = on_duty_ms(config_, i);
    busy += agent_busy_ms_[i];
    duty += d;
    out.agents.push_back({config_.agents[i].agent, d > 0 ? agent_busy_ms_[i] / d : 0.0});
  }
  out.occupancy = duty > 0 ? busy / duty : 0.0;
  out.queues = std::move(per_stream_);
  out.intervals = std::move(per_interval_);
  out.engine_commands = commands_;
  out.events = events_;
  out.customers = customers_;
  return out;
}

}  // namespace tamas::services::sim::detail
