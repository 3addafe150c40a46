#include "services/sim/simulator.h"

#include <cmath>
#include <memory>
#include <queue>
#include <random>

#include "engine/engine.h"

namespace tamas::services::sim {
namespace {

enum class Kind : std::uint8_t { arrival, talk_end, abandon };

struct Pending {
  Instant at;
  std::uint64_t seq;  // FIFO among simultaneous events
  Kind kind;
  std::uint32_t index;  // traffic index (arrival) or contact number
  bool operator>(const Pending& o) const { return at != o.at ? at > o.at : seq > o.seq; }
};

struct Contact {
  std::uint32_t traffic = 0;
  Instant arrived{};
  bool counted = false, answered = false, ended = false;
  std::string agent;
};

class Run {
 public:
  Run(const SimConfig& c, std::uint64_t seed, std::unique_ptr<engine::Engine> e)
      : config_(c), rng_(seed), engine_(std::move(e)), per_queue_(c.traffic.size()) {}

  Result<RunResult> go();

 private:
  Duration exp_duration(Duration mean) {
    std::exponential_distribution<double> d(1.0 / static_cast<double>(mean.count()));
    return Duration{static_cast<Duration::rep>(std::llround(d(rng_)))};
  }
  void schedule(Instant at, Kind k, std::uint32_t index) { pending_.push({at, ++seq_, k, index}); }
  Status apply(const engine::Command& cmd);
  void on_engine_event(const engine::Event& e, std::vector<engine::Command>& follow_up);
  void arrival(std::uint32_t traffic);
  static std::string name(std::uint32_t n) { return "c" + std::to_string(n); }
  static std::uint32_t number(std::string_view id) { return static_cast<std::uint32_t>(std::stoul(std::string(id.substr(1)))); }

