// Caller care's store and calendar, for the app: notes go into the
// interaction's fields_json through the store writer (never on the voice or
// engine thread), callback tasks become new interactions (channel
// "callback"; the row names its queue, and its arrival time is set, only
// when the task is handed to the engine at its due time), and a queue's next
// opening comes from the strategy's hours.
#pragma once

#include "channels/voice/callback_dialer.h"
#include "channels/voice/caller_care.h"
#include "core/calendar.h"
#include "store/writer.h"
#include "strategy/model.h"

namespace tamas::voice {

// `writer` and `clock` must outlive the result.
CallerCareStore store_caller_care(store::StoreWriter& writer, store::TenantId tenant,
                                  const Clock& clock);
// Callback contacts' numbers and attempts, read on the writer thread, and
// notes on them. `writer` must outlive the result.
CallbackStore store_callback_lookup(store::StoreWriter& writer, store::TenantId tenant);
// After a restart: the callback tasks the store still holds as open, oldest
// first. A callback interaction (channel "callback": a voicemail's task or a
// retry) with its number, queue, attempt, due time and voicemail; a voice
// call whose caller chose a virtual-hold callback (fields `callback`,
// `callback_number`) as a task of its own interaction. A task whose row
// names its queue was handed to the engine before the server stopped
// (`in_queue`: the restart recovery re-queues it); one whose row names none
// was still waiting for its due time (its queue is fields_json
// `callback_queue`) and is left to CallerCare::adopt(), which hands it over
// at that time.
Result<std::vector<CallbackTask>> open_callback_tasks(store::Store& db, store::TenantId tenant);
// A queue without hours is always open (nullopt). Both must outlive it.
NextOpening next_opening_from(const strategy::Strategy& s, const BusinessCalendar& calendar);

}  // namespace tamas::voice
