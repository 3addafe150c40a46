// The ref fast path (Engine::accept_offer / end_contact / wrapup_done and
// agent_ref / contact_ref / queue_ref): a driver that resolves ids once at
// the edge gets exactly what the string commands give.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "engine/describe.h"
#include "engine/engine.h"

namespace tamas::engine {
namespace {

using std::chrono::seconds;

Instant t(int s) {
  return from_millis(1'767'254'400'000LL + s * 1000LL);
}

EngineConfig two_queues() {
  EngineConfig c;
  c.skills = {"sales", "support"};
  for (std::string id : {"sales", "support"}) {
    QueueConfig q;
    q.id = id;
    q.default_skills = {{id, 1}};
    q.offer_timeout = seconds(10);
    q.wrapup_limit = id == "support" ? seconds(30) : Duration{0};
    c.queues.push_back(q);
  }
  return c;
}

std::unique_ptr<Engine> engine_with_agent() {
  auto e = Engine::create(two_queues()).value();
  AgentLogin l;
  l.agent = "alice";
  l.skills = {{"sales", 3}, {"support", 2}};
  l.queues = {"sales", "support"};
  l.ready = true;
  EXPECT_TRUE(e->apply(l, t(0)).status.ok());
  return e;
}

ContactArrive arrival(std::string id, std::string queue) {
  ContactArrive a;
  a.contact = std::move(id);
  a.queue = std::move(queue);
  return a;
}

TEST(RefPath, ResolvesIdsAtTheEdge) {
  auto e = engine_with_agent();
  EXPECT_EQ(e->agent_id(e->agent_ref("alice")), "alice");
  EXPECT_EQ(e->queue_id(e->queue_ref("support")), "support");
  EXPECT_EQ(e->agent_ref("bob"), kNoRef);
  EXPECT_EQ(e->queue_ref("billing"), kNoRef);
  EXPECT_EQ(e->contact_ref("c1"), kNoRef);
  ApplyResult r = e->apply(arrival("c1", "sales"), t(1));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(e->contact_id(e->contact_ref("c1")), "c1");
}

TEST(RefPath, CallLifecycleByRefsMatchesTheOffer) {
  auto e = engine_with_agent();
  Ref alice = e->agent_ref("alice");
  ApplyResult r = e->apply(arrival("c1", "sales"), t(1));
  ASSERT_EQ(r.events.size(), 3u);  // queued, offer, agent reserved
  ASSERT_EQ(r.events[1].kind, EventKind::offer);
  Ref c1 = r.events[1].contact;
  EXPECT_EQ(r.events[1].agent, alice);

  r = e->accept_offer(alice, c1, t(3));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.events[0].kind, EventKind::contact_answered);
  EXPECT_EQ(r.events[0].wait, seconds(2));
  EXPECT_EQ(e->agent_view("alice").value().status, AgentStatus::busy);

  r = e->end_contact(c1, t(60));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(e->agent_view("alice").value().status, AgentStatus::wrap_up);

  r = e->wrapup_done(alice, c1, t(70));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(e->agent_view("alice").value().status, AgentStatus::ready);
  EXPECT_EQ(e->agent_stats("alice").value().handled, 1);
}

TEST(RefPath, RefusesLikeTheStringCommands) {
  auto e = engine_with_agent();
  Ref alice = e->agent_ref("alice");
  ApplyResult r = e->apply(arrival("c1", "sales"), t(1));
  Ref c1 = r.events[1].contact;
  // Not yet answered: cannot end or wrap up; the errors name the ids.
  r = e->end_contact(c1, t(2));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().message, e->apply(ContactEnd{"c1"}, t(2)).status.error().message);
  r = e->wrapup_done(alice, c1, t(2));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().message,
            e->apply(WrapUpDone{"alice", "c1"}, t(2)).status.error().message);
  // Refs that name nothing.
  EXPECT_FALSE(e->accept_offer(alice + 1, c1, t(2)).status.ok());
  EXPECT_FALSE(e->accept_offer(alice, kNoRef, t(2)).status.ok());
  EXPECT_FALSE(e->end_contact(c1 + 1, t(2)).status.ok());
  // The offer is still there and can be taken.
  EXPECT_TRUE(e->accept_offer(alice, c1, t(3)).status.ok());
}

