// Core: configuration compiling, interning, event emission, command dispatch.
#include "engine/detail/core.h"

#include <algorithm>
#include <cmath>

namespace tamas::engine::detail {

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

Result<Reqs> Core::compile_reqs(const std::vector<SkillRequirement>& skills) const {
  Reqs out;
  for (const auto& s : skills) {
    auto it = skill_ids_.find(s.skill);
    if (it == skill_ids_.end()) return Error::invalid("unknown skill '" + s.skill + "'");
    if (s.min_level < 1 || s.min_level > 5) {
      return Error::invalid("skill level of '" + s.skill + "' must be 1..5");
    }
    out.push_back({static_cast<std::uint16_t>(it->second), static_cast<std::uint8_t>(s.min_level)});
  }
  std::sort(out.begin(), out.end(), [](const Req& x, const Req& y) { return x.skill < y.skill; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].skill == out[i - 1].skill) return Error::invalid("skill listed twice");
  }
  return out;
}

static Status compile_queue(Core& core, const QueueConfig& qc, QueueRt& q) {
  q.id = qc.id;
  q.policy = qc.policy;
  q.max_size = qc.max_size;
  q.offer_timeout = qc.offer_timeout;
  q.wrapup_limit = qc.wrapup_limit;
  q.overflow_after = qc.overflow_after;
  q.aging = std::llround(qc.aging_per_second * 1000.0);
  q.default_priority = qc.default_priority;
  q.sl_threshold = qc.sl_threshold;
  q.sl_business_time = qc.sl_business_time;
  q.announce = qc.announce_position;
  q.closed_action = qc.closed_action;
  q.no_agents_action = qc.no_agents_action;
  q.full_action = qc.full_action;
  q.open = qc.open;
  q.arrival_profile.fill(kNoRef);
  q.aht_ms = static_cast<double>(qc.default_aht.count());
  auto reqs = core.compile_reqs(qc.default_skills);
  if (!reqs) return reqs.error();
  q.default_reqs = *reqs;
  Duration prev{0};
  for (const auto& step : qc.relaxation) {
    if (step.after <= prev)
      return Error::invalid("queue " + qc.id + ": relaxation steps must increase");
    prev = step.after;
    auto r = core.compile_reqs(step.skills);
    if (!r) return r.error();
    q.relax.emplace_back(step.after, *r);
  }
  if (q.relax.size() > 250) return Error::invalid("queue " + qc.id + ": too many relaxation steps");
  if (qc.overflow_after.count() > 0) {
    auto it = core.queue_ids_.find(qc.overflow_target);
    if (it == core.queue_ids_.end()) {
      return Error::invalid("queue " + qc.id + ": unknown overflow target '" + qc.overflow_target +
                            "'");
    }
    q.overflow_target = it->second;
  }
  if (qc.aging_per_second < 0 || qc.aging_per_second > 1000) {
    return Error::invalid("queue " + qc.id + ": aging must be within 0..1000 points/s");
  }
  return {};
}

Status Core::init(const EngineConfig& config) {
  for (const auto& s : config.skills) {
    if (s.empty() || skill_ids_.count(s))
      return Error::invalid("duplicate or empty skill '" + s + "'");
    skill_ids_.emplace(s, static_cast<Ref>(skill_names_.size()));
    skill_names_.push_back(s);
  }
  if (skill_names_.size() > 65000) return Error::invalid("too many skills");
  for (const auto& qc : config.queues) {
    if (qc.id.empty() || queue_ids_.count(qc.id))
      return Error::invalid("duplicate or empty queue '" + qc.id + "'");
    queue_ids_.emplace(qc.id, static_cast<Ref>(queue_ids_.size()));
  }
  queues_.resize(config.queues.size());
  for (std::size_t i = 0; i < config.queues.size(); ++i) {
    if (Status s = compile_queue(*this, config.queues[i], queues_[i]); !s) return s;
  }
  for (const auto& r : config.rules) {
    RuleRt rt;
    rt.match = r;
    auto it = queue_ids_.find(r.queue);
    if (it == queue_ids_.end()) return Error::invalid("rule: unknown queue '" + r.queue + "'");
    rt.queue = it->second;
    rt.priority = r.priority;
    rt.arrival_profile.fill(kNoRef);
    if (r.skills) {
      auto reqs = compile_reqs(*r.skills);
      if (!reqs) return reqs.error();
      rt.reqs = *reqs;
    }
    rules_.push_back(std::move(rt));
  }
  if (Status s = init_slos(config.slos); !s) return s;
  queue_dirty_.assign(queues_.size(), 0);
  if (!config.default_queue.empty()) {
    auto it = queue_ids_.find(config.default_queue);
    if (it == queue_ids_.end()) return Error::invalid("unknown default queue");
    default_queue_ = it->second;
  }
  if (config.aht_smoothing <= 0 || config.aht_smoothing > 1) {
    return Error::invalid("aht_smoothing must be within (0, 1]");
  }
  aht_alpha_ = config.aht_smoothing;
  track_changes_ = config.track_stats_changes;
  default_cap_ = config.default_capacity;
  return {};
}

Result<Ref> Core::find_agent(std::string_view id) const {
  Ref r = agent_ref(id);
  if (r == kNoRef) return Error::not_found("agent '" + std::string(id) + "'");
  return r;
}

Result<Ref> Core::find_contact(std::string_view id) const {
  Ref r = contact_ref(id);
  if (r == kNoRef) return Error::not_found("contact '" + std::string(id) + "'");
  return r;
}

