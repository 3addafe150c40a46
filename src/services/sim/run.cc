#include "services/sim/run.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace tamas::services::sim::detail {

using engine::EventKind;
using engine::Ref;

namespace {
constexpr std::uint32_t kNone = 0xffffffffu;

Instant at(std::int64_t ms) {
  return from_millis(ms);
}

std::int64_t round_ms(double ms) {
  return ms > 0 ? static_cast<std::int64_t>(ms + 0.5) : 0;
}
}  // namespace

Run::Run(const SimConfig& config, std::uint64_t seed, std::unique_ptr<engine::Engine> engine)
    : config_(config),
      engine_(std::move(engine)),
      warmup_(config.warmup.count()),
      length_(config.length.count()),
      interval_(std::max<std::int64_t>(1, config.interval.count())),
      leaving_(config.agents.size(), 0),
      agent_busy_ms_(config.agents.size(), 0.0),
      per_stream_(config.traffic.size()),
      per_interval_(static_cast<std::size_t>((length_ + interval_ - 1) / interval_)) {
  for (std::uint32_t q = 0; q < config.routing.queues.size(); ++q) {
    const Ref ref = engine_->queue_ref(config.routing.queues[q].id);
    if (ref == engine::kNoRef) continue;
    if (ref >= threshold_ms_.size()) {
      threshold_ms_.resize(ref + 1, config.sl_threshold.count());
      queue_index_.resize(ref + 1, kNone);
    }
    if (config.sl_per_queue) threshold_ms_[ref] = config.routing.queues[q].sl_threshold.count();
    queue_index_[ref] = q;
  }
  per_queue_.resize(threshold_ms_.size());
  for (std::uint32_t i = 0; i < config.traffic.size(); ++i)
    streams_.push_back(Stream{Rng(seed, i), 0});
  contacts_.reserve(1024);
  free_slots_.reserve(1024);
  calendar_.reserve(1024);
  accepts_.reserve(64);
}

void Run::set_contact_id(std::string& out, std::uint32_t n) const {
  char buf[16] = {'c'};
  auto [end, ec] = std::to_chars(buf + 1, buf + sizeof buf, n);
  (void)ec;
  out.assign(buf, end);
}

// The next arrival of a stream after `from`: Poisson with a piecewise
// constant rate, so at an interval boundary the gap is simply redrawn with
// the new rate (memorylessness). Returns false when the run is over.
bool Run::schedule_next_arrival(std::uint32_t s, std::int64_t from) {
  const Traffic& t = config_.traffic[s];
  Stream& st = streams_[s];
  if (!t.recorded.empty()) {
    if (st.next_record >= t.recorded.size()) return false;
    const std::int64_t next = std::max(from, t.recorded[st.next_record].arrival.count());
    if (next >= length_) return false;
    st.next_at = next;
    arrivals_.push(next, EventType::arrival, s);
    return true;
  }
  std::int64_t when = from;
  while (when < length_) {
    double per_hour = t.arrivals_per_hour;
    std::int64_t boundary = length_;
    if (!t.interval_per_hour.empty()) {
      const auto i = static_cast<std::size_t>(when / interval_);
      per_hour = i < t.interval_per_hour.size() ? t.interval_per_hour[i] : 0.0;
      boundary = std::min(length_, static_cast<std::int64_t>(i + 1) * interval_);
    }
    if (per_hour <= 0) {
      if (t.interval_per_hour.empty()) return false;
      when = boundary;
      continue;
    }
    const std::int64_t next = when + round_ms(st.rng.exponential(3.6e6 / per_hour));
    if (next < boundary) {
      st.next_at = next;
      arrivals_.push(next, EventType::arrival, s);
      return true;
    }
    when = boundary;
  }
  return false;
}

Status Run::login(std::uint32_t i) {
  engine::AgentLogin cmd = config_.agents[i];
  cmd.ready = true;
  ++commands_;
  auto r = engine_->apply(cmd, at(now_));
  if (!r.status.ok()) return r.status;
  const Ref ref = engine_->agent_ref(cmd.agent);
  if (ref >= agent_index_.size()) agent_index_.resize(ref + 1, kNone);
  agent_index_[ref] = i;
  leaving_[i] = 0;
  return react(r);
}

