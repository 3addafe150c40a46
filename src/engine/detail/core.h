// Internal state of the engine. One Core per Engine; single-threaded.
//
// Indexes (what makes a decision cheap):
// - A Profile is (queue, channel, callback?, skill requirements). Contacts
//   with the same profile share one ContactHeap; agents qualified for a
//   profile are linked to it once (at login or when the profile is first
//   created), with their policy score precomputed.
// - Profile::idle holds the agents that could take a contact of the profile
//   right now, ordered by the queue's selection policy (an indexed heap: no
//   allocation when agents come and go). Invariant: a profile
//   never has both waiting (routable) contacts and idle agents.
// - An agent that frees capacity looks only at the heads of its linked
//   profiles; an arriving contact looks only at its profile's idle set.
// - Timers live in one min-heap, cancelled lazily by generation numbers.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "engine/command.h"
#include "engine/config.h"
#include "engine/detail/contact_heap.h"
#include "engine/detail/id_index.h"
#include "engine/detail/idle_heap.h"
#include "engine/engine.h"
#include "engine/event.h"
#include "engine/stats.h"

namespace tamas::engine::detail {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using NameMap = std::unordered_map<std::string, Ref, StringHash, std::equal_to<>>;

struct Req {
  std::uint16_t skill = 0;
  std::uint8_t level = 1;
  bool operator==(const Req&) const = default;
};
using Reqs = std::vector<Req>;  // sorted by skill

// Starts loading every cache line of [p, p + n) (a hint; never faults).
inline void prefetch_lines(const void* p, std::size_t n) {
  const auto first = reinterpret_cast<std::uintptr_t>(p) & ~std::uintptr_t{63};
  const auto end = reinterpret_cast<std::uintptr_t>(p) + n;
  for (std::uintptr_t line = first; line < end; line += 64) {
    __builtin_prefetch(reinterpret_cast<const void*>(line));
  }
}

inline std::int64_t ms(Instant t) {
  return to_millis(t);
}
inline std::int64_t ms(Duration d) {
  return d.count();
}

struct QueueRt {
  std::string id;
  SelectionPolicy policy = SelectionPolicy::longest_idle;
  int max_size = 0;
  Duration offer_timeout{0}, wrapup_limit{0}, overflow_after{0};
  Ref overflow_target = kNoRef;
  std::vector<std::pair<Duration, Reqs>> relax;
  std::int64_t aging = 0;  // micro-points per millisecond
  int default_priority = 0;
  Reqs default_reqs;
  Duration sl_threshold{0};
  std::function<Duration(Instant, Instant)> sl_business_time;  // null: elapsed
  bool announce = true;
  FallbackAction closed_action, no_agents_action, full_action;
  bool open = true;
  // Runtime.
  std::vector<Ref> profiles;
  std::array<Ref, kChannelCount> arrival_profile;  // cache: default skills, by channel
  std::vector<Ref> agents;                         // logged-in agents serving the queue
  int waiting = 0;
  double aht_ms = 0;    // moving average handle time
  QueueStats counters;  // counter fields only; gauges filled on read
};

// The first cache line holds what Core::best_contact_for reads of a
// profile: a copy of its best waiting contact (kept by Core::place and
// Core::unqueue, the only places its heap changes), the queue's aging rate
// (copied so the queue record stays untouched) and the channel.
struct alignas(64) Profile {
  HeapEntry front;         // contacts.top(); front.contact == kNoRef when empty
  std::int64_t aging = 0;  // queues_[queue].aging (constant)
  Ref queue = kNoRef;
  Channel channel = Channel::voice;
  bool callback = false;
  bool held_when_closed = false;  // callback tasks wait for opening hours
  ContactHeap contacts;
  Reqs reqs;
  IdleHeap idle;
};

enum class SlotState : std::uint8_t { offered, active, wrapup };

struct Slot {
  Ref contact = kNoRef;
  Channel channel = Channel::voice;
  SlotState state = SlotState::offered;
  Ref queue = kNoRef;
  std::uint32_t gen = 0;  // wrap-up timer identity
  Instant since{};        // answered (active) or wrap-up start
  Instant answered{};
  Instant hold_since{};
  Duration hold{0};   // finished holds of this interaction
  bool held = false;  // active and on hold since hold_since
};

// One SLO: its match and its figures (counter fields; gauges on read).
struct SloRt {
  SloConfig config;
  int wild = 0;  // number of wildcards (fewer = more specific)
  SloFigures total;
  std::vector<SloFigures> by_queue;  // by queue ref
};

struct Membership {
  Ref profile = kNoRef;
  std::int32_t score = 0;         // most_skilled: summed levels of the requirements
  std::uint32_t idle_handle = 0;  // this link's handle in profiles_[profile].idle
  bool in_idle = false;
  // The key in the idle heap while in_idle, but for its agent part (always
  // this agent): 32 bytes a link.
  std::int64_t key_a = 0, key_b = 0;
};

// Laid out by when the fields are touched: the first three cache lines hold
// what a routing decision reads and writes of the agent that frees (state,
// capacity, idle keys, its slots and links, the statistics it accumulates);
// the rest (id, skills, queues, SLO rows) is read at login, on errors and
// in dumps.
struct alignas(64) AgentRt {
  bool logged_in = false;
  bool ready = false;
  AgentStatus status = AgentStatus::logged_out;
  std::uint8_t blocked = 0;  // channels blocked by current interactions
  // Bit c: a slot free on channel c and c not blocked (kept by recount()).
  static_assert(kChannelCount <= 8);
  std::uint8_t free_channels = 0;
  std::uint16_t idle_links = 0;  // members with in_idle set
  Ref reason = kNoRef;
  Ref shown_reason = kNoRef;  // reason in the last state event
  // The contact this agent is consulted on (busy); beside what eligible()
  // reads, so the check costs no extra cache line.
  Ref consulting = kNoRef;
  std::array<std::uint8_t, kChannelCount> count{};
  CapacityProfile cap;
  Instant status_since{};
  Instant idle_since{};
  std::uint64_t last_offer = 0;
  std::vector<Slot> slots;
  std::vector<Membership> members;
  AgentStats stats;
  // Cold.
  std::string id;
  std::vector<std::uint8_t> levels;  // by skill ref; 0 = lacks the skill
  std::vector<Ref> queues;
  std::vector<std::pair<Ref, SloFigures>> slo_rows;  // SLOs this agent answered
};

enum class ContactState : std::uint8_t { free, waiting, offered, active, done };

// A live contact lives in three tables indexed by its ref, split by when
// they are touched, so that the records a routing decision reads at random
// (the contact whose call ends, the one offered) are small:
// - ContactRt (32 B, half a cache line): what every command on a live
//   contact reads: state, queue, agent, timer identities, SLO, id hash (for
//   erasing it from the id index without rehashing). Recycling a ref
//   rewrites only this record;
// - ContactMore (44 B in a 64 B line of its own: a record never spans two
//   lines): times, queue order and profile, written whole at
//   arrival and at (re)queueing, read while waiting and at answer, abandon,
//   relaxation, overflow and pulls;
// - the id (Core::contact_names_), written at arrival, compared when a
//   lookup's hash matches, read by contact_id() and dumps; stale (not read)
//   while the ref is free.
struct alignas(32) ContactRt {
  Channel channel = Channel::voice;
  ContactState state = ContactState::free;
  bool callback = false;
  bool head = false;
  bool completed = false;
  std::uint8_t relax_step = 0;
  std::uint8_t pins = 0;  // agent slots referring to this contact
  Ref queue = kNoRef;
  Ref agent = kNoRef;           // offered to / talking with
  std::uint32_t gen = 0;        // offer timer identity
  std::uint32_t queue_gen = 0;  // relax/overflow timer identity
  Ref slo = kNoRef;             // resolved once at arrival
  std::uint32_t id_hash = 0;    // IdIndex::hash(id): erasing needs no rehash
};
static_assert(sizeof(ContactRt) == 32);

struct alignas(64) ContactMore {
  Instant queued_at{};  // entered its current queue (answer reads both times)
  Instant arrived{};
  std::int64_t key = 0;  // base priority - aging * arrival (see ContactHeap)
  std::uint64_t seq = 0;
  int priority = 0;
  Ref base_profile = kNoRef;  // requirements before relaxation
  Ref profile = kNoRef;       // current (while waiting)
};
static_assert(sizeof(ContactMore) == 64);

enum class TimerKind : std::uint8_t { offer_timeout, relax, overflow, wrapup_limit };

struct Timer {
  std::int64_t when = 0;
  std::uint64_t seq = 0;
  TimerKind kind = TimerKind::offer_timeout;
  std::uint8_t aux = 0;
  Ref obj = kNoRef;
  std::uint32_t gen = 0;
  bool operator>(const Timer& o) const { return when != o.when ? when > o.when : seq > o.seq; }
};

class Core {
 public:
  Status init(const EngineConfig& config);
  Status run(const Command& command);  // at now_
  // Fires every timer due by `until`, each at its instant; now_ ends at
  // `until`. Inline test: most commands find no timer due.
  void fire_timers(Instant until) {
    if (!timers_.empty() && timers_.top().when <= ms(until)) {
      fire_due_timers(until);
    } else if (now_ < until) {
      now_ = until;
    }
  }
  void fire_due_timers(Instant until);

