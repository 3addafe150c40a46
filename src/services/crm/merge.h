// Merging a customer record (often a provisional one) into another.
//
// Guarantees: all of `from`'s history — interactions, cases and their
// events, assets, identities, consents the target lacks, phones and emails —
// belongs to `into` afterwards; `from` stays as a tombstone (merged_into)
// so old references still resolve; the merge is logged (who, when, note) and
// appended to the event log as "customer.merged". All or nothing.
#pragma once

#include <string>

#include "services/crm/context.h"

namespace tamas::services::crm {

struct MergeRequest {
  store::RowId from = 0;
  store::RowId into = 0;
  store::RowId by_user = 0;
  std::string note;
};

// The surviving customer, with its segment recomputed.
Result<store::Customer> merge_customers(CrmContext& ctx, const MergeRequest& r, Instant now);

}  // namespace tamas::services::crm
