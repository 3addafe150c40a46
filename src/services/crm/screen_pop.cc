#include "services/crm/screen_pop.h"

#include "services/crm/profile.h"

namespace tamas::services::crm {

Result<ScreenPop> screen_pop(CrmContext& ctx, store::RowId customer, Instant now) {
  auto c = ctx.store.customers().get(ctx.tenant, customer);
  for (int hops = 0; c.ok() && c->merged_into && hops < 16; ++hops)
    c = ctx.store.customers().get(ctx.tenant, *c->merged_into);
  if (!c.ok()) return c.error();
  auto standing = standing_of(ctx, *c, now);
  if (!standing.ok()) return standing.error();
  auto cases = ctx.store.cases().by_customer(ctx.tenant, c->id, /*open_only=*/true);
  if (!cases.ok()) return cases.error();
  if (cases->size() > 5) cases->resize(5);
  auto recent = ctx.store.profiles().timeline(ctx.tenant, c->id, std::nullopt, 5);
  if (!recent.ok()) return recent.error();
  return ScreenPop{std::move(*c), standing->segment, standing->value, std::move(*cases),
                   std::move(*recent)};
}

}  // namespace tamas::services::crm
