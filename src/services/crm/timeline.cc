#include "services/crm/timeline.h"

#include <charconv>

namespace tamas::services::crm {

std::string encode_cursor(const store::TimelineCursor& c) {
  return std::to_string(to_millis(c.at)) + "." + std::to_string(static_cast<int>(c.source)) + "." +
         std::to_string(c.id);
}

Result<store::TimelineCursor> decode_cursor(const std::string& text) {
  std::int64_t parts[3] = {0, 0, 0};
  const char* p = text.data();
  const char* end = text.data() + text.size();
  for (int i = 0; i < 3; ++i) {
    auto [next, ec] = std::from_chars(p, end, parts[i]);
    if (ec != std::errc{} || (i < 2 && (next == end || *next != '.')) || (i == 2 && next != end))
      return Error::invalid("malformed cursor '" + text + "'");
    p = next + 1;
  }
  if (parts[1] != 0 && parts[1] != 1) return Error::invalid("malformed cursor '" + text + "'");
  return store::TimelineCursor{from_millis(parts[0]), static_cast<store::TimelineSource>(parts[1]),
                               parts[2]};
}

Result<TimelinePage> timeline_page(CrmContext& ctx, store::RowId customer,
                                   const std::string& cursor, int limit) {
  if (limit < 1 || limit > 200) return Error::invalid("limit must be 1..200");
  std::optional<store::TimelineCursor> after;
  if (!cursor.empty()) {
    auto c = decode_cursor(cursor);
    if (!c.ok()) return c.error();
    after = *c;
  }
  auto c = ctx.store.customers().get(ctx.tenant, customer);
  if (!c.ok()) return c.error();
  auto rows = ctx.store.profiles().timeline(ctx.tenant, customer, after, limit + 1);
  if (!rows.ok()) return rows.error();
  TimelinePage page;
  page.entries = std::move(*rows);
  if (static_cast<int>(page.entries.size()) > limit) {
    page.entries.resize(static_cast<std::size_t>(limit));
    const auto& last = page.entries.back();
    page.next = encode_cursor({last.at, last.source, last.id});
  }
  return page;
}

}  // namespace tamas::services::crm
