// Records every agent state change the engine reports in the store
// (WorkforceRepository::record_state, migration 0006), so adherence can be
// reported for any past day (`tamas adherence`, GET /api/v1/wfm/adherence).
//
// Threads: the subscriber runs on the engine thread and only queues the
// write; the write runs on the store writer's thread (group commit). A
// failed write is dropped (the state history is a report, not a ledger).
#pragma once

#include "services/switchboard/switchboard.h"
#include "store/writer.h"

namespace tamas::wfm {

// The record for one engine event, or nothing for other events.
std::optional<store::AgentStateChange> state_change_of(const services::ResolvedEvent& e,
                                                       store::TenantId tenant);

// Subscribes to `board` (before it starts). `writer` outlives the board's thread.
void record_agent_states(services::Switchboard& board, store::StoreWriter& writer,
                         store::TenantId tenant);

}  // namespace tamas::wfm