Status Run::start() {
  for (std::uint32_t i = 0; i < config_.agents.size(); ++i) {
    const bool shifts = i < config_.shifts.size() && !config_.shifts[i].empty();
    if (!shifts) {
      if (Status s = login(i); !s.ok()) return s;
      continue;
    }
    for (const Shift& sh : config_.shifts[i]) {
      calendar_.push(sh.start.count(), EventType::shift_start, i);
      calendar_.push(sh.end.count(), EventType::shift_end, i);
    }
  }
  for (std::uint32_t s = 0; s < streams_.size(); ++s) schedule_next_arrival(s, 0);
  return {};
}

Status Run::step(const CalendarEntry& e) {
  switch (e.type) {
    case EventType::arrival:
      return arrival(e.index);
    case EventType::service_end:
      return service_end(e.index);
    case EventType::wrapup_end:
      return wrapup_end(e.index);
    case EventType::patience:
      return patience(e.index);
    case EventType::shift_start:
      return shift_start(e.index);
    case EventType::shift_end:
      return shift_end(e.index);
    case EventType::wake:
      return wake();
  }
  return {};
}

Status Run::arrival(std::uint32_t s) {
  const Traffic& t = config_.traffic[s];
  Rng& rng = streams_[s].rng;
  SimContact c;
  c.arrived = now_;
  c.traffic = s;
  c.interval = static_cast<std::uint32_t>(now_ / interval_);
  c.counted = now_ >= warmup_;
  std::int64_t patience = -1;
  if (!t.recorded.empty()) {
    const RecordedContact& rec = t.recorded[streams_[s].next_record++];
    c.handle_ms = std::max<std::int64_t>(1, rec.handle.count());
    if (rec.patience.count() > 0) patience = rec.patience.count();
  } else {
    const double aht = static_cast<double>(t.aht.count());
    c.handle_ms = std::max<std::int64_t>(
        1, round_ms(t.handle == HandleDist::lognormal ? rng.lognormal(aht, t.handle_cv)
                                                      : rng.exponential(aht)));
    if (t.patience.count() > 0)
      patience = round_ms(rng.exponential(static_cast<double>(t.patience.count())));
  }
  std::uint32_t n;
  if (!free_slots_.empty()) {
    n = free_slots_.back();
    free_slots_.pop_back();
    contacts_[n] = c;
  } else {
    n = static_cast<std::uint32_t>(contacts_.size());
    contacts_.push_back(c);
  }
  arriving_ = n;
  contacts_[n].number = static_cast<std::uint32_t>(++customers_);
  if (c.counted) {
    ++per_stream_[s].offered;
    ++per_interval_[c.interval].offered;
  }
  // Ids are "c<customer number>"; the strings keep their buffers.
  set_contact_id(arrive_.contact, contacts_[n].number);
  arrive_.channel = t.channel;
  if (arrive_stream_type_ != &t.type) {
    arrive_.type = t.type;
    arrive_stream_type_ = &t.type;
  }
  if (arrive_stream_queue_ != &t.queue) {
    if (t.queue.empty()) {
      arrive_.queue.reset();
    } else {
      arrive_.queue = t.queue;
    }
    arrive_stream_queue_ = &t.queue;
  }
  ++commands_;
  if (Status st = react(engine_->apply(arrive_cmd_, at(now_))); !st.ok()) return st;
  if (patience >= 0 && contacts_[n].phase == ContactPhase::waiting) {
    contacts_[n].patience_pending = true;
    calendar_.push(now_ + patience, EventType::patience, n);
  }
  schedule_next_arrival(s, now_);
  return {};
}

Status Run::service_end(std::uint32_t n) {
  SimContact& c = contacts_[n];
  ++commands_;
  if (Status st = react(engine_->end_contact(c.ref, at(now_))); !st.ok()) return st;
  const Duration wrap = config_.traffic[c.traffic].wrapup;
  if (wrap.count() > 0) {
    calendar_.push(now_ + wrap.count(), EventType::wrapup_end, n);
    return {};
  }
  return wrapup_end(n);
}

Status Run::wrapup_end(std::uint32_t n) {
  const SimContact c = contacts_[n];
  ++commands_;
  if (Status st = react(engine_->wrapup_done(c.agent, c.ref, at(now_))); !st.ok()) return st;
  contacts_[n].held = false;
  release(n);
  const std::uint32_t i = agent_index_[c.agent];
  if (leaving_[i] && engine_->agent_view(config_.agents[i].agent)->active == 0) {
    ++commands_;
    leaving_[i] = 0;
    return react(engine_->apply(engine::AgentLogout{config_.agents[i].agent}, at(now_)));
  }
  return {};
}

