#include "services/wfm/state_recorder.h"

#include "engine/event.h"

namespace tamas::wfm {

std::optional<store::AgentStateChange> state_change_of(const services::ResolvedEvent& e,
                                                       store::TenantId tenant) {
  if (e.event.kind != engine::EventKind::agent_state_changed || e.agent.empty())
    return std::nullopt;
  return store::AgentStateChange{tenant, e.agent,
                                 engine::to_string(static_cast<engine::AgentStatus>(e.event.code)),
                                 e.reason, e.event.at};
}

void record_agent_states(services::Switchboard& board, store::StoreWriter& writer,
                         store::TenantId tenant) {
  board.subscribe([&writer, tenant](const services::ResolvedEvent& e) {
    auto change = state_change_of(e, tenant);
    if (!change) return;
    writer.submit(
        [c = std::move(*change)](store::Store& db) { return db.workforce().record_state(c); },
        [](const Status&) {});
  });
}

}  // namespace tamas::wfm