  // ---- state ----
  Instant now_{};
  std::vector<Event> out_;
  std::uint64_t event_seq_ = 0;
  std::uint64_t arrival_seq_ = 0;
  std::uint64_t offer_seq_ = 0;
  std::uint64_t timer_seq_ = 0;
  std::uint32_t slot_gen_ = 0;
  double aht_alpha_ = 0.2;
  bool track_changes_ = true;  // EngineConfig::track_stats_changes
  CapacityProfile default_cap_;
  NameMap skill_ids_, queue_ids_, reason_ids_, profile_ids_;
  IdIndex agent_ids_, contact_ids_;  // ids live in agents_[r].id / contact_names_[r]
  std::vector<std::string> skill_names_, reason_names_;
  std::vector<QueueRt> queues_;
  struct RuleRt {
    RoutingRule match;
    Ref queue = kNoRef;
    std::optional<int> priority;
    std::optional<Reqs> reqs;
    std::array<Ref, kChannelCount> arrival_profile;  // cache when reqs is set
  };
  std::vector<RuleRt> rules_;
  Ref default_queue_ = kNoRef;
  std::vector<Profile> profiles_;
  std::vector<AgentRt> agents_;
  std::vector<ContactRt> contacts_;         // by contact ref (see ContactRt)
  std::vector<ContactMore> contact_more_;   // by contact ref
  std::vector<std::string> contact_names_;  // by contact ref; "" when free
  std::vector<std::uint32_t> heap_pos_;     // by contact ref
  std::vector<Ref> free_contacts_, pending_free_;
  std::vector<std::pair<Ref, Ref>> consults_;  // (contact, consulted agent), few
  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers_;
  std::vector<SloRt> slos_;
  NameMap slo_ids_;
  // Statistics changed since take_stats_changes(): a flag per object and
  // the flagged refs in first-change order.
  std::vector<std::uint8_t> queue_dirty_, agent_dirty_, slo_dirty_;
  std::vector<Ref> dirty_queues_, dirty_agents_, dirty_slos_;

