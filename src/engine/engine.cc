// Engine: the public face over detail::Core.
#include "engine/engine.h"

#include <sstream>

#include "engine/detail/core.h"

namespace tamas::engine {

using detail::Core;

Engine::Engine(std::unique_ptr<Core> core) : core_(std::move(core)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::create(const EngineConfig& config) {
  auto core = std::make_unique<Core>();
  if (Status s = core->init(config); !s) return s.error();
  return std::unique_ptr<Engine>(new Engine(std::move(core)));
}

template <class Run>
ApplyResult Engine::run_at(Instant now, Run&& run) {
  Core& c = *core_;
  c.out_.clear();
  c.recycle_contacts();
  c.fire_timers(now);
  ApplyResult r{run(c), {}};  // the command's Status is built in place
  // Timers the command set in the past (a re-queued contact's relaxation
  // and overflow) fire now; commands set every other timer after `now`.
  c.fire_timers(now);
  r.events = std::span<const Event>(c.out_);
  return r;
}

ApplyResult Engine::apply(const Command& command, Instant now) {
  return run_at(now, [&](Core& c) { return c.run(command); });
}

namespace {
// Refs are checked after timers fired and contacts were recycled, exactly
// when the string form would resolve its ids. The checks build a Status only
// when they fail (a Status carries a string: not free on the hot path).
bool agent_known(const Core& c, Ref a) {
  return a < c.agents_.size();
}
bool contact_live(const Core& c, Ref r) {
  return r < c.contacts_.size() && c.contacts_[r].state != detail::ContactState::free;
}
Status unknown_agent(Ref a) {
  return Error::not_found("agent ref " + std::to_string(a));
}
Status unknown_contact(Ref r) {
  return Error::not_found("contact ref " + std::to_string(r));
}
}  // namespace

ApplyResult Engine::accept_offer(Ref agent, Ref contact, Instant now) {
  return run_at(now, [&](Core& c) -> Status {
    if (!agent_known(c, agent)) return unknown_agent(agent);
    if (!contact_live(c, contact)) return unknown_contact(contact);
    return c.accept(agent, contact);
  });
}

ApplyResult Engine::end_contact(Ref contact, Instant now) {
  return run_at(now, [&](Core& c) -> Status {
    if (!contact_live(c, contact)) return unknown_contact(contact);
    return c.end_contact(contact);
  });
}

ApplyResult Engine::wrapup_done(Ref agent, Ref contact, Instant now) {
  return run_at(now, [&](Core& c) -> Status {
    if (!agent_known(c, agent)) return unknown_agent(agent);
    if (!contact_live(c, contact)) return unknown_contact(contact);
    return c.wrapup_done(agent, contact);
  });
}

ApplyResult Engine::arrive(Ref queue, const ContactArrive& contact, Instant now) {
  // Start loading the id index slot the uniqueness check probes while
  // timers and recycling run.
  const std::uint32_t h = detail::IdIndex::hash(contact.contact);
  core_->contact_ids_.prefetch(h);
  return run_at(now, [&](Core& c) { return c.arrive(contact, h, true, queue); });
}

Ref Engine::agent_ref(std::string_view agent) const {
  return core_->agent_ref(agent);
}
Ref Engine::contact_ref(std::string_view contact) const {
  return core_->contact_ref(contact);
}
Ref Engine::queue_ref(std::string_view queue) const {
  auto it = core_->queue_ids_.find(queue);
  return it == core_->queue_ids_.end() ? kNoRef : it->second;
}

ApplyResult Engine::advance_to(Instant now) {
  return apply(AdvanceTime{}, now);
}

Instant Engine::now() const {
  return core_->now_;
}

std::string_view Engine::contact_id(Ref c) const {
  if (c >= core_->contacts_.size() || core_->contacts_[c].state == detail::ContactState::free)
    return "";
  return core_->contact_names_[c];
}
std::string_view Engine::agent_id(Ref a) const {
  return a < core_->agents_.size() ? std::string_view(core_->agents_[a].id) : "";
}
std::string_view Engine::queue_id(Ref q) const {
  return q < core_->queues_.size() ? std::string_view(core_->queues_[q].id) : "";
}
std::string_view Engine::reason_name(Ref r) const {
  return r < core_->reason_names_.size() ? std::string_view(core_->reason_names_[r]) : "";
}

namespace {
Result<Ref> find(const detail::NameMap& m, std::string_view id, const char* what) {
  auto it = m.find(id);
  if (it == m.end()) return Error::not_found(std::string(what) + " '" + std::string(id) + "'");
  return it->second;
}
}  // namespace

Result<QueueStats> Engine::queue_stats(std::string_view queue) const {
  auto q = find(core_->queue_ids_, queue, "queue");
  if (!q) return q.error();
  return core_->queue_snapshot(*q);
}

Result<SloStats> Engine::slo_stats(std::string_view slo) const {
  auto s = find(core_->slo_ids_, slo, "SLO");
  if (!s) return s.error();
  return core_->slo_snapshot(*s);
}

std::vector<std::string> Engine::slo_ids() const {
  std::vector<std::string> out;
  for (const auto& s : core_->slos_) out.push_back(s.config.id);
  return out;
}

std::string_view Engine::contact_slo(std::string_view contact) const {
  Ref c = core_->contact_ref(contact);
  if (c == kNoRef || core_->contacts_[c].slo == kNoRef) return "";
  return core_->slos_[core_->contacts_[c].slo].config.id;
}

StatsChanges Engine::take_stats_changes() {
  return core_->take_changes();
}

Result<AgentStats> Engine::agent_stats(std::string_view agent) const {
  auto a = core_->find_agent(agent);
  if (!a) return a.error();
  return core_->agent_snapshot(*a);
}

Result<AgentView> Engine::agent_view(std::string_view agent) const {
  auto a = core_->find_agent(agent);
  if (!a) return a.error();
  const detail::AgentRt& ag = core_->agents_[*a];
  AgentView v;
  v.status = ag.status;
  v.reason = std::string(reason_name(ag.shown_reason));
  v.active = static_cast<int>(ag.slots.size());
  return v;
}

Result<std::vector<WaitingContact>> Engine::waiting(std::string_view queue) const {
  auto q = find(core_->queue_ids_, queue, "queue");
  if (!q) return q.error();
  return core_->waiting_rows(*q);
}

Result<WaitingContact> Engine::waiting_contact(std::string_view contact) const {
  auto c = core_->find_contact(contact);
  if (!c) return c.error();
  const detail::ContactRt& ct = core_->contacts_[*c];
  if (ct.state != detail::ContactState::waiting) {
    return Error::conflict("contact '" + std::string(contact) + "' is not waiting");
  }
  for (const WaitingContact& w : core_->waiting_rows(ct.queue)) {
    if (w.contact == *c) return w;
  }
  return Error::internal("waiting contact missing from its queue");
}

std::string Engine::dump_state() const {
  const Core& c = *core_;
  std::ostringstream o;
  o << "now " << to_millis(c.now_) << " events " << c.event_seq_ << "\n";
  for (std::size_t i = 0; i < c.agents_.size(); ++i) {
    const auto& a = c.agents_[i];
    o << "agent " << a.id << " " << to_string(a.status) << " " << reason_name(a.shown_reason)
      << " idle_since=" << to_millis(a.idle_since) << " last_offer=" << a.last_offer
      << " handled=" << a.stats.handled;
    if (a.consulting != kNoRef) o << " consulted_on=" << c.contact_names_[a.consulting];
    for (const auto& s : a.slots) {
      o << " [" << c.contact_names_[s.contact] << " " << static_cast<int>(s.state)
        << (s.held ? " held" : "") << " hold=" << s.hold.count() << "]";
    }
    o << "\n";
  }
  for (std::size_t q = 0; q < c.queues_.size(); ++q) {
    QueueStats s = c.queue_snapshot(static_cast<Ref>(q));
    o << "queue " << c.queues_[q].id << " open=" << c.queues_[q].open << " waiting=" << s.waiting
      << " offered=" << s.offered << " answered=" << s.answered << " abandoned=" << s.abandoned
      << " within=" << s.answered_within << " aht_ms=" << c.queues_[q].aht_ms << " :";
    for (const WaitingContact& w : c.waiting_rows(static_cast<Ref>(q))) {
      o << " " << c.contact_names_[w.contact];
    }
    o << "\n";
  }
  for (std::size_t r = 0; r < c.contacts_.size(); ++r) {
    const detail::ContactRt& ct = c.contacts_[r];
    const detail::ContactMore& more = c.contact_more_[r];
    if (ct.state == detail::ContactState::free) continue;
    o << "contact " << c.contact_names_[r] << " state=" << static_cast<int>(ct.state)
      << " queue=" << ct.queue << " key=" << more.key << " step=" << int(ct.relax_step)
      << " head=" << ct.head << " cb=" << ct.callback << " slo=" << ct.slo
      << " arrived=" << to_millis(more.arrived) << "\n";
  }
  return o.str();
}

}  // namespace tamas::engine
