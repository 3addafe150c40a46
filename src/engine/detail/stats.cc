// Pull-based snapshots: queue and agent statistics, waiting lists.
#include <algorithm>

#include "engine/detail/core.h"

namespace tamas::engine::detail {

QueueStats Core::queue_snapshot(Ref qr) const {
  const QueueRt& q = queues_[qr];
  QueueStats s = q.counters;
  s.waiting = q.waiting;
  s.serving_agents = static_cast<int>(q.agents.size());
  Instant oldest = now_;
  for (Ref p : q.profiles) {
    profiles_[p].contacts.for_each(
        [&](const HeapEntry& e) { oldest = std::min(oldest, contact_more_[e.contact].queued_at); });
  }
  s.longest_wait = now_ - oldest;
  std::int64_t judged = s.answered + s.abandoned;
  s.service_level = judged ? static_cast<double>(s.answered_within) / judged : 1.0;
  s.asa = s.answered ? s.total_wait_answered / s.answered : Duration{0};
  s.aht = s.completed ? s.total_handle / s.completed : Duration{0};
  Duration busy{0}, avail{0};
  for (Ref a : q.agents) {
    AgentStats as = agent_snapshot(a);
    busy += as.busy_time;
    avail += as.busy_time + as.ready_time;
  }
  s.occupancy = avail.count() ? static_cast<double>(busy.count()) / avail.count() : 0.0;
  return s;
}

AgentStats Core::agent_snapshot(Ref ar) const {
  const AgentRt& a = agents_[ar];
  AgentStats s = a.stats;
  Duration open = now_ - a.status_since;
  switch (a.status) {
    case AgentStatus::ready:
      s.ready_time += open;
      break;
    case AgentStatus::not_ready:
      s.not_ready_time += open;
      break;
    case AgentStatus::reserved:
    case AgentStatus::busy:
    case AgentStatus::wrap_up:
      s.busy_time += open;
      break;
    case AgentStatus::logged_out:
      break;
  }
  Duration avail = s.busy_time + s.ready_time;
  s.occupancy = avail.count() ? static_cast<double>(s.busy_time.count()) / avail.count() : 0.0;
  return s;
}

std::vector<WaitingContact> Core::waiting_rows(Ref qr) const {
  const QueueRt& q = queues_[qr];
  std::vector<HeapEntry> all;
  for (Ref p : q.profiles) {
    profiles_[p].contacts.for_each([&](const HeapEntry& e) { all.push_back(e); });
  }
  std::sort(all.begin(), all.end(), served_before);
  std::vector<WaitingContact> rows;
  rows.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    WaitingContact w;
    w.contact = all[i].contact;
    w.position = static_cast<int>(i + 1);
    w.waited = now_ - contact_more_[w.contact].queued_at;
    w.ewt = ewt_for(q, w.position);
    rows.push_back(w);
  }
  return rows;
}

}  // namespace tamas::engine::detail