  // ---- helpers (core.cc, agents.cc, contacts.cc, dispatch.cc) ----
  Ref agent_ref(std::string_view id) const {
    return agent_ids_.find(id, [this](Ref r) -> std::string_view { return agents_[r].id; });
  }
  Ref contact_ref(std::string_view id) const {
    return contact_ids_.find(id, [this](Ref r) -> std::string_view { return contact_names_[r]; });
  }
  Result<Ref> find_agent(std::string_view id) const;
  Result<Ref> find_contact(std::string_view id) const;
  // Appends an event naming these objects and, with change tracking on,
  // marks their statistics changed: the queues, the agent and the SLO of
  // the contact (every event names what it changed). The caller fills the
  // event's other fields; these four are not changed after.
  [[gnu::always_inline]] Event& emit(EventKind kind, Ref contact, Ref agent, Ref queue,
                                     Ref queue2 = kNoRef) {
    Event& e = out_.emplace_back(Event{.seq = ++event_seq_,
                                       .at = now_,
                                       .kind = kind,
                                       .contact = contact,
                                       .agent = agent,
                                       .queue = queue,
                                       .queue2 = queue2});
    if (track_changes_) mark_named(contact, agent, queue, queue2);
    return e;
  }
  Ref intern_reason(std::string_view name);
  Result<Reqs> compile_reqs(const std::vector<SkillRequirement>& skills) const;
  Ref intern_profile(Ref queue, Channel ch, bool callback, const Reqs& reqs);
  bool qualifies(const AgentRt& a, const Reqs& reqs) const;
  int skill_score(const AgentRt& a, const Reqs& reqs) const;
  void link_member(Ref agent, Ref profile);
  void add_timer(Instant when, TimerKind kind, Ref obj, std::uint32_t gen, std::uint8_t aux = 0);
  void recycle_contacts() {
    if (!pending_free_.empty()) recycle_pending();
  }
  void recycle_pending();
  // The contact is over for the engine and every agent: its slot is reused
  // at the next apply (recycle_contacts).
  // Recycling erases its index slot; the next arrival reuses the ref (the
  // free list is LIFO) and rewrites its more record, name and heap
  // position: start loading them now.
  void retire(Ref c) {
    pending_free_.push_back(c);
    contact_ids_.prefetch(contacts_[c].id_hash);
    __builtin_prefetch(&contact_more_[c], 1);
    __builtin_prefetch(&contact_names_[c], 1);
    __builtin_prefetch(&heap_pos_[c], 1);  // written when it is queued
  }
  void reset_stats();

