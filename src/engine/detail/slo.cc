// Statistics per SLO (type x channel x segment): resolution at arrival, the
// counters (overall, per queue, per agent) and the pull snapshot.
#include <algorithm>

#include "engine/detail/core.h"

namespace tamas::engine::detail {

namespace {

bool slo_matches(const SloConfig& s, const ContactArrive& c) {
  return (s.type == "*" || s.type == c.type) && (!s.channel || *s.channel == c.channel) &&
         (s.segment == "*" || s.segment == c.segment);
}

// Adds the averages to a counter block.
SloFigures finish(SloFigures f) {
  std::int64_t judged = f.answered + f.abandoned;
  f.service_level = judged ? static_cast<double>(f.answered_within) / judged : 1.0;
  f.asa = f.answered ? f.total_wait_answered / f.answered : Duration{0};
  f.aht = f.completed ? f.total_handle / f.completed : Duration{0};
  return f;
}

bool active(const SloFigures& f) {
  return f.waiting > 0 || f.offered > 0 || f.answered > 0 || f.abandoned > 0 || f.completed > 0;
}

}  // namespace

Status Core::init_slos(const std::vector<SloConfig>& slos) {
  for (const SloConfig& c : slos) {
    if (c.id.empty() || slo_ids_.count(c.id))
      return Error::invalid("duplicate or empty SLO '" + c.id + "'");
    if (c.threshold.count() < 0) return Error::invalid("SLO " + c.id + ": negative threshold");
    if (c.target < 0 || c.target > 1) return Error::invalid("SLO " + c.id + ": target not in 0..1");
    slo_ids_.emplace(c.id, static_cast<Ref>(slos_.size()));
    SloRt& s = slos_.emplace_back();
    s.config = c;
    if (s.config.type.empty()) s.config.type = "*";
    if (s.config.segment.empty()) s.config.segment = "*";
    s.wild = (s.config.type == "*") + !s.config.channel + (s.config.segment == "*");
    s.by_queue.resize(queues_.size());
  }
  slo_dirty_.assign(slos_.size(), 0);
  return {};
}

// The most specific SLO (fewest wildcards), the earliest on a tie.
Ref Core::match_slo(const ContactArrive& c) const {
  Ref best = kNoRef;
  int best_wild = 4;
  for (std::size_t i = 0; i < slos_.size(); ++i) {
    if (slos_[i].wild < best_wild && slo_matches(slos_[i].config, c)) {
      best = static_cast<Ref>(i);
      best_wild = slos_[i].wild;
    }
  }
  return best;
}

void Core::count_slo_offered(const ContactRt& ct, Ref queue, bool first) {
  SloRt& s = slos_[ct.slo];
  if (first) ++s.total.offered;
  ++s.by_queue[queue].offered;
}

void Core::count_slo_waiting(const ContactRt& ct, int delta) {
  SloRt& s = slos_[ct.slo];
  s.total.waiting += delta;
  s.by_queue[ct.queue].waiting += delta;
}

static SloFigures& agent_row(AgentRt& a, Ref slo) {
  for (auto& [r, f] : a.slo_rows) {
    if (r == slo) return f;
  }
  return a.slo_rows.emplace_back(slo, SloFigures{}).second;
}

void Core::count_slo_answered(const ContactRt& ct, Instant arrived, Ref agent, Duration wait) {
  SloRt& s = slos_[ct.slo];
  const Duration measured =
      s.config.business_time ? s.config.business_time(arrived, arrived + wait) : wait;
  bool within = measured <= s.config.threshold;
  for (SloFigures* f : {&s.total, &s.by_queue[ct.queue], &agent_row(agents_[agent], ct.slo)}) {
    ++f->answered;
    f->total_wait_answered += wait;
    f->answered_within += within;
  }
}

void Core::count_slo_abandoned(const ContactRt& ct, Duration wait) {
  SloRt& s = slos_[ct.slo];
  (void)wait;
  ++s.total.abandoned;
  ++s.by_queue[ct.queue].abandoned;
}

void Core::count_slo_handled(const ContactRt& ct, Ref agent, Ref queue, Duration handle,
                             Duration hold) {
  SloRt& s = slos_[ct.slo];
  for (SloFigures* f : {&s.total, &s.by_queue[queue], &agent_row(agents_[agent], ct.slo)}) {
    ++f->completed;
    f->total_handle += handle;
    f->total_hold += hold;
  }
}

SloStats Core::slo_snapshot(Ref sr) const {
  const SloRt& s = slos_[sr];
  SloStats out;
  out.slo = s.config.id;
  out.threshold = s.config.threshold;
  out.target = s.config.target;
  out.total = finish(s.total);
  std::vector<Instant> oldest(queues_.size(), now_);
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    if (s.by_queue[q].waiting == 0) continue;
    for (Ref p : queues_[q].profiles) {
      profiles_[p].contacts.for_each([&](const HeapEntry& e) {
        const ContactRt& ct = contacts_[e.contact];
        if (ct.slo == sr) oldest[q] = std::min(oldest[q], contact_more_[e.contact].arrived);
      });
    }
  }
  Instant oldest_all = now_;
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    oldest_all = std::min(oldest_all, oldest[q]);
    if (!active(s.by_queue[q])) continue;
    SloFigures f = finish(s.by_queue[q]);
    f.longest_wait = now_ - oldest[q];
    out.by_queue.emplace_back(queues_[q].id, f);
  }
  out.total.longest_wait = now_ - oldest_all;
  for (std::size_t a = 0; a < agents_.size(); ++a) {
    for (const auto& [r, counters] : agents_[a].slo_rows) {
      if (r != sr) continue;
      SloFigures f = finish(counters);
      AgentStats as = agent_snapshot(static_cast<Ref>(a));
      Duration avail = as.busy_time + as.ready_time;
      f.occupancy =
          avail.count() ? static_cast<double>(f.total_handle.count()) / avail.count() : 0.0;
      out.by_agent.emplace_back(agents_[a].id, f);
    }
  }
  return out;
}

// A new stats day: counters restart; waiting gauges stay.
void Core::reset_slo_stats() {
  auto restart = [](SloFigures& f) {
    SloFigures fresh;
    fresh.waiting = f.waiting;
    f = fresh;
  };
  for (SloRt& s : slos_) {
    restart(s.total);
    for (SloFigures& f : s.by_queue) restart(f);
  }
  for (AgentRt& a : agents_) a.slo_rows.clear();
}

}  // namespace tamas::engine::detail