TEST(RefPath, ContactRefIsReleasedAfterCompletionAndWrapUp) {
  auto e = engine_with_agent();
  Ref alice = e->agent_ref("alice");
  Ref c1 = e->apply(arrival("c1", "sales"), t(1)).events[1].contact;
  ASSERT_TRUE(e->accept_offer(alice, c1, t(2)).status.ok());
  ASSERT_TRUE(e->end_contact(c1, t(3)).status.ok());
  ASSERT_TRUE(e->wrapup_done(alice, c1, t(4)).status.ok());
  // The next apply recycles the ref: it names nothing until reused.
  ASSERT_TRUE(e->advance_to(t(5)).status.ok());
  EXPECT_EQ(e->contact_ref("c1"), kNoRef);
  ApplyResult r = e->end_contact(c1, t(6));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().code, ErrorCode::not_found);
}

TEST(RefPath, ArrivalByQueueRefIsTheArrivalByName) {
  auto by_id = engine_with_agent();
  auto by_ref = engine_with_agent();
  ContactArrive c1 = arrival("c1", "support");
  ApplyResult a = by_id->apply(c1, t(1));
  c1.queue = "sales";  // ignored: the ref names the queue
  ApplyResult b = by_ref->arrive(by_ref->queue_ref("support"), c1, t(1));
  ASSERT_TRUE(b.status.ok());
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(describe(*by_id, a.events[i]), describe(*by_ref, b.events[i]));
  }
  EXPECT_EQ(by_ref->queue_id(b.events[0].queue), "support");
  EXPECT_EQ(by_id->dump_state(), by_ref->dump_state());
}

TEST(RefPath, ArrivalByQueueRefRefusesLikeTheArrivalByName) {
  auto e = engine_with_agent();
  const Ref sales = e->queue_ref("sales");
  ASSERT_TRUE(e->arrive(sales, arrival("c1", ""), t(1)).status.ok());
  // The same id again: refused with the message the string command gives.
  ApplyResult r = e->arrive(sales, arrival("c1", ""), t(2));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().code, ErrorCode::conflict);
  EXPECT_EQ(r.status.error().message,
            e->apply(arrival("c1", "sales"), t(2)).status.error().message);
  r = e->arrive(sales, arrival("", ""), t(2));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().code, ErrorCode::invalid_argument);
  r = e->arrive(kNoRef, arrival("c2", ""), t(2));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().code, ErrorCode::not_found);
  EXPECT_EQ(e->contact_ref("c2"), kNoRef);  // nothing changed
}

