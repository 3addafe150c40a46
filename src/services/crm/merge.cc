#include "services/crm/merge.h"

#include <algorithm>

#include "services/crm/profile.h"

namespace tamas::services::crm {
namespace {

void add_missing(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& v : from)
    if (std::find(into.begin(), into.end(), v) == into.end()) into.push_back(v);
}

Status merge_rows(CrmContext& ctx, const MergeRequest& r, Instant now) {
  auto from = ctx.store.customers().get(ctx.tenant, r.from);
  if (!from.ok()) return from.error();
  auto into = ctx.store.customers().get(ctx.tenant, r.into);
  if (!into.ok()) return into.error();
  if (into->merged_into)
    return Error::conflict("customer " + std::to_string(r.into) + " was merged");
  add_missing(into->phones, from->phones);
  add_missing(into->emails, from->emails);
  if (into->first_name.empty()) into->first_name = from->first_name;
  if (into->last_name.empty()) into->last_name = from->last_name;
  if (into->province.empty()) into->province = from->province;
  if (into->city.empty()) into->city = from->city;
  auto logged = ctx.store.profiles().merge(
      store::CustomerMerge{0, ctx.tenant, r.from, r.into, r.by_user, now, r.note});
  if (!logged.ok()) return logged.error();
  if (Status s = ctx.store.customers().update(*into); !s.ok()) return s;
  store::Event e{ctx.tenant, 0, "customer.merged", now,
                 "{\"from\":" + std::to_string(r.from) + ",\"into\":" + std::to_string(r.into) +
                     ",\"by\":" + std::to_string(r.by_user) + "}"};
  auto appended = ctx.store.events().append(e);
  return appended.ok() ? Status{} : Status(appended.error());
}

}  // namespace

Result<store::Customer> merge_customers(CrmContext& ctx, const MergeRequest& r, Instant now) {
  if (r.from == r.into) return Error::invalid("cannot merge a customer into itself");
  Result<store::Customer> out = Error::internal("unreachable");
  Status s = ctx.store.atomically([&]() -> Status {
    if (Status m = merge_rows(ctx, r, now); !m.ok()) return m;
    out = refresh_segment(ctx, r.into, now);
    return out.ok() ? Status{} : Status(out.error());
  });
  if (!s.ok()) return s.error();
  return out;
}

}  // namespace tamas::services::crm
