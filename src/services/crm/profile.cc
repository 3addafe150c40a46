#include "services/crm/profile.h"

#include <boost/json.hpp>

#include <cstdio>

namespace tamas::services::crm {
namespace {

std::string text_of(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v.as_double());
    return buf;
  }
  return {};
}

}  // namespace

strategy::Attributes attributes_of(const store::Customer& c) {
  strategy::Attributes out;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(c.attributes_json, ec);
  if (!ec && v.is_object())
    for (const auto& [k, val] : v.as_object())
      if (!val.is_null() && !val.is_object() && !val.is_array()) out[std::string(k)] = text_of(val);
  if (!c.province.empty()) out["province"] = c.province;
  if (!c.city.empty()) out["city"] = c.city;
  return out;
}

Result<ValueFacts> value_facts(CrmContext& ctx, store::RowId customer) {
  auto stats = ctx.store.profiles().contact_stats(ctx.tenant, customer);
  if (!stats.ok()) return stats.error();
  auto assets = ctx.store.profiles().assets(ctx.tenant, customer);
  if (!assets.ok()) return assets.error();
  ValueFacts f{stats->last_contact, stats->interactions, 0, stats->complaints};
  for (const store::CustomerAsset& a : *assets) f.monetary += a.amount;
  return f;
}

Result<Standing> standing_of(CrmContext& ctx, const store::Customer& c, Instant now) {
  auto facts = value_facts(ctx, c.id);
  if (!facts.ok()) return facts.error();
  Standing s;
  s.value = customer_value(*facts, now);
  strategy::Attributes attrs = attributes_of(c);
  attrs["value_tier"] = s.value.tier;
  attrs["value_score"] = std::to_string(static_cast<int>(s.value.score));
  s.segment = strategy::segment_of(ctx.strategy, attrs).id;
  return s;
}

Result<store::Customer> refresh_segment(CrmContext& ctx, store::RowId customer, Instant now) {
  auto c = ctx.store.customers().get(ctx.tenant, customer);
  if (!c.ok()) return c;
  auto s = standing_of(ctx, *c, now);
  if (!s.ok()) return s.error();
  if (c->segment != s->segment) {
    c->segment = s->segment;
    if (Status st = ctx.store.customers().update(*c); !st.ok()) return st.error();
  }
  return c;
}

Result<store::Customer> set_attributes(CrmContext& ctx, store::RowId customer,
                                       const std::string& attributes_json, Instant now) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(attributes_json, ec);
  if (ec || !v.is_object()) return Error::invalid("attributes must be a JSON object");
  auto c = ctx.store.customers().get(ctx.tenant, customer);
  if (!c.ok()) return c;
  c->attributes_json = boost::json::serialize(v);
  if (Status st = ctx.store.customers().update(*c); !st.ok()) return st.error();
  return refresh_segment(ctx, customer, now);
}

}  // namespace tamas::services::crm