// The first event naming a contact ref that no live simulated contact holds
// belongs to the contact arriving now (timers fired before the arrival only
// concern live contacts, which are bound already).
void Run::bind(const engine::Event& e) {
  const Ref ref = e.contact;
  if (ref >= by_ref_.size()) by_ref_.resize(ref + 1, kNone);
  const std::uint32_t held = by_ref_[ref];
  if (held != kNone && contacts_[held].phase != ContactPhase::done) return;
  by_ref_[ref] = arriving_;
  contacts_[arriving_].ref = ref;
  if (contacts_[arriving_].counted && e.queue < per_queue_.size()) ++per_queue_[e.queue].offered;
}

// A slot is reused once the contact is over for the engine and for its
// agent and no calendar entry names it any more.
void Run::release(std::uint32_t n) {
  const SimContact& c = contacts_[n];
  if (c.phase != ContactPhase::done || c.held || c.patience_pending) return;
  if (c.ref < by_ref_.size() && by_ref_[c.ref] == n) by_ref_[c.ref] = kNone;
  free_slots_.push_back(n);
}

Status Run::patience(std::uint32_t n) {
  contacts_[n].patience_pending = false;
  if (contacts_[n].phase != ContactPhase::waiting) {  // answered or gone already
    release(n);
    return {};
  }
  set_contact_id(abandon_.contact, contacts_[n].number);
  ++commands_;
  return react(engine_->apply(abandon_cmd_, at(now_)));
}

Status Run::shift_start(std::uint32_t i) {
  if (leaving_[i]) {  // back before the previous shift's last contact ended
    leaving_[i] = 0;
    ++commands_;
    return react(engine_->apply(engine::AgentReady{config_.agents[i].agent}, at(now_)));
  }
  return login(i);
}

// Engine timers (relaxation, overflow, RONA, wrap-up limit) must act at
// their instant, not at the simulator's next event: keep a wake entry at
// the engine's earliest due timer.
void Run::schedule_wake() {
  const auto due = engine_->next_timer();
  if (!due) return;
  const std::int64_t at_ms = to_millis(*due);
  if (at_ms <= now_ || (wake_at_ >= 0 && wake_at_ <= at_ms) ||
      at_ms >= length_ + (std::int64_t{1} << 40))
    return;
  wake_at_ = at_ms;
  calendar_.push(at_ms, EventType::wake, 0);
}

Status Run::wake() {
  if (wake_at_ == now_) wake_at_ = -1;
  ++commands_;
  return react(engine_->advance_to(at(now_)));
}

Status Run::shift_end(std::uint32_t i) {
  const std::string& id = config_.agents[i].agent;
  auto view = engine_->agent_view(id);
  if (!view || view->status == engine::AgentStatus::logged_out) return {};
  ++commands_;
  if (view->active == 0) return react(engine_->apply(engine::AgentLogout{id}, at(now_)));
  leaving_[i] = 1;
  return react(engine_->apply(engine::AgentNotReady{id, "shift end"}, at(now_)));
}

// Handles the engine's answer to one command: offers are accepted at once
// (which may answer more), answered contacts get their service end.
Status Run::react(const engine::ApplyResult& first) {
  if (!first.status.ok()) return first.status;
  std::size_t done = accepts_.size();
  auto scan = [&](const engine::ApplyResult& r) {
    for (const engine::Event& e : r.events) {
      switch (e.kind) {
        case EventKind::contact_queued:
        case EventKind::after_hours_action:
          bind(e);
          break;
        case EventKind::offer:
          accepts_.emplace_back(e.agent, e.contact);
          break;
        case EventKind::contact_answered:
          on_answered(e);
          break;
        case EventKind::contact_completed:
          on_completed(e);
          break;
        default:
          break;
      }
    }
  };
  scan(first);
  while (accepts_.size() > done) {
    const auto [agent, contact] = accepts_[done++];
    ++commands_;
    auto r = engine_->accept_offer(agent, contact, at(now_));
    if (!r.status.ok()) return r.status;
    scan(r);
  }
  accepts_.clear();
  return {};
}

}  // namespace tamas::services::sim::detail
