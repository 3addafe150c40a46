// Agent commands and agent availability: login/ready/not ready/logout, the
// aggregate status, and the per-profile idle sets.
#include <algorithm>
#include <cstring>

#include "engine/detail/core.h"

namespace tamas::engine::detail {

Status Core::login(const AgentLogin& c) {
  if (c.agent.empty()) return Error::invalid("empty agent id");
  Ref existing = agent_ref(c.agent);
  if (existing != kNoRef && agents_[existing].logged_in) {
    return Error::conflict("agent '" + c.agent + "' already logged in");
  }
  std::vector<std::uint8_t> levels(skill_names_.size(), 0);
  for (const auto& s : c.skills) {
    auto sk = skill_ids_.find(s.skill);
    if (sk == skill_ids_.end()) return Error::invalid("unknown skill '" + s.skill + "'");
    if (s.level < 1 || s.level > 5) return Error::invalid("skill level must be 1..5");
    levels[sk->second] = static_cast<std::uint8_t>(s.level);
  }
  std::vector<Ref> qs;
  for (const auto& qid : c.queues) {
    auto q = queue_ids_.find(qid);
    if (q == queue_ids_.end()) return Error::not_found("queue '" + qid + "'");
    if (std::find(qs.begin(), qs.end(), q->second) == qs.end()) qs.push_back(q->second);
  }
  Ref a;
  if (existing == kNoRef) {
    a = static_cast<Ref>(agents_.size());
    agents_.emplace_back().id = c.agent;
    agent_dirty_.push_back(0);
    agent_ids_.insert(c.agent, a, [this](Ref r) -> std::string_view { return agents_[r].id; });
  } else {
    a = existing;
  }
  AgentRt& ag = agents_[a];
  ag.logged_in = true;
  ag.ready = c.ready;
  ag.reason = c.ready ? kNoRef : intern_reason("login");
  ag.levels = std::move(levels);
  ag.queues = std::move(qs);
  ag.cap = c.capacity.value_or(default_cap_);
  recount(ag);  // no slots: a logged-out agent holds nothing
  ag.idle_since = now_;
  ag.members.clear();
  ag.idle_links = 0;
  for (Ref q : ag.queues) {
    mark_queue(q);
    queues_[q].agents.push_back(a);
    for (Ref p : queues_[q].profiles) {
      if (qualifies(ag, profiles_[p].reqs)) link_member(a, p);
    }
  }
  update_status(a);
  agent_available(a);
  return {};
}

Status Core::set_ready(const AgentReady& c) {
  auto a = find_agent(c.agent);
  if (!a) return a.error();
  AgentRt& ag = agents_[*a];
  if (!ag.logged_in) return Error::conflict("agent '" + c.agent + "' is logged out");
  if (ag.ready) return {};
  ag.ready = true;
  ag.reason = kNoRef;
  if (ag.slots.empty()) ag.idle_since = now_;
  update_status(*a);
  agent_available(*a);
  return {};
}

Status Core::set_not_ready(const AgentNotReady& c) {
  auto a = find_agent(c.agent);
  if (!a) return a.error();
  if (!agents_[*a].logged_in) return Error::conflict("agent '" + c.agent + "' is logged out");
  make_not_ready(*a, intern_reason(c.reason.empty() ? "break" : c.reason));
  return {};
}

void Core::make_not_ready(Ref a, Ref reason) {
  AgentRt& ag = agents_[a];
  ag.ready = false;
  ag.reason = reason;
  refresh_idle(a);
  update_status(a);
}

Status Core::logout(const AgentLogout& c) {
  auto a = find_agent(c.agent);
  if (!a) return a.error();
  AgentRt& ag = agents_[*a];
  if (!ag.logged_in) return Error::conflict("agent '" + c.agent + "' is logged out");
  if (!ag.slots.empty()) return Error::conflict("agent '" + c.agent + "' still holds contacts");
  if (ag.consulting != kNoRef) return Error::conflict("agent '" + c.agent + "' is in a consult");
  ag.ready = false;
  refresh_idle(*a);  // leaves every idle set
  ag.logged_in = false;
  ag.reason = kNoRef;
  for (const Membership& m : ag.members) profiles_[m.profile].idle.release(m.idle_handle);
  ag.members.clear();
  for (Ref q : ag.queues) {
    mark_queue(q);
    auto& v = queues_[q].agents;
    v.erase(std::find(v.begin(), v.end(), *a));
  }
  ag.queues.clear();
  update_status(*a);
  return {};
}

static AgentStatus derive_status(const AgentRt& a) {
  if (!a.logged_in) return AgentStatus::logged_out;
  bool offered = false, active = false, wrap = false;
  for (const Slot& s : a.slots) {
    offered |= s.state == SlotState::offered;
    active |= s.state == SlotState::active;
    wrap |= s.state == SlotState::wrapup;
  }
  if (active || a.consulting != kNoRef) return AgentStatus::busy;
  if (offered) return AgentStatus::reserved;
  if (wrap) return AgentStatus::wrap_up;
  return a.ready ? AgentStatus::ready : AgentStatus::not_ready;
}

// The statistic that accumulates time spent in each status (none while
// logged out), indexed by AgentStatus.
static constexpr Duration AgentStats::*kStatusTime[] = {
    nullptr,                      // logged_out
    &AgentStats::ready_time,      // ready
    &AgentStats::not_ready_time,  // not_ready
    &AgentStats::busy_time,       // reserved
    &AgentStats::busy_time,       // busy
    &AgentStats::busy_time,       // wrap_up
};

void Core::update_status(Ref a) {
  AgentRt& ag = agents_[a];
  AgentStatus s = derive_status(ag);
  Ref reason = s == AgentStatus::not_ready ? ag.reason : kNoRef;
  if (s == ag.status && reason == ag.shown_reason) return;
  if (Duration AgentStats::*spent = kStatusTime[static_cast<int>(ag.status)])
    ag.stats.*spent += now_ - ag.status_since;
  ag.status_since = now_;
  ag.status = s;
  ag.shown_reason = reason;
  Event& e = emit(EventKind::agent_state_changed, kNoRef, a, kNoRef);
  e.code = static_cast<std::uint8_t>(s);
  e.reason = reason;
}

// Bit c set when x[c] < y[c]: the eight byte comparisons at once.
static unsigned below_mask(const std::array<std::uint8_t, 8>& x,
                           const std::array<std::uint8_t, 8>& y) {
  using U8x8 = std::uint8_t __attribute__((vector_size(8)));
  U8x8 vx, vy;
  std::memcpy(&vx, x.data(), 8);
  std::memcpy(&vy, y.data(), 8);
  const U8x8 lt = vx < vy;  // 0xff in the lanes where it holds
  std::uint64_t m;
  std::memcpy(&m, &lt, 8);
  // Gather the top bit of each byte into the top byte, lane c at bit c.
  return static_cast<unsigned>(((m & 0x8080808080808080ull) * 0x0002040810204081ull) >> 56);
}

void Core::recount(AgentRt& a) {
  a.count = {};
  a.blocked = 0;
  for (const Slot& s : a.slots) {
    auto c = static_cast<int>(s.channel);
    ++a.count[c];
    a.blocked |= a.cap.blocks[c];
  }
  a.free_channels = static_cast<std::uint8_t>(below_mask(a.count, a.cap.capacity) & ~a.blocked);
}

int Core::find_slot(const AgentRt& a, Ref contact) const {
  for (std::size_t i = 0; i < a.slots.size(); ++i) {
    if (a.slots[i].contact == contact) return static_cast<int>(i);
  }
  return -1;
}

static IdleKey idle_key(SelectionPolicy p, const AgentRt& a, const Membership& m, Ref agent) {
  std::int64_t idle = to_millis(a.idle_since);
  switch (p) {
    case SelectionPolicy::longest_idle:
      return {idle, 0, agent};
    case SelectionPolicy::most_skilled:
      return {-m.score, idle, agent};
    case SelectionPolicy::least_occupied:
      return {static_cast<std::int64_t>(a.slots.size()), idle, agent};
    case SelectionPolicy::round_robin:
      return {static_cast<std::int64_t>(a.last_offer), 0, agent};
  }
  return {idle, 0, agent};
}

void Core::refresh_idle(Ref a) {
  AgentRt& ag = agents_[a];
  // Eligible nowhere and idle nowhere (an agent whose offer filled it):
  // nothing to add or remove.
  if (!has_capacity(ag) && ag.idle_links == 0) return;
  for (Membership& m : ag.members) {
    Profile& p = profiles_[m.profile];
    if (!eligible(ag, p.channel)) {
      if (m.in_idle) {
        p.idle.erase(m.idle_handle);
        m.in_idle = false;
        --ag.idle_links;
      }
      continue;
    }
    const IdleKey k = idle_key(queues_[p.queue].policy, ag, m, a);
    if (m.in_idle && k.a == m.key_a && k.b == m.key_b) continue;
    p.idle.set(m.idle_handle, k);  // inserts, or moves the agent to its new key
    m.key_a = k.a;
    m.key_b = k.b;
    if (!m.in_idle) ++ag.idle_links;
    m.in_idle = true;
  }
}

// The agent may take more work: give it the best waiting contacts it can
// take, then publish whatever capacity is left in the idle sets.
bool Core::agent_available(Ref a) {
  bool offered = false;
  // After an offer fills the agent (a voice call blocks every channel), no
  // profile link is eligible: skip reading them for nothing.
  while (has_capacity(agents_[a])) {
    Ref c = best_contact_for(agents_[a]);
    if (c == kNoRef) break;
    offer(c, a);
    offered = true;
  }
  // offer() ends with refresh_idle and its status event; nothing changed
  // since, so only an agent that got no offer needs the refresh here.
  if (!offered) refresh_idle(a);
  return offered;
}

}  // namespace tamas::engine::detail