  // agents.cc
  Status login(const AgentLogin& c);
  Status set_ready(const AgentReady& c);
  Status set_not_ready(const AgentNotReady& c);
  Status logout(const AgentLogout& c);
  void make_not_ready(Ref a, Ref reason);
  void update_status(Ref a);
  // Inline: tested per profile link at every decision.
  bool eligible(const AgentRt& a, Channel ch) const { return takes_work(a) && slot_free(a, ch); }
  // Logged in, ready and not held in a consult: may be offered work.
  static bool takes_work(const AgentRt& a) {
    return a.logged_in && a.ready && a.consulting == kNoRef;
  }
  // Capacity left on the channel, and not blocked by what the agent holds.
  static bool slot_free(const AgentRt& a, Channel ch) {
    return (a.free_channels >> static_cast<int>(ch)) & 1u;
  }
  // Eligible for some channel (what best_contact_for needs to find any).
  bool has_capacity(const AgentRt& a) const { return takes_work(a) && a.free_channels != 0; }
  void refresh_idle(Ref a);
  // Returns whether it offered anything (offer() already updated the
  // agent's status and idle sets then).
  bool agent_available(Ref a);
  void recount(AgentRt& a);  // count, blocked and free_channels from slots and cap
  int find_slot(const AgentRt& a, Ref contact) const;

  // contacts.cc
  Status arrive(const ContactArrive& c);
  // by_ref: the queue is queue_ref (c.queue and the rules are not consulted);
  // REQUIRES id_hash == IdIndex::hash(c.contact).
  Status arrive(const ContactArrive& c, std::uint32_t id_hash, bool by_ref, Ref queue_ref);
  Status accept(const AcceptOffer& c);
  Status accept(Ref agent, Ref contact);  // ref forms: refs already checked
  Status reject(const RejectOffer& c);
  Status abandon(const ContactAbandon& c);
  Status end_contact(const ContactEnd& c);
  Status end_contact(Ref contact);
  Status wrapup_done(const WrapUpDone& c);
  Status wrapup_done(Ref agent, Ref contact);
  Status request_callback(const CallbackRequest& c);
  void finish_wrapup(Ref a, int slot_index);
  void complete(Ref c, Outcome outcome);

  // transfer.cc
  Status transfer_to_queue(const TransferToQueue& c);
  Status transfer_to_agent(const TransferToAgent& c);
  Status open_queue(const QueueOpen& c, bool open);
  void release_agent_slot(Ref c);

  // dispatch.cc
  // fresh_queue: the contact enters `queue` (counted, timers from `since`).
  void enqueue(Ref c, Ref queue, Ref base_profile, bool fresh_queue, Instant since);
  void place(Ref c);  // into its current profile heap, then try an idle agent
  void unqueue(Ref c);
  void offer(Ref c, Ref a);
  void revoke(Ref c, RevokeReason why);
  Ref best_contact_for(const AgentRt& a) const;
  void drain(Ref profile);
  Ref current_profile(Ref c);
  void return_to_head(Ref c, RevokeReason why, std::string_view reason);
  void fallback(Ref c, Ref queue, const FallbackAction& action, FallbackReason why);
  std::int64_t score_now(Ref c) const;
  int position_of(Ref c) const;
  Duration ewt_for(const QueueRt& q, int position) const;

