#include "services/crm/identity.h"

#include <sstream>

#include "services/crm/profile.h"

namespace tamas::services::crm {
namespace {

std::vector<store::RowId> ids_of(const std::vector<store::Customer>& cs) {
  std::vector<store::RowId> ids;
  for (const auto& c : cs) ids.push_back(c.id);
  return ids;
}

Result<std::vector<store::RowId>> lookup(CrmContext& ctx, MatchedBy by, const ContactKeys& k) {
  auto& customers = ctx.store.customers();
  auto& profiles = ctx.store.profiles();
  switch (by) {
    case MatchedBy::phone: {
      auto r = customers.find_by_phone(ctx.tenant, k.phone);
      if (!r.ok()) return r.error();
      return ids_of(*r);
    }
    case MatchedBy::email: {
      auto r = customers.find_by_email(ctx.tenant, k.email);
      if (!r.ok()) return r.error();
      return ids_of(*r);
    }
    case MatchedBy::handle:
      return profiles.find_by_identity(ctx.tenant, store::IdentityKind::handle, k.handle);
    case MatchedBy::vin:
      return profiles.find_by_serial(ctx.tenant, k.vin);
    case MatchedBy::created:
      break;
  }
  return std::vector<store::RowId>{};
}

Result<store::RowId> create_provisional(CrmContext& ctx, const ContactKeys& k, Instant now) {
  store::Customer c;
  c.tenant = ctx.tenant;
  if (!k.phone.empty()) c.phones.push_back(k.phone);
  if (!k.email.empty()) c.emails.push_back(k.email);
  c.attributes_json = R"({"provisional":true})";
  c.segment = strategy::segment_of(ctx.strategy, attributes_of(c)).id;
  c.created_at = now;
  auto id = ctx.store.customers().add(c);
  if (!id.ok()) return id;
  if (!k.handle.empty()) {
    store::CustomerIdentity h{ctx.tenant, *id, store::IdentityKind::handle, k.handle, now};
    if (Status s = ctx.store.profiles().add_identity(h); !s.ok()) return s.error();
  }
  if (!k.vin.empty()) {
    store::CustomerAsset a;
    a.tenant = ctx.tenant;
    a.customer = *id;
    a.serial = k.vin;
    if (auto s = ctx.store.profiles().add_asset(a); !s.ok()) return s.error();
  }
  return id;
}

}  // namespace

const char* to_string(MatchedBy m) {
  switch (m) {
    case MatchedBy::phone:
      return "phone";
    case MatchedBy::email:
      return "email";
    case MatchedBy::handle:
      return "handle";
    case MatchedBy::vin:
      return "vin";
    case MatchedBy::created:
      return "created";
  }
  return "?";
}

Result<Resolution> find_customer(CrmContext& ctx, const ContactKeys& raw) {
  auto keys = canonical_keys(raw);
  if (!keys.ok()) return keys.error();
  if (keys->empty()) return Error::invalid("no phone, email, handle or VIN to match");
  const std::pair<MatchedBy, const std::string*> order[] = {{MatchedBy::phone, &keys->phone},
                                                            {MatchedBy::email, &keys->email},
                                                            {MatchedBy::handle, &keys->handle},
                                                            {MatchedBy::vin, &keys->vin}};
  for (const auto& [by, value] : order) {
    if (value->empty()) continue;
    auto ids = lookup(ctx, by, *keys);
    if (!ids.ok()) return ids.error();
    if (!ids->empty()) return Resolution{ids->front(), by, false, std::move(*ids)};
  }
  return Error::not_found("no customer matches");
}

Result<Resolution> resolve_customer(CrmContext& ctx, const ContactKeys& raw, Instant now) {
  auto found = find_customer(ctx, raw);
  if (found.ok() || found.error().code != ErrorCode::not_found) return found;
  auto keys = canonical_keys(raw);
  Result<store::RowId> id = Error::internal("unreachable");
  Status s = ctx.store.atomically([&]() -> Status {
    id = create_provisional(ctx, *keys, now);
    return id.ok() ? Status{} : Status(id.error());
  });
  if (!s.ok()) return s.error();
  return Resolution{*id, MatchedBy::created, true, {*id}};
}

Status name_provisional(CrmContext& ctx, store::RowId customer, const std::string& full_name) {
  auto c = ctx.store.customers().get(ctx.tenant, customer);
  if (!c.ok()) return c.error();
  if (!c->first_name.empty() || !c->last_name.empty()) return {};
  if (c->attributes_json.find("\"provisional\":true") == std::string::npos) return {};
  std::istringstream words(full_name);
  std::vector<std::string> parts;
  for (std::string w; words >> w;) parts.push_back(w);
  if (parts.empty()) return {};
  c->last_name = parts.size() > 1 ? parts.back() : "";
  if (parts.size() > 1) parts.pop_back();
  for (const auto& w : parts) c->first_name += (c->first_name.empty() ? "" : " ") + w;
  return ctx.store.customers().update(*c);
}

}  // namespace tamas::services::crm
