// Customer merge and timeline: the two queries that span several tables.
#include <algorithm>
#include <limits>

#include "store/sqlite/crm_repos.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tamas::store::sqlite {
namespace {

// Statements that move a customer's rows; each binds (into, tenant, from).
constexpr const char* kMoves[] = {
    "UPDATE interactions SET customer_id = ? WHERE tenant_id = ? AND customer_id = ?",
    "UPDATE cases SET customer_id = ? WHERE tenant_id = ? AND customer_id = ?",
    "UPDATE case_events SET customer_id = ? WHERE tenant_id = ? AND customer_id = ?",
    "UPDATE customer_assets SET customer_id = ? WHERE tenant_id = ? AND customer_id = ?",
    "UPDATE outbound_notifications SET customer_id = ? WHERE tenant_id = ? AND customer_id = ?",
    "UPDATE OR IGNORE customer_identities SET customer_id = ? WHERE tenant_id = ? AND "
    "customer_id = ?",
    "UPDATE OR IGNORE customer_consents SET customer_id = ? WHERE tenant_id = ? AND "
    "customer_id = ?",
    // Customers merged into `from` earlier now point at the survivor.
    "UPDATE customers SET merged_into = ? WHERE tenant_id = ? AND merged_into = ?",
};
// Leftovers the target already had; each binds (tenant, from).
constexpr const char* kDrops[] = {
    "DELETE FROM customer_identities WHERE tenant_id = ? AND customer_id = ?",
    "DELETE FROM customer_consents WHERE tenant_id = ? AND customer_id = ?",
};

// (at, id) upper bound of one source for a page after `c` (see TimelineCursor).
std::int64_t id_bound(TimelineSource source, const TimelineCursor& c) {
  if (source == c.source) return c.id;
  return source < c.source ? std::numeric_limits<std::int64_t>::max() : 0;
}

}  // namespace

Status Profiles::move_rows(const CustomerMerge& m) {
  Result<Query> target =
      db_.query("SELECT merged_into FROM customers WHERE tenant_id = ? AND id = ?");
  TAMAS_TRY(target);
  Result<bool> row = target->bind(m.tenant).bind(m.into).step();
  TAMAS_TRY(row);
  if (!*row) return Error::not_found("no customer " + std::to_string(m.into));
  if (target->opt_i64(0))
    return Error::conflict("customer " + std::to_string(m.into) + " was merged");
  Result<Query> mark = db_.query(
      "UPDATE customers SET merged_into = ? WHERE tenant_id = ? AND id = ? AND merged_into IS "
      "NULL");
  TAMAS_TRY(mark);
  TAMAS_TRY(update_one(db_, mark->bind(m.into).bind(m.tenant).bind(m.from),
                       "no unmerged customer " + std::to_string(m.from)));
  for (const char* sql : kMoves) {
    Result<Query> q = db_.query(sql);
    TAMAS_TRY(q);
    TAMAS_TRY(q->bind(m.into).bind(m.tenant).bind(m.from).run());
  }
  for (const char* sql : kDrops) {
    Result<Query> q = db_.query(sql);
    TAMAS_TRY(q);
    TAMAS_TRY(q->bind(m.tenant).bind(m.from).run());
  }
  return {};
}

Result<RowId> Profiles::merge(const CustomerMerge& m) {
  if (m.from == m.into) return Error::invalid("cannot merge a customer into itself");
  RowId id = 0;
  Status s = with_savepoint(db_, [&]() -> Status {
    TAMAS_TRY(move_rows(m));
    Result<Query> q = db_.query(
        "INSERT INTO customer_merges (tenant_id, from_customer, into_customer, merged_by, "
        "merged_at, note) VALUES (?, ?, ?, ?, ?, ?)");
    TAMAS_TRY(q);
    TAMAS_TRY(
        q->bind(m.tenant).bind(m.from).bind(m.into).bind(m.by_user).bind(m.at).bind(m.note).run());
    id = db_.last_insert_rowid();
    return {};
  });
  if (!s.ok()) return s.error();
  return id;
}

Result<std::vector<CustomerMerge>> Profiles::merges_into(TenantId tenant, RowId customer) {
  Result<Query> q = db_.query(
      "SELECT id, from_customer, into_customer, merged_by, merged_at, note FROM customer_merges "
      "WHERE tenant_id = ? AND into_customer = ? ORDER BY id");
  TAMAS_TRY(q);
  return collect<CustomerMerge>(q->bind(tenant).bind(customer), [&](const Query& r) {
    return CustomerMerge{r.i64(0), tenant, r.i64(1), r.i64(2), r.i64(3), r.instant(4), r.text(5)};
  });
}

Result<std::vector<TimelineEntry>> Profiles::timeline(TenantId tenant, RowId customer,
                                                      const std::optional<TimelineCursor>& after,
                                                      int limit) {
  const TimelineCursor c = after.value_or(
      TimelineCursor{from_millis(std::numeric_limits<std::int64_t>::max()),
                     TimelineSource::case_event, std::numeric_limits<std::int64_t>::max()});
  Result<Query> qi = db_.query(
      "SELECT id, arrived_at, channel, type, state, notes, "
      "coalesce(json_extract(fields_json, '$.survey'), '') FROM interactions WHERE tenant_id = ?1 "
      "AND customer_id = ?2 AND (arrived_at < ?3 OR (arrived_at = ?3 AND id < ?4)) "
      "ORDER BY arrived_at DESC, id DESC LIMIT ?5");
  TAMAS_TRY(qi);
  qi->bind(tenant).bind(customer).bind(c.at).bind(id_bound(TimelineSource::interaction, c));
  auto entries = collect<TimelineEntry>(qi->bind(limit), [](const Query& r) {
    return TimelineEntry{TimelineSource::interaction,
                         r.i64(0),
                         r.instant(1),
                         r.text(2),
                         r.text(3),
                         r.text(4),
                         r.text(5),
                         0,
                         r.text(6)};
  });
  TAMAS_TRY(entries);
  Result<Query> qe = db_.query(
      "SELECT e.id, e.at, c.channel, e.kind, e.to_state, e.note, e.case_id FROM case_events e "
      "JOIN cases c ON c.tenant_id = e.tenant_id AND c.id = e.case_id WHERE e.tenant_id = ?1 "
      "AND e.customer_id = ?2 AND (e.at < ?3 OR (e.at = ?3 AND e.id < ?4)) "
      "ORDER BY e.at DESC, e.id DESC LIMIT ?5");
  TAMAS_TRY(qe);
  qe->bind(tenant).bind(customer).bind(c.at).bind(id_bound(TimelineSource::case_event, c));
  auto events = collect<TimelineEntry>(qe->bind(limit), [](const Query& r) {
    return TimelineEntry{TimelineSource::case_event,
                         r.i64(0),
                         r.instant(1),
                         r.text(2),
                         r.text(3),
                         r.text(4),
                         r.text(5),
                         r.i64(6),
                         ""};
  });
  TAMAS_TRY(events);
  std::vector<TimelineEntry> all = std::move(*entries);
  all.insert(all.end(), events->begin(), events->end());
  std::sort(all.begin(), all.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.at != b.at) return a.at > b.at;
    if (a.source != b.source) return a.source > b.source;
    return a.id > b.id;
  });
  if (static_cast<int>(all.size()) > limit) all.resize(static_cast<std::size_t>(limit));
  return all;
}

}  // namespace tamas::store::sqlite
