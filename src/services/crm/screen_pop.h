// Screen pop (R41): what an agent sees when offered a contact — the
// customer, segment, value tier, open cases and last contacts. Reads only.
#pragma once

#include <optional>
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

// The screen pop of an incoming contact, for the offer an agent receives:
// the interaction's customer when it has one, else the customer that the
// phone ("phone", "mobile") or email ("email") among its captured fields
// resolves to (find_customer: reads only, creates nobody). nullopt when the
// contact matches nobody (or its keys cannot be read). Cost: one identity
// lookup at most, then screen_pop()'s bounded reads.
Result<std::optional<ScreenPop>> screen_pop_for_contact(CrmContext& ctx,
                                                        const store::Interaction& contact,
                                                        Instant now);

}  // namespace tamas::services::crm