  const SimConfig& config_;
  std::mt19937_64 rng_;
  std::unique_ptr<engine::Engine> engine_;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending_;
  std::uint64_t seq_ = 0;
  Instant now_{};
  std::vector<Contact> contacts_;
  std::vector<QueueResult> per_queue_;
  double wait_sum_ms_ = 0;
  std::vector<double> queue_wait_ms_ = std::vector<double>(config_.traffic.size(), 0.0);
  double busy_ms_ = 0;
  std::int64_t commands_ = 0;
};

Status Run::apply(const engine::Command& first) {
  std::vector<engine::Command> work{first};
  while (!work.empty()) {
    engine::Command cmd = std::move(work.back());
    work.pop_back();
    ++commands_;
    auto r = engine_->apply(cmd, now_);
    if (!r.status.ok()) return r.status;
    std::vector<engine::Command> follow_up;
    for (const auto& e : r.events) on_engine_event(e, follow_up);
    for (auto it = follow_up.rbegin(); it != follow_up.rend(); ++it) work.push_back(std::move(*it));
  }
  return {};
}

void Run::on_engine_event(const engine::Event& e, std::vector<engine::Command>& follow_up) {
  using engine::EventKind;
  if (e.kind == EventKind::offer) {
    const auto n = number(engine_->contact_id(e.contact));
    contacts_[n].agent = std::string(engine_->agent_id(e.agent));
    follow_up.push_back(engine::AcceptOffer{contacts_[n].agent, name(n)});
  } else if (e.kind == EventKind::contact_answered) {
    const auto n = number(engine_->contact_id(e.contact));
    Contact& c = contacts_[n];
    c.answered = true;
    const Duration talk = exp_duration(config_.traffic[c.traffic].aht);
    schedule(now_ + talk, Kind::talk_end, n);
    if (c.counted) {
      auto& q = per_queue_[c.traffic];
      ++q.answered;
      const double wait = static_cast<double>((now_ - c.arrived).count());
      queue_wait_ms_[c.traffic] += wait;
      if (now_ - c.arrived <= config_.sl_threshold) ++q.answered_in_target;
    }
    // Busy time inside the measured window.
    const Instant end = std::min(now_ + talk, Instant{} + config_.length);
    const Instant begin = std::max(now_, Instant{} + config_.warmup);
    if (end > begin) busy_ms_ += static_cast<double>((end - begin).count());
  } else if (e.kind == EventKind::contact_completed) {
    const auto n = number(engine_->contact_id(e.contact));
    Contact& c = contacts_[n];
    c.ended = true;
    if (c.counted && !c.answered) ++per_queue_[c.traffic].abandoned;
  }
}

void Run::arrival(std::uint32_t t) {
  const auto& tr = config_.traffic[t];
  const auto n = static_cast<std::uint32_t>(contacts_.size());
  contacts_.push_back(Contact{t, now_, now_ >= Instant{} + config_.warmup, false, false, {}});
  if (contacts_.back().counted) ++per_queue_[t].offered;
  engine::ContactArrive a;
  a.contact = name(n);
  a.channel = tr.channel;
  a.queue = tr.queue;
  (void)apply(a);
  if (tr.patience.count() > 0) schedule(now_ + exp_duration(tr.patience), Kind::abandon, n);
  const Duration gap = exp_duration(Duration{static_cast<Duration::rep>(3'600'000.0 / tr.arrivals_per_hour)});
  if (now_ + gap < Instant{} + config_.length) schedule(now_ + gap, Kind::arrival, t);
}

Result<RunResult> Run::go() {
  for (const auto& a : config_.agents)
    if (auto st = apply(a); !st.ok()) return st.error();
  for (std::uint32_t t = 0; t < config_.traffic.size(); ++t) {
    if (config_.traffic[t].arrivals_per_hour <= 0) continue;
    schedule(Instant{} + exp_duration(Duration{static_cast<Duration::rep>(3'600'000.0 / config_.traffic[t].arrivals_per_hour)}),
             Kind::arrival, t);
  }
  while (!pending_.empty()) {
    const Pending p = pending_.top();
    pending_.pop();
    now_ = p.at;
    if (p.kind == Kind::arrival) {
      arrival(p.index);
    } else if (p.kind == Kind::talk_end) {
      const std::string id = name(p.index);
      if (auto st = apply(engine::ContactEnd{id}); !st.ok()) return st.error();
      if (auto st = apply(engine::WrapUpDone{contacts_[p.index].agent, id}); !st.ok()) return st.error();
    } else if (!contacts_[p.index].answered && !contacts_[p.index].ended) {
      if (auto st = apply(engine::ContactAbandon{name(p.index)}); !st.ok()) return st.error();
    }
  }
  RunResult out;
  for (std::size_t t = 0; t < per_queue_.size(); ++t) {
    QueueResult& q = per_queue_[t];
    q.queue = config_.traffic[t].queue;
    out.total.offered += q.offered;
    out.total.answered += q.answered;
    out.total.abandoned += q.abandoned;
    out.total.answered_in_target += q.answered_in_target;
    wait_sum_ms_ += queue_wait_ms_[t];
    if (q.offered) {
      q.service_level = double(q.answered_in_target) / double(q.offered);
      q.abandon_rate = double(q.abandoned) / double(q.offered);
    }
    if (q.answered) q.asa_s = queue_wait_ms_[t] / double(q.answered) / 1000.0;
  }
  out.queues = per_queue_;
  out.total.queue = "*";
  if (out.total.offered) {
    out.total.service_level = double(out.total.answered_in_target) / double(out.total.offered);
    out.total.abandon_rate = double(out.total.abandoned) / double(out.total.offered);
  }
  if (out.total.answered) out.total.asa_s = wait_sum_ms_ / double(out.total.answered) / 1000.0;
  const double window = static_cast<double>((config_.length - config_.warmup).count());
  if (!config_.agents.empty() && window > 0) out.occupancy = busy_ms_ / (window * double(config_.agents.size()));
  out.engine_commands = commands_;
  return out;
}

Estimate estimate(const std::vector<double>& xs) {
  Estimate e;
  if (xs.empty()) return e;
  double sum = 0;
  for (double x : xs) sum += x;
  e.mean = sum / double(xs.size());
  if (xs.size() < 2) return e;
  double ss = 0;
  for (double x : xs) ss += (x - e.mean) * (x - e.mean);
  const double sd = std::sqrt(ss / double(xs.size() - 1));
  // Student t 97.5% quantiles for small samples, else the normal's 1.96.
  static const double t975[] = {0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
                                2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093};
  const std::size_t df = xs.size() - 1;
  const double t = df < 20 ? t975[df] : 1.96;
  e.half_width = t * sd / std::sqrt(double(xs.size()));
  return e;
}

}  // namespace

Result<RunResult> simulate(const SimConfig& config, std::uint64_t seed) {
  for (const auto& t : config.traffic)
    if (t.arrivals_per_hour < 0 || t.aht.count() <= 0)
      return Error::invalid("traffic for queue '" + t.queue + "' needs a non-negative rate and a positive AHT");
  auto engine = engine::Engine::create(config.routing);
  if (!engine) return engine.error();
  Run run(config, seed, std::move(engine).value());
  return run.go();
}

Result<Summary> simulate_replications(const SimConfig& config, int replications, std::uint64_t seed) {
  if (replications < 1) return Error::invalid("replications must be at least 1");
  std::vector<double> sl, asa, ab, occ;
  Summary s;
  s.replications = replications;
  for (int i = 0; i < replications; ++i) {
    auto r = simulate(config, seed + static_cast<std::uint64_t>(i));
    if (!r) return r.error();
    sl.push_back(r->total.service_level);
    asa.push_back(r->total.asa_s);
    ab.push_back(r->total.abandon_rate);
    occ.push_back(r->occupancy);
    s.engine_commands += r->engine_commands;
  }
  s.service_level = estimate(sl);
  s.asa_s = estimate(asa);
  s.abandon_rate = estimate(ab);
  s.occupancy = estimate(occ);
  return s;
}

SimConfig mmn(int agents, double arrivals_per_hour, Duration aht, Duration patience, Duration length,
              Duration sl_threshold) {
  SimConfig c;
  c.routing.skills = {"s"};
  engine::QueueConfig q;
  q.id = "q";
  q.default_skills = {{"s", 1}};
  q.sl_threshold = sl_threshold;
  q.announce_position = false;
  c.routing.queues.push_back(q);
  c.routing.default_queue = "q";
  for (int i = 0; i < agents; ++i) {
    engine::AgentLogin a;
    a.agent = "a" + std::to_string(i);
    a.skills = {{"s", 1}};
    a.queues = {"q"};
    a.ready = true;
    c.agents.push_back(a);
  }
  c.traffic.push_back(Traffic{"q", engine::Channel::voice, arrivals_per_hour, aht, patience});
  c.length = length;
  c.sl_threshold = sl_threshold;
  return c;
}

}  // namespace tamas::services::sim
