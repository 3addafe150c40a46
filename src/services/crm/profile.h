// A customer's attributes, value and segment (R1, R20).
//
// The segment is computed from the strategy's segment rules over the
// customer's attributes (attributes_json, flattened to text) plus "province",
// "city", "value_score" and "value_tier"; it is recomputed by every function
// here that changes attributes, and stored on the customer.
#pragma once

#include <string>

#include "services/crm/context.h"
#include "services/crm/value.h"
#include "strategy/match.h"

namespace tamas::services::crm {

// attributes_json (a flat object; numbers and booleans become text) plus the
// record's own fields. Malformed JSON yields only the record's fields.
strategy::Attributes attributes_of(const store::Customer& c);

// The value facts of a customer from the store.
Result<ValueFacts> value_facts(CrmContext& ctx, store::RowId customer);

// Value and segment of `c` as of `now` (reads the store, writes nothing).
struct Standing {
  Value value;
  std::string segment;
};
Result<Standing> standing_of(CrmContext& ctx, const store::Customer& c, Instant now);

// Replaces the customer's attributes_json (must be a JSON object), recomputes
// the segment and stores both. Returns the updated customer.
Result<store::Customer> set_attributes(CrmContext& ctx, store::RowId customer,
                                       const std::string& attributes_json, Instant now);

// Recomputes and stores the segment (after a purchase, a merge, ...).
Result<store::Customer> refresh_segment(CrmContext& ctx, store::RowId customer, Instant now);

}  // namespace tamas::services::crm
