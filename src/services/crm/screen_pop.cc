#include "services/crm/screen_pop.h"

#include <boost/json.hpp>

#include "services/crm/identity.h"
#include "services/crm/profile.h"

namespace tamas::services::crm {
namespace {

// The phone and email a contact left in its captured fields.
ContactKeys keys_of(const std::string& fields_json) {
  ContactKeys keys;
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(fields_json, ec);
  if (ec || !v.is_object()) return keys;
  const auto text = [&](const char* name) -> std::string {
    const auto* f = v.as_object().if_contains(name);
    return f && f->is_string() ? std::string(f->as_string()) : std::string();
  };
  keys.phone = text("phone");
  if (keys.phone.empty()) keys.phone = text("mobile");
  keys.email = text("email");
  return keys;
}

}  // namespace

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

Result<std::optional<ScreenPop>> screen_pop_for_contact(CrmContext& ctx,
                                                        const store::Interaction& contact,
                                                        Instant now) {
  std::optional<store::RowId> customer = contact.customer;
  if (!customer) {
    const ContactKeys keys = keys_of(contact.fields_json);
    if (keys.empty()) return std::optional<ScreenPop>();
    auto found = find_customer(ctx, keys);
    if (!found.ok()) {
      const ErrorCode code = found.error().code;
      if (code == ErrorCode::not_found || code == ErrorCode::invalid_argument)
        return std::optional<ScreenPop>();
      return found.error();
    }
    customer = found->customer;
  }
  auto pop = screen_pop(ctx, *customer, now);
  if (!pop.ok()) return pop.error();
  return std::optional<ScreenPop>(std::move(*pop));
}

}  // namespace tamas::services::crm
