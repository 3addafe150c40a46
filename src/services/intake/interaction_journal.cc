#include "services/intake/interaction_journal.h"

#include <optional>

#include "engine/bridge/from_strategy.h"

namespace tamas::services {
namespace {

using engine::EventKind;
using engine::Outcome;
using store::InteractionState;

// Applies `change` to the stored interaction, if it exists and is not final.
store::StoreWriter::Op update(store::TenantId tenant, std::string contact,
                              std::function<void(store::Store&, store::Interaction&)> change) {
  return [tenant, contact = std::move(contact),
          change = std::move(change)](store::Store& db) -> Status {
    auto id = store::parse_interaction_id(contact);
    if (!id) return {};  // not one of ours (e.g. a test contact)
    auto row = db.interactions().get(tenant, *id);
    if (!row) return row.error().code == ErrorCode::not_found ? Status{} : Status{row.error()};
    if (store::is_final(row->state)) return {};
    change(db, *row);
    return db.interactions().update(*row);
  };
}

// As update(), also recording who answered: the engine's agent id is the
// login name; the row keeps the agent's record id (none for an agent
// without a login of this tenant, e.g. a simulated one).
store::StoreWriter::Op answered_by(store::TenantId tenant, std::string contact, std::string agent,
                                   std::function<void(store::Interaction&)> change) {
  auto who = [tenant, agent = std::move(agent)](store::Store& db) -> std::optional<store::RowId> {
    auto user = db.users().find_by_username(tenant, agent);
    if (!user) return std::nullopt;
    auto row = db.agents().find_by_user(tenant, user->id);
    return row ? std::optional<store::RowId>(row->id) : std::nullopt;
  };
  return update(
      tenant, std::move(contact),
      [who = std::move(who), change = std::move(change)](store::Store& db, store::Interaction& i) {
        change(i);
        i.agent = who(db);
      });
}

}  // namespace

void InteractionJournal::on_event(const ResolvedEvent& e) {
  const Instant at = e.event.at;
  std::function<void(store::Interaction&)> change;
  switch (e.event.kind) {
    case EventKind::offer:
      change = [](store::Interaction& i) { i.state = InteractionState::offered; };
      break;
    case EventKind::offer_revoked:
      change = [](store::Interaction& i) { i.state = InteractionState::queued; };
      break;
    case EventKind::contact_answered:
      change = [at](store::Interaction& i) {
        i.state = InteractionState::active;
        i.answered_at = at;
      };
      writer_.submit(answered_by(tenant_, e.contact, e.agent, std::move(change)),
                     [](const Status&) {});
      return;
    case EventKind::contact_overflowed:
    case EventKind::contact_transferred:
      if (e.queue2.empty()) return;
      change = [q = e.queue2](store::Interaction& i) {
        i.queue = q;
        i.state = InteractionState::queued;
      };
      break;
    case EventKind::contact_completed: {
      const auto outcome = static_cast<Outcome>(e.event.code);
      change = [at, outcome](store::Interaction& i) {
        i.ended_at = at;
        i.state =
            outcome == Outcome::abandoned ? InteractionState::abandoned : InteractionState::closed;
        if (outcome != Outcome::handled && outcome != Outcome::abandoned)
          i.disposition = engine::to_string(outcome);
      };
      break;
    }
    default:
      return;
  }
  writer_.submit(
      update(tenant_, e.contact,
             [change = std::move(change)](store::Store&, store::Interaction& i) { change(i); }),
      [](const Status&) {});
}

Result<int> requeue_open_interactions(store::Store& db, store::TenantId tenant,
                                      Switchboard& board) {
  auto open = db.interactions().list_open(tenant);
  if (!open) return open.error();
  int n = 0;
  for (const auto& i : *open) {
    if (i.queue.empty()) continue;
    auto channel = engine::engine_channel(i.channel);
    if (!channel) continue;
    engine::ContactArrive arrive;
    arrive.contact = store::format_interaction_id(i.id);
    arrive.channel = *channel;
    arrive.type = i.type;
    arrive.queue = i.queue;
    arrive.priority = i.priority;
    arrive.arrived_at = i.arrived_at;  // keeps its place and its wait
    board.post(std::move(arrive));
    ++n;
  }
  return n;
}

}  // namespace tamas::services
