// Screen pop (R41): what an agent sees when offered a contact — the
// customer, segment, value tier, open cases and last contacts. Reads only.
#pragma once

#include <vector>

#include "services/crm/context.h"
#include "services/crm/value.h"

namespace tamas::services::crm {

struct ScreenPop {
  store::Customer customer;
  std::string segment;
  Value value;
  std::vector<store::Case> open_cases;              // newest first, at most 5
  std::vector<store::TimelineEntry> last_contacts;  // newest first, at most 5
};

// Follows merges: a merged-away id pops its surviving customer.
Result<ScreenPop> screen_pop(CrmContext& ctx, store::RowId customer, Instant now);

}  // namespace tamas::services::crm
