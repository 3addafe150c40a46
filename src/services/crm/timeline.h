// A customer's timeline (R41): interactions of every channel and case
// events, newest first, paged by an opaque cursor.
//
// A page is at most `limit` entries (1..200); `next` is the cursor of the
// following page, empty on the last page. Cursors are stable under inserts:
// new entries never shift an older page. Survey answers and campaign
// contacts join when their tables exist (not yet).
#pragma once

#include <string>
#include <vector>

#include "services/crm/context.h"

namespace tamas::services::crm {

struct TimelinePage {
  std::vector<store::TimelineEntry> entries;
  std::string next;
};

// invalid_argument for a malformed cursor or limit.
Result<TimelinePage> timeline_page(CrmContext& ctx, store::RowId customer,
                                   const std::string& cursor, int limit);

std::string encode_cursor(const store::TimelineCursor& c);
Result<store::TimelineCursor> decode_cursor(const std::string& text);

}  // namespace tamas::services::crm