Ref Core::intern_reason(std::string_view name) {
  auto it = reason_ids_.find(name);
  if (it != reason_ids_.end()) return it->second;
  Ref r = static_cast<Ref>(reason_names_.size());
  reason_names_.emplace_back(name);
  reason_ids_.emplace(std::string(name), r);
  return r;
}

bool Core::qualifies(const AgentRt& a, const Reqs& reqs) const {
  for (const Req& r : reqs) {
    if (a.levels[r.skill] < r.level) return false;
  }
  return true;
}

int Core::skill_score(const AgentRt& a, const Reqs& reqs) const {
  int s = 0;
  for (const Req& r : reqs) s += a.levels[r.skill];
  return s;
}

Ref Core::intern_profile(Ref queue, Channel ch, bool callback, const Reqs& reqs) {
  std::string key;
  key.reserve(8 + 3 * reqs.size());
  key.append(reinterpret_cast<const char*>(&queue), sizeof queue);
  key.push_back(static_cast<char>(ch));
  key.push_back(callback ? 1 : 0);
  for (const Req& r : reqs) {
    key.append(reinterpret_cast<const char*>(&r.skill), sizeof r.skill);
    key.push_back(static_cast<char>(r.level));
  }
  auto it = profile_ids_.find(key);
  if (it != profile_ids_.end()) return it->second;
  Ref p = static_cast<Ref>(profiles_.size());
  profile_ids_.emplace(std::move(key), p);
  Profile& prof = profiles_.emplace_back();
  prof.queue = queue;
  prof.aging = queues_[queue].aging;
  prof.channel = ch;
  prof.callback = callback;
  prof.held_when_closed = callback || ch == Channel::callback;
  prof.reqs = reqs;
  queues_[queue].profiles.push_back(p);
  // Link every logged-in agent of the queue that qualifies (rare: profiles
  // are a finite set, created on first use).
  for (Ref a : queues_[queue].agents) {
    if (qualifies(agents_[a], reqs)) {
      link_member(a, p);
      refresh_idle(a);
    }
  }
  return p;
}

void Core::link_member(Ref agent, Ref profile) {
  Membership m;
  m.profile = profile;
  m.score = skill_score(agents_[agent], profiles_[profile].reqs);
  m.idle_handle = profiles_[profile].idle.acquire();
  agents_[agent].members.push_back(m);
}

void Core::add_timer(Instant when, TimerKind kind, Ref obj, std::uint32_t gen, std::uint8_t aux) {
  timers_.push(Timer{ms(when), ++timer_seq_, kind, aux, obj, gen});
}

void Core::fire_due_timers(Instant until) {
  while (!timers_.empty() && timers_.top().when <= ms(until)) {
    Timer t = timers_.top();
    timers_.pop();
    now_ = std::max(now_, from_millis(t.when));
    on_timer(t);
  }
  now_ = std::max(now_, until);
}

void Core::recycle_pending() {
  for (Ref c : pending_free_) {
    ContactRt& ct = contacts_[c];
    contact_ids_.erase_ref(ct.id_hash, c);
    // Generations survive reuse so timers of the previous occupant stay
    // stale.
    // The more record and the name are rewritten by the arrival that
    // reuses the ref, not here.
    ContactRt fresh;
    fresh.gen = ct.gen + 1;
    fresh.queue_gen = ct.queue_gen + 1;
    ct = fresh;
    free_contacts_.push_back(c);
  }
  pending_free_.clear();
}

void Core::reset_stats() {
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    queues_[q].counters = QueueStats{};
    mark_queue(static_cast<Ref>(q));
  }
  for (std::size_t i = 0; i < agents_.size(); ++i) {
    AgentRt& a = agents_[i];
    a.stats = AgentStats{};
    if (a.logged_in) a.status_since = now_;
    mark_agent(static_cast<Ref>(i));
  }
  reset_slo_stats();
  for (std::size_t s = 0; s < slos_.size(); ++s) mark_slo(static_cast<Ref>(s));
}

Status Core::run(const Command& command) {
  return std::visit(Overloaded{
                        [&](const AgentLogin& c) { return login(c); },
                        [&](const AgentReady& c) { return set_ready(c); },
                        [&](const AgentNotReady& c) { return set_not_ready(c); },
                        [&](const AgentLogout& c) { return logout(c); },
                        [&](const AcceptOffer& c) { return accept(c); },
                        [&](const RejectOffer& c) { return reject(c); },
                        [&](const ContactArrive& c) { return arrive(c); },
                        [&](const ContactAbandon& c) { return abandon(c); },
                        [&](const ContactEnd& c) { return end_contact(c); },
                        [&](const WrapUpDone& c) { return wrapup_done(c); },
                        [&](const TransferToQueue& c) { return transfer_to_queue(c); },
                        [&](const TransferToAgent& c) { return transfer_to_agent(c); },
                        [&](const CallbackRequest& c) { return request_callback(c); },
                        [&](const QueueOpen& c) { return open_queue(c, true); },
                        [&](const QueueClose& c) { return open_queue(QueueOpen{c.queue}, false); },
                        [&](const AdvanceTime&) { return Status{}; },
                        [&](const ResetStats&) {
                          reset_stats();
                          return Status{};
                        },
                        [&](const ContactHold& c) { return hold(c); },
                        [&](const ContactResume& c) { return resume(c); },
                        [&](const ConsultBegin& c) { return begin_consult(c); },
                        [&](const ConsultEnd& c) { return end_consult(c); },
                    },
                    command);
}

}  // namespace tamas::engine::detail