// Random traffic driven twice: once with string commands, once through the
// ref path with ids resolved by the driver. Events and state are identical.
TEST(RefPath, RandomTrafficGivesTheSameEventsAndState) {
  auto by_id = Engine::create(two_queues()).value();
  auto by_ref = Engine::create(two_queues()).value();
  std::mt19937 rng(7);
  std::vector<std::string> agents;
  int clock = 0, next_contact = 0, ref_ok = 0;
  std::map<std::string, std::string> offered, active, wrapping;
  auto track = [&](const Engine& e, const ApplyResult& r) {
    for (const Event& ev : r.events) {
      std::string c(e.contact_id(ev.contact)), ag(e.agent_id(ev.agent));
      if (ev.kind == EventKind::offer) offered[c] = ag;
      if (ev.kind == EventKind::offer_revoked) offered.erase(c);
      if (ev.kind == EventKind::contact_answered) {
        offered.erase(c);
        active[c] = ag;
      }
      if (ev.kind == EventKind::wrapup_done) wrapping.erase(c);
    }
  };
  auto both = [&](const Command& cmd) {
    ApplyResult a = by_id->apply(cmd, t(clock));
    track(*by_id, a);
    std::vector<std::string> ea;
    for (const Event& ev : a.events) ea.push_back(describe(*by_id, ev));
    ApplyResult b = by_ref->apply(cmd, t(clock));
    std::vector<std::string> eb;
    for (const Event& ev : b.events) eb.push_back(describe(*by_ref, ev));
    EXPECT_EQ(a.status.ok(), b.status.ok());
    EXPECT_EQ(ea, eb);
  };
  for (int i = 0; i < 6; ++i) {
    AgentLogin l;
    l.agent = "a" + std::to_string(i);
    l.skills = {{"sales", 1 + i % 3}, {"support", 1 + i % 2}};
    l.queues = {"sales", "support"};
    l.ready = true;
    agents.push_back(l.agent);
    both(l);
  }
  // What the string driver learnt from its events: contact -> agent.
  auto pick = [&](const std::map<std::string, std::string>& m, std::string& agent,
                  std::string& contact) {
    if (m.empty() || rng() % 5 == 0) return;  // sometimes a wrong pair
    auto it = std::next(m.begin(), static_cast<long>(rng() % m.size()));
    contact = it->first;
    agent = it->second;
  };
  for (int step = 0; step < 3000 && !::testing::Test::HasFailure(); ++step) {
    clock += static_cast<int>(rng() % 4);
    int what = static_cast<int>(rng() % 5);
    std::string agent = agents[rng() % agents.size()];
    std::string contact = "c" + std::to_string(rng() % (next_contact + 1));
    if (what == 0) {
      // Mostly a new id, sometimes one that may be in use (refused alike).
      if (rng() % 4 != 0) contact = "c" + std::to_string(next_contact++);
      const std::string queue = rng() % 2 ? "sales" : "support";
      ContactArrive arr = arrival(contact, queue);
      ApplyResult a = by_id->apply(arr, t(clock));
      track(*by_id, a);
      std::vector<std::string> ea;
      for (const Event& ev : a.events) ea.push_back(describe(*by_id, ev));
      arr.queue.reset();  // the ref form takes the queue as a ref
      ApplyResult b = by_ref->arrive(by_ref->queue_ref(queue), arr, t(clock));
      std::vector<std::string> eb;
      for (const Event& ev : b.events) eb.push_back(describe(*by_ref, ev));
      ASSERT_EQ(a.status.ok(), b.status.ok()) << step;
      if (!a.status.ok()) {
        EXPECT_EQ(a.status.error().message, b.status.error().message);
      }
      EXPECT_EQ(ea, eb) << step;
      continue;
    }
    if (what == 4) {  // back from a ring-no-answer
      both(AgentReady{agent});
      continue;
    }
    pick(what == 1 ? offered : what == 2 ? active : wrapping, agent, contact);
    Command cmd = what == 1   ? Command(AcceptOffer{agent, contact})
                  : what == 2 ? Command(ContactEnd{contact})
                              : Command(WrapUpDone{agent, contact});
    ApplyResult a = by_id->apply(cmd, t(clock));
    track(*by_id, a);
    if (what == 2 && a.status.ok()) wrapping[contact] = active[contact];
    if (what == 2 && a.status.ok()) active.erase(contact);
    std::vector<std::string> ea;
    for (const Event& ev : a.events) ea.push_back(describe(*by_id, ev));
    // The ref driver resolves at the edge, then uses the fast path; unknown
    // ids are refused at the edge without reaching the engine's command.
    Ref ar = by_ref->agent_ref(agent), cr = by_ref->contact_ref(contact);
    ApplyResult b = cr == kNoRef ? by_ref->advance_to(t(clock))
                    : what == 1  ? by_ref->accept_offer(ar, cr, t(clock))
                    : what == 2  ? by_ref->end_contact(cr, t(clock))
                                 : by_ref->wrapup_done(ar, cr, t(clock));
    std::vector<std::string> eb;
    for (const Event& ev : b.events) eb.push_back(describe(*by_ref, ev));
    if (cr != kNoRef) {
      ref_ok += b.status.ok();
      EXPECT_EQ(a.status.ok(), b.status.ok()) << step;
      // A ref resolved just before its contact is recycled is refused as
      // not found, like the id; the message names the ref instead.
      if (!a.status.ok() && !b.status.ok()) {
        EXPECT_EQ(a.status.error().code, b.status.error().code);
      }
    } else {
      EXPECT_FALSE(a.status.ok());
    }
    EXPECT_EQ(ea, eb) << step;
  }
  EXPECT_GT(ref_ok, 300);  // the fast path really carried the traffic
  EXPECT_EQ(by_id->dump_state(), by_ref->dump_state());
}

}  // namespace
}  // namespace tamas::engine
