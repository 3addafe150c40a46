// The case workflow (R22): which state may follow which.
//
//   new -> assigned -> in_progress -> forwarded -> in_progress (answered)
//                            |  \-> awaiting_customer -> in_progress
//                            \-> resolved -> closed
//   resolved/closed -> in_progress  (reopen)
// Shortcuts: new/assigned may go straight to in_progress, forwarded,
// awaiting_customer or resolved; awaiting_customer may be resolved.
// A forwarded case returns only through its department's answer.
//
// Pure and thread-safe.
#pragma once

#include "store/case_records.h"

namespace tamas::services::cases {

bool transition_allowed(store::CaseState from, store::CaseState to);
// resolved/closed -> in_progress.
bool is_reopen(store::CaseState from, store::CaseState to);
bool is_open(store::CaseState s);
// Leaving new/assigned for a working state counts as the first response.
bool is_first_response(store::CaseState from, store::CaseState to);

}  // namespace tamas::services::cases
