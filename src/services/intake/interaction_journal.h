// Keeps the interactions table in step with the engine: each routing event
// that changes an interaction's state (offered, answered, ended, abandoned,
// moved to another queue) becomes a write through the store writer.
//
// Threads: on_event runs on the engine thread (a Switchboard subscriber) and
// only queues the write; the write itself runs on the writer thread.
#pragma once

#include "services/switchboard/switchboard.h"
#include "store/writer.h"

namespace tamas::services {

class InteractionJournal {
 public:
  InteractionJournal(store::TenantId tenant, store::StoreWriter& writer)
      : tenant_(tenant), writer_(writer) {}

  void on_event(const ResolvedEvent& e);

 private:
  store::TenantId tenant_;
  store::StoreWriter& writer_;
};

// Puts every interaction the store still holds as open back into the
// engine, oldest first (after a restart). Returns how many were re-queued.
// They keep their original arrival time (place in queue, wait, SLO).
Result<int> requeue_open_interactions(store::Store& db, store::TenantId tenant, Switchboard& board);

}  // namespace tamas::services
