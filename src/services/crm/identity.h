// Identity resolution (R1): which customer is this contact?
//
// Keys are tried in order phone, email, handle, VIN (canonical forms from
// keys.h); the first key that matches wins. Several customers sharing a key
// (a family phone) resolve to the oldest one and are all reported as
// candidates. When nothing matches, a provisional customer holding the keys
// is created (attribute "provisional": true) for an agent to complete or to
// merge into an existing customer (merge.h). Customers merged away are never
// returned.
#pragma once

#include <vector>

#include "services/crm/context.h"
#include "services/crm/keys.h"

namespace tamas::services::crm {

enum class MatchedBy { phone, email, handle, vin, created };
const char* to_string(MatchedBy m);

struct Resolution {
  store::RowId customer = 0;
  MatchedBy matched_by = MatchedBy::created;
  bool provisional = false;              // a new provisional record
  std::vector<store::RowId> candidates;  // every match of the winning key
};

// Only looks; not_found when no key matches. invalid_argument for bad keys
// or when every key is empty.
Result<Resolution> find_customer(CrmContext& ctx, const ContactKeys& keys);

// Looks, and creates a provisional customer when nothing matches.
Result<Resolution> resolve_customer(CrmContext& ctx, const ContactKeys& keys, Instant now);

// Gives a provisional customer with no name yet the name a contact typed
// ("Sara Ahmadi": first name "Sara", last name "Ahmadi"). Customers that
// are not provisional, or already have a name, are left alone.
Status name_provisional(CrmContext& ctx, store::RowId customer, const std::string& full_name);

}  // namespace tamas::services::crm
