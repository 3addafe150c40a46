#include "services/cases/workflow.h"

namespace tamas::services::cases {

using store::CaseState;

bool transition_allowed(CaseState from, CaseState to) {
  switch (from) {
    case CaseState::new_:
    case CaseState::assigned:
      return to == CaseState::assigned || to == CaseState::in_progress ||
             to == CaseState::forwarded || to == CaseState::awaiting_customer ||
             to == CaseState::resolved;
    case CaseState::in_progress:
      return to == CaseState::assigned || to == CaseState::forwarded ||
             to == CaseState::awaiting_customer || to == CaseState::resolved;
    case CaseState::forwarded:
      return to == CaseState::in_progress;
    case CaseState::awaiting_customer:
      return to == CaseState::in_progress || to == CaseState::resolved;
    case CaseState::resolved:
      return to == CaseState::closed || to == CaseState::in_progress;
    case CaseState::closed:
      return to == CaseState::in_progress;
  }
  return false;
}

bool is_reopen(CaseState from, CaseState to) {
  return (from == CaseState::resolved || from == CaseState::closed) && to == CaseState::in_progress;
}

bool is_open(CaseState s) {
  return s != CaseState::resolved && s != CaseState::closed;
}

bool is_first_response(CaseState from, CaseState to) {
  return (from == CaseState::new_ || from == CaseState::assigned) && to != CaseState::assigned;
}

}  // namespace tamas::services::cases
