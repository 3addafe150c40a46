// The interactions table follows the engine: when an agent answers, the
// row says who (the agent's record), so reports and surveys still know it
// after a restart; an agent without a login here (a simulated one) leaves
// the row without an agent.
#include "services/intake/interaction_journal.h"

#include <gtest/gtest.h>

#include "store/memory_store.h"

namespace tamas::services {
namespace {

const Instant kT0 = from_millis(1'772'400'000'000LL);

struct JournalFixture {
  store::TenantId tenant = 0;
  store::RowId agent_row = 0;
  std::unique_ptr<store::StoreWriter> writer;

  JournalFixture() {
    auto db = store::open_memory_store();
    EXPECT_TRUE(db.ok());
    tenant = *(*db)->tenants().add({0, "acme", "Acme", kT0});
    store::User u;
    u.tenant = tenant;
    u.username = "sara";
    u.password_hash = "x";
    u.created_at = kT0;
    const store::RowId user = *(*db)->users().add(u);
    store::Agent a;
    a.tenant = tenant;
    a.user = user;
    agent_row = *(*db)->agents().add(a);
    writer = std::make_unique<store::StoreWriter>(std::move(db).value());
  }

  std::string arrive() {
    store::Interaction i;
    i.tenant = tenant;
    i.channel = "chat";
    i.type = "complaint";
    i.queue = "complaints";
    i.state = store::InteractionState::queued;
    i.arrived_at = kT0;
    auto id =
        writer->submit_for<store::RowId>([i](store::Store& db) { return db.interactions().add(i); })
            .get();
    EXPECT_TRUE(id.ok());
    return store::format_interaction_id(*id);
  }

  store::Interaction read(const std::string& contact) {
    auto row = writer
                   ->submit_for<store::Interaction>([&](store::Store& db) {
                     return db.interactions().get(tenant, *store::parse_interaction_id(contact));
                   })
                   .get();
    EXPECT_TRUE(row.ok());
    return row.ok() ? *row : store::Interaction{};
  }
};

ResolvedEvent answered(const std::string& contact, const std::string& agent, Instant at) {
  ResolvedEvent e;
  e.event.kind = engine::EventKind::contact_answered;
  e.event.at = at;
  e.contact = contact;
  e.agent = agent;
  return e;
}

TEST(InteractionJournal, AnAnsweredInteractionRemembersTheAgentWhoTookIt) {
  JournalFixture f;
  InteractionJournal journal(f.tenant, *f.writer);
  const std::string contact = f.arrive();
  journal.on_event(answered(contact, "sara", kT0 + std::chrono::seconds(12)));
  f.writer->flush();
  const store::Interaction row = f.read(contact);
  EXPECT_EQ(row.state, store::InteractionState::active);
  EXPECT_EQ(row.answered_at, kT0 + std::chrono::seconds(12));
  ASSERT_TRUE(row.agent.has_value());
  EXPECT_EQ(*row.agent, f.agent_row);
}

TEST(InteractionJournal, AnAgentWithoutALoginHereLeavesNoAgentOnTheRow) {
  JournalFixture f;
  InteractionJournal journal(f.tenant, *f.writer);
  const std::string contact = f.arrive();
  journal.on_event(answered(contact, "a17", kT0 + std::chrono::seconds(3)));
  f.writer->flush();
  const store::Interaction row = f.read(contact);
  EXPECT_EQ(row.state, store::InteractionState::active);
  EXPECT_FALSE(row.agent.has_value());
}

}  // namespace
}  // namespace tamas::services
