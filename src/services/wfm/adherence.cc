#include "services/wfm/adherence.h"

#include <algorithm>

namespace tamas::wfm {
namespace {

bool matches(Activity a, AgentState s) {
  switch (a) {
    case Activity::work:
      return s == AgentState::ready || s == AgentState::reserved || s == AgentState::busy ||
             s == AgentState::wrap_up;
    case Activity::break_:
      return s == AgentState::not_ready;
    case Activity::off:
      return s == AgentState::logged_out;
  }
  return false;
}

// Scheduled activity at t (off when none).
Activity expected_at(const std::vector<ScheduledActivity>& schedule, Instant t) {
  for (const ScheduledActivity& a : schedule)
    if (a.start <= t && t < a.end) return a.activity;
  return Activity::off;
}

}  // namespace

AdherenceReport adherence(const std::vector<ScheduledActivity>& schedule,
                          const std::vector<StateChange>& changes, Instant from, Instant to,
                          Duration grace) {
  // Cut the window at every schedule and state boundary; within a piece
  // both the expected activity and the actual state are constant.
  std::vector<Instant> cuts{from, to};
  for (const ScheduledActivity& a : schedule) cuts.insert(cuts.end(), {a.start, a.end});
  for (const StateChange& c : changes) cuts.push_back(c.at);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  AdherenceReport r;
  std::size_t next_change = 0;
  AgentState state = AgentState::logged_out;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const Instant a = cuts[i], b = cuts[i + 1];
    while (next_change < changes.size() && changes[next_change].at <= a)
      state = changes[next_change++].state;
    if (a < from || b > to) continue;
    const Activity want = expected_at(schedule, a);
    const Duration len = b - a;
    if (want != Activity::off) r.scheduled += len;
    if (state != AgentState::logged_out) r.worked += len;
    if (matches(want, state)) {
      if (want != Activity::off) r.in_adherence += len;
      continue;
    }
    if (!r.periods.empty() && r.periods.back().end == a && r.periods.back().expected == want &&
        r.periods.back().actual == state) {
      r.periods.back().end = b;
    } else {
      r.periods.push_back({a, b, want, state});
    }
  }
  // Forgive short deviations.
  std::erase_if(r.periods, [&](const OutOfAdherence& p) {
    if (p.end - p.start >= grace) return false;
    if (p.expected != Activity::off) r.in_adherence += p.end - p.start;
    return true;
  });
  if (r.scheduled.count() > 0) {
    r.adherence = double(r.in_adherence.count()) / double(r.scheduled.count());
    r.conformance = double(r.worked.count()) / double(r.scheduled.count());
  }
  return r;
}

}  // namespace tamas::wfm