  // timers.cc
  void on_timer(const Timer& t);
  void relax(Ref c, int step);
  void overflow(Ref c);

  // consult.cc
  Status begin_consult(const ConsultBegin& c);
  Status end_consult(const ConsultEnd& c);
  // Frees the agent consulted on `contact`; false when nobody is.
  bool release_consulted(Ref contact);
  bool takes_consulted(const AgentRt& a, Ref contact, Channel ch) const;
  std::vector<std::pair<Ref, Ref>>::iterator consulted_on(Ref contact);  // in consults_

  // hold.cc
  Status hold(const ContactHold& c);
  Status resume(const ContactResume& c);
  void end_hold(Slot& s);

  // slo.cc
  Status init_slos(const std::vector<SloConfig>& slos);
  // The slo_* counters of a contact with an SLO; inline: a contact without
  // one (or a strategy without SLOs) costs a test, not a call.
  Ref resolve_slo(const ContactArrive& c) const { return slos_.empty() ? kNoRef : match_slo(c); }
  void slo_offered(const ContactRt& ct, Ref queue, bool first) {
    if (ct.slo != kNoRef) count_slo_offered(ct, queue, first);
  }
  void slo_waiting(const ContactRt& ct, int delta) {
    if (ct.slo != kNoRef) count_slo_waiting(ct, delta);
  }
  void slo_answered(const ContactRt& ct, Instant arrived, Ref agent, Duration wait) {
    if (ct.slo != kNoRef) count_slo_answered(ct, arrived, agent, wait);
  }
  void slo_abandoned(const ContactRt& ct, Duration wait) {
    if (ct.slo != kNoRef) count_slo_abandoned(ct, wait);
  }
  void slo_handled(const ContactRt& ct, Ref agent, Ref queue, Duration handle, Duration hold) {
    if (ct.slo != kNoRef) count_slo_handled(ct, agent, queue, handle, hold);
  }
  Ref match_slo(const ContactArrive& c) const;
  void count_slo_offered(const ContactRt& ct, Ref queue, bool first);
  void count_slo_waiting(const ContactRt& ct, int delta);
  void count_slo_answered(const ContactRt& ct, Instant arrived, Ref agent, Duration wait);
  void count_slo_abandoned(const ContactRt& ct, Duration wait);
  void count_slo_handled(const ContactRt& ct, Ref agent, Ref queue, Duration handle, Duration hold);
  SloStats slo_snapshot(Ref slo) const;
  void reset_slo_stats();

  // dirty.cc: marks from the events as they are emitted, plus explicit
  // marks. Inline: a flag test per named object on the hot path. The flag
  // vectors are sized with their objects (queues and SLOs at init, agents
  // as they are first seen), so every real ref has its flag.
  static void mark(std::vector<std::uint8_t>& flags, std::vector<Ref>& list, Ref r) {
    if (r == kNoRef) return;
    assert(r < flags.size());
    if (flags[r]) return;
    flags[r] = 1;
    list.push_back(r);
  }
  void mark_queue(Ref q) { mark(queue_dirty_, dirty_queues_, q); }
  void mark_agent(Ref a) { mark(agent_dirty_, dirty_agents_, a); }
  void mark_slo(Ref s) { mark(slo_dirty_, dirty_slos_, s); }
  [[gnu::always_inline]] void mark_named(Ref contact, Ref agent, Ref queue, Ref queue2) {
    mark_queue(queue);
    mark_queue(queue2);
    mark_agent(agent);
    if (contact != kNoRef && !slos_.empty()) mark_slo(contacts_[contact].slo);
  }
  StatsChanges take_changes();

  // stats / dump (stats.cc)
  QueueStats queue_snapshot(Ref q) const;
  AgentStats agent_snapshot(Ref a) const;
  std::vector<WaitingContact> waiting_rows(Ref q) const;
};

}  // namespace tamas::engine::detail
