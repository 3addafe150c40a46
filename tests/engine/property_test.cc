// Property tests: seeded random workloads against the invariants of issue 3.
// A small model tracks what the engine told us (offers, revokes, queueing)
// and what we told it (skills, readiness), and checks after every command:
// - no offer to an agent lacking the skill level, the capacity or readiness;
// - within a queue (equal priority), an offer never skips an older contact
//   the same agent could take (FIFO), except contacts returned to the head;
// - no contact waits while a qualified agent is ready with capacity;
// - every contact completes exactly once;
// - an agent consulted on a contact (attended transfer) is offered nothing;
// - replaying the command log rebuilds identical events and state.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <span>

#include "engine/describe.h"
#include "engine/engine.h"

namespace tamas::engine {
namespace {

using std::chrono::seconds;

EngineConfig make_config() {
  EngineConfig c;
  c.skills = {"s0", "s1", "s2", "s3"};
  const SelectionPolicy policies[] = {SelectionPolicy::longest_idle, SelectionPolicy::most_skilled,
                                      SelectionPolicy::least_occupied,
                                      SelectionPolicy::round_robin};
  for (int i = 0; i < 4; ++i) {
    QueueConfig q;
    q.id = "q" + std::to_string(i);
    q.policy = policies[i];
    q.default_skills = {{"s" + std::to_string(i), 3}};
    q.relaxation = {{seconds(20), {{"s" + std::to_string(i), 2}}}, {seconds(40), {}}};
    q.offer_timeout = seconds(8 + i);
    q.wrapup_limit = i % 2 ? seconds(15) : Duration{0};
    q.aging_per_second = i == 3 ? 0.5 : 0;
    if (i < 2) {
      q.overflow_after = seconds(50);
      q.overflow_target = "q" + std::to_string(i + 2);
    }
    c.queues.push_back(q);
  }
  return c;
}

struct MAgent {
  bool logged_in = false, ready = false;
  std::map<int, int> levels;
  std::set<int> queues;
  std::map<std::string, Channel> slots;  // contact -> channel (offered/active/wrap)
  std::set<std::string> wrapping, active, offered;
  std::string consulted_on;  // the contact a colleague consults them about
};

struct MContact {
  Channel channel = Channel::voice;
  int queue = 0;
  Instant queued_at{};
  std::uint64_t order = 0;
  bool waiting = false, returned = false;
  int completions = 0;
};

class Workload {
 public:
  explicit Workload(unsigned seed) : rng_(seed), config_(make_config()) {
    engine_ = Engine::create(config_).value();
  }

  void run(int steps) {
    for (int i = 0; i < steps && !::testing::Test::HasFailure(); ++i) step();
    finish();
    check_replay();
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string agent_name(int i) { return "a" + std::to_string(i); }

  bool apply(const Command& cmd) {
    now_ += Duration(pick(1500));
    log_.emplace_back(cmd, now_);
    ApplyResult r = engine_->apply(cmd, now_);
    // Offers and wrap-ups may have timed out at `now`, just before the command.
    bool may_race =
        std::holds_alternative<AcceptOffer>(cmd) || std::holds_alternative<RejectOffer>(cmd) ||
        std::holds_alternative<WrapUpDone>(cmd) || std::holds_alternative<AgentLogout>(cmd);
    EXPECT_TRUE(r.status.ok() || may_race)
        << "command " << cmd.index()
        << " refused: " << (r.status.ok() ? "" : r.status.error().message) << recent();
    texts_.reserve(texts_.size() + r.events.size());
    for (const Event& e : r.events) texts_.push_back(describe(*engine_, e));
    // Timers fire before the command, so a command's own effect on readiness
    // lands after the timer events of the same apply.
    std::size_t split = 0;
    if (std::holds_alternative<AgentReady>(cmd) || std::holds_alternative<AgentNotReady>(cmd)) {
      while (split < r.events.size() && r.events[split].at < now_) ++split;
    }
    for (std::size_t i = 0; i < split; ++i) observe(r.events[i]);
    if (auto* c = std::get_if<AgentReady>(&cmd); c && r.status.ok()) agents_[c->agent].ready = true;
    if (auto* c = std::get_if<AgentNotReady>(&cmd); c && r.status.ok())
      agents_[c->agent].ready = false;
    for (std::size_t i = split; i < r.events.size(); ++i) observe(r.events[i]);
    check_no_idle_match();
    note_changed(r.events);
    return r.status.ok();
  }

  // Every queue and agent an event names has changed statistics: the next
  // take_stats_changes() (taken every few commands, as a server's stats
  // interval would) lists each of them, whatever happened in between.
  void note_changed(std::span<const Event> events) {
    for (const Event& e : events) {
      for (Ref q : {e.queue, e.queue2}) {
        if (q != kNoRef) changed_queues_.insert(std::string(engine_->queue_id(q)));
      }
      if (e.agent != kNoRef) changed_agents_.insert(std::string(engine_->agent_id(e.agent)));
    }
    if (++applies_ % 7 != 0) return;
    StatsChanges got = engine_->take_stats_changes();
    const std::set<std::string> queues(got.queues.begin(), got.queues.end());
    const std::set<std::string> agents(got.agents.begin(), got.agents.end());
    for (const std::string& q : changed_queues_) EXPECT_TRUE(queues.count(q)) << "queue " << q;
    for (const std::string& a : changed_agents_) EXPECT_TRUE(agents.count(a)) << "agent " << a;
    EXPECT_EQ(queues.size(), got.queues.size()) << "a queue listed twice";
    EXPECT_EQ(agents.size(), got.agents.size()) << "an agent listed twice";
    changed_queues_.clear();
    changed_agents_.clear();
  }

  std::vector<int> reqs_now(const MContact& c) const {
    // min level per skill index 0..3 (0 = not required)
    std::vector<int> req(4, 0);
    Duration waited = now_ - c.queued_at;
    const QueueConfig& q = config_.queues[c.queue];
    const std::vector<SkillRequirement>* r = &q.default_skills;
    for (const auto& step : q.relaxation) {
      if (waited >= step.after) r = &step.skills;
    }
    for (const auto& s : *r) req[s.skill[1] - '0'] = s.min_level;
    return req;
  }

  bool can_take(const MAgent& a, const MContact& c) const {
    if (!a.logged_in || !a.ready || !a.consulted_on.empty() || !a.queues.count(c.queue))
      return false;
    std::vector<int> req = reqs_now(c);
    for (int s = 0; s < 4; ++s) {
      auto it = a.levels.find(s);
      if (req[s] > (it == a.levels.end() ? 0 : it->second)) return false;
    }
    CapacityProfile cap = CapacityProfile::standard();
    int count = 0;
    for (const auto& [id, ch] : a.slots) {
      if (ch == c.channel) ++count;
      if (cap.blocks[static_cast<int>(ch)] & (1u << static_cast<int>(c.channel))) return false;
    }
    return count < cap.capacity[static_cast<int>(c.channel)];
  }

  void observe(const Event& e) {
    std::string c(engine_->contact_id(e.contact));
    std::string a(engine_->agent_id(e.agent));
    switch (e.kind) {
      case EventKind::contact_queued: {
        MContact& m = contacts_[c];
        m.queue = std::string(engine_->queue_id(e.queue))[1] - '0';
        m.queued_at = e.at;
        m.waiting = true;
        break;
      }
      case EventKind::offer:
        on_offer(c, a);
        break;
      case EventKind::offer_revoked:
        agents_[a].slots.erase(c);
        agents_[a].offered.erase(c);
        if (e.code != static_cast<int>(RevokeReason::abandoned)) {
          agents_[a].ready = false;
          contacts_[c].waiting = true;
          contacts_[c].returned = true;
        }
        break;
      case EventKind::contact_answered:
        agents_[a].offered.erase(c);
        agents_[a].active.insert(c);
        break;
      case EventKind::contact_abandoned:
        contacts_[c].waiting = false;
        break;
      case EventKind::contact_completed:
        for (auto& [aid, ag] : agents_) {  // its consult ends with it
          if (ag.consulted_on == c) ag.consulted_on.clear();
        }
        ++contacts_[c].completions;
        EXPECT_EQ(contacts_[c].completions, 1) << "contact " << c << " completed twice";
        break;
      case EventKind::wrapup_done:
        agents_[a].slots.erase(c);
        agents_[a].wrapping.erase(c);
        break;
      default:
        break;
    }
  }

  void on_offer(const std::string& c, const std::string& a) {
    MContact& m = contacts_[c];
    MAgent& ag = agents_[a];
    ASSERT_TRUE(m.waiting) << c << " offered while not waiting";
    EXPECT_TRUE(can_take(ag, m)) << c << " offered to " << a << " lacking skill/capacity/ready"
                                 << explain(ag, m) << " engine says "
                                 << to_string(engine_->agent_view(a)->status) << " "
                                 << engine_->agent_view(a)->reason << recent();
    if (!m.returned) {
      for (const auto& [oid, o] : contacts_) {
        if (o.waiting && !o.returned && o.queue == m.queue && o.order < m.order &&
            o.channel == m.channel && can_take(ag, o)) {
          ADD_FAILURE() << "FIFO: " << c << " offered to " << a << " before older " << oid;
        }
      }
    }
    m.waiting = false;
    ag.slots[c] = m.channel;
    ag.offered.insert(c);
  }

  void check_no_idle_match() {
    for (const auto& [cid, c] : contacts_) {
      if (!c.waiting) continue;
      for (const auto& [aid, a] : agents_) {
        if (can_take(a, c)) {
          ADD_FAILURE() << cid << " waits while " << aid << " could take it";
          return;
        }
      }
    }
  }

  std::string explain(const MAgent& a, const MContact& c) const {
    std::string s = "\n  agent ready=" + std::to_string(a.ready) +
                    " in=" + std::to_string(a.logged_in) + " consulted_on=" + a.consulted_on +
                    " levels:";
    for (auto [k, v] : a.levels) s += " s" + std::to_string(k) + "/" + std::to_string(v);
    s += " queues:";
    for (int q : a.queues) s += " q" + std::to_string(q);
    s += " slots:";
    for (const auto& [id, ch] : a.slots) s += " " + id + "/" + to_string(ch);
    s += "\n  contact q" + std::to_string(c.queue) + " " + to_string(c.channel) + " waited " +
         format_seconds(now_ - c.queued_at) + " reqs:";
    for (int r : reqs_now(c)) s += " " + std::to_string(r);
    return s;
  }

  std::string recent() const {
    std::string s;
    for (std::size_t i = texts_.size() > 30 ? texts_.size() - 30 : 0; i < texts_.size(); ++i) {
      s += "\n  " + texts_[i];
    }
    return s;
  }

  void step();
  void consult(const std::string& contact);
  void finish();
  void check_replay();

  std::mt19937 rng_;
  EngineConfig config_;
  std::unique_ptr<Engine> engine_;
  Instant now_ = from_millis(1767254400000LL);
  std::map<std::string, MAgent> agents_;
  std::map<std::string, MContact> contacts_;
  std::vector<std::pair<Command, Instant>> log_;
  std::vector<std::string> texts_;
  int next_contact_ = 0;
  int consults_ = 0;
  std::set<std::string> changed_queues_, changed_agents_;  // since the last take
  int applies_ = 0;
};

void Workload::step() {
  int roll = pick(100);
  if (roll < 8) {  // login or logout
    std::string id = agent_name(pick(12));
    MAgent& a = agents_[id];
    if (!a.logged_in) {
      AgentLogin l{id, {}, {}, std::nullopt, pick(2) == 0};
      MAgent m;
      for (int s = 0; s < 4; ++s) {
        if (pick(2)) {
          int lv = 1 + pick(5);
          l.skills.push_back({"s" + std::to_string(s), lv});
          m.levels[s] = lv;
        }
      }
      for (int q = 0; q < 4; ++q) {
        if (pick(2)) {
          l.queues.push_back("q" + std::to_string(q));
          m.queues.insert(q);
        }
      }
      m.logged_in = true;
      m.ready = l.ready;
      // The model must know the agent before the events of its login arrive.
      agents_[id] = m;
      EXPECT_TRUE(apply(l));
    } else if (a.slots.empty() && a.consulted_on.empty()) {
      if (apply(AgentLogout{id})) {
        agents_[id].logged_in = agents_[id].ready = false;
      }
    }
  } else if (roll < 18) {  // ready / not ready
    std::string id = agent_name(pick(12));
    MAgent& a = agents_[id];
    if (!a.logged_in) return;
    if (pick(3) != 0) {
      apply(AgentReady{id});
    } else {
      apply(AgentNotReady{id, "break"});
    }
  } else if (roll < 45) {  // arrival
    std::string id = "c" + std::to_string(next_contact_++);
    const Channel chans[] = {Channel::voice, Channel::chat, Channel::email};
    MContact& m = contacts_[id];
    m.channel = chans[pick(3)];
    m.order = static_cast<std::uint64_t>(next_contact_);
    ContactArrive c;
    c.contact = id;
    c.channel = m.channel;
    c.queue = "q" + std::to_string(pick(4));
    apply(c);
  } else if (roll < 75) {  // a busy agent acts on one of its contacts
    std::vector<std::string> busy;
    for (const auto& [aid, a] : agents_) {
      if (!a.slots.empty()) busy.push_back(aid);
    }
    if (busy.empty()) return;
    std::string id = busy[pick(static_cast<int>(busy.size()))];
    MAgent& a = agents_[id];
    if (!a.offered.empty()) {
      std::string c = *a.offered.begin();
      if (pick(10) == 0) {
        apply(RejectOffer{id, c});
      } else {
        apply(AcceptOffer{id, c});
      }
    } else if (!a.active.empty() && pick(4) == 0) {
      consult(*a.active.begin());
    } else if (!a.active.empty()) {
      std::string c = *a.active.begin();
      a.active.erase(c);
      a.wrapping.insert(c);
      apply(ContactEnd{c});
    } else if (!a.wrapping.empty()) {
      apply(WrapUpDone{id, *a.wrapping.begin()});
    }
  } else if (roll < 85) {  // a customer gives up
    std::vector<std::string> w;
    for (const auto& [cid, c] : contacts_) {
      if (c.waiting) w.push_back(cid);
    }
    if (!w.empty()) apply(ContactAbandon{w[pick(static_cast<int>(w.size()))]});
  } else {
    apply(AdvanceTime{});
  }
}

// The agent holding `contact` consults a colleague, or ends the consult that
// runs on it.
void Workload::consult(const std::string& contact) {
  for (auto& [aid, a] : agents_) {
    if (a.consulted_on != contact) continue;
    a.consulted_on.clear();  // before the offers the end may bring
    EXPECT_TRUE(apply(ConsultEnd{contact}));
    return;
  }
  const std::string id = agent_name(pick(12));
  MAgent& b = agents_[id];
  if (!b.logged_in || !b.consulted_on.empty() || b.active.count(contact)) return;
  if (apply(ConsultBegin{contact, id})) {
    b.consulted_on = contact;
    ++consults_;
  }
}

void Workload::finish() {
  // Offers may time out while we wind down (time moves with every command),
  // so sweep until nothing is left open.
  for (int round = 0; round < 10; ++round) {
    for (const auto& [cid, c] : contacts_) {
      if (c.waiting && c.completions == 0) apply(ContactAbandon{cid});
    }
    for (auto& [aid, a] : agents_) {
      for (const std::string& c : std::set<std::string>(a.offered)) apply(ContactAbandon{c});
      for (const std::string& c : std::set<std::string>(a.active)) {
        a.active.erase(c);
        apply(ContactEnd{c});
      }
    }
  }
  for (const auto& [cid, c] : contacts_) {
    if (c.order > 0) {
      EXPECT_EQ(c.completions, 1) << cid << " did not complete exactly once";
    }
  }
}

void Workload::check_replay() {
  auto fresh = Engine::create(config_).value();
  std::vector<std::string> texts;
  for (const auto& [cmd, t] : log_) {
    ApplyResult r = fresh->apply(cmd, t);
    for (const Event& e : r.events) texts.push_back(describe(*fresh, e));
  }
  EXPECT_TRUE(texts == texts_) << "replayed events differ";
  EXPECT_EQ(fresh->dump_state(), engine_->dump_state());
  // The workload must actually exercise routing, not idle around.
  auto count = [&](const char* prefix) {
    return std::count_if(texts_.begin(), texts_.end(),
                         [&](const std::string& t) { return t.rfind(prefix, 0) == 0; });
  };
  EXPECT_GT(count("offer "), 200);
  EXPECT_GT(count("answer "), 100);
  EXPECT_GT(count("revoke "), 20);
  EXPECT_GT(count("relax "), 20);
  EXPECT_GT(count("overflow "), 5);
  EXPECT_GT(count("abandon "), 50);
  EXPECT_GT(consults_, 20);
}

class RandomWorkload : public ::testing::TestWithParam<unsigned> {};

TEST_P(RandomWorkload, KeepsRoutingInvariants) {
  Workload(GetParam()).run(3000);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomWorkload, ::testing::Values(1u, 2u, 3u, 7u, 42u, 1234u));

}  // namespace
}  // namespace tamas::engine
