// Route, segment and service-level look-ups (see match.h).
#include "strategy/match.h"

#include <algorithm>
#include <cassert>
#include <charconv>

namespace tamas::strategy {
namespace {

bool as_number(std::string_view s, double& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool holds(const Condition& c, const Attributes& a) {
  auto it = a.find(c.attribute);
  const bool present = it != a.end() && !it->second.empty();
  double x = 0;
  switch (c.op) {
    case ConditionOp::present:
      return present;
    case ConditionOp::is:
      return present && it->second == c.values.front();
    case ConditionOp::is_not:
      return c.values.front().empty() ? !present : !present || it->second != c.values.front();
    case ConditionOp::in:
      return present && contains(c.values, it->second);
    case ConditionOp::not_in:
      return !present || !contains(c.values, it->second);
    default:
      break;
  }
  if (!present || !as_number(it->second, x)) return false;
  switch (c.op) {
    case ConditionOp::at_least:
      return x >= c.number;
    case ConditionOp::at_most:
      return x <= c.number;
    case ConditionOp::above:
      return x > c.number;
    case ConditionOp::below:
      return x < c.number;
    default:
      return false;
  }
}

bool any_or(const std::vector<std::string>& allowed, std::string_view x) {
  return allowed.empty() || contains(allowed, x);
}

}  // namespace

const Segment& segment_of(const Strategy& s, const Attributes& customer) {
  assert(!s.segments.empty());
  for (const auto& seg : s.segments) {
    const bool all = std::all_of(seg.when.begin(), seg.when.end(),
                                 [&](const Condition& c) { return holds(c, customer); });
    if (all) return seg;
  }
  return s.segments.back();
}

const RoutingRule* match_route(const Strategy& s, std::string_view type, std::string_view channel,
                               std::string_view segment, const Attributes& fields) {
  for (const auto& r : s.routes) {
    if (!any_or(r.types, type) || !any_or(r.channels, channel) || !any_or(r.segments, segment))
      continue;
    const bool fields_ok = std::all_of(r.fields.begin(), r.fields.end(), [&](const FieldMatch& f) {
      auto it = fields.find(f.field);
      return it != fields.end() && contains(f.values, it->second);
    });
    if (fields_ok) return &r;
  }
  return nullptr;
}

const ServiceLevel* service_level_for(const Strategy& s, std::string_view type,
                                      std::string_view channel, std::string_view segment) {
  const ServiceLevel* best = nullptr;
  int best_wild = 4;
  for (const auto& sl : s.service_levels) {
    if ((sl.type != "*" && sl.type != type) || (sl.channel != "*" && sl.channel != channel) ||
        (sl.segment != "*" && sl.segment != segment))
      continue;
    const int wild = (sl.type == "*") + (sl.channel == "*") + (sl.segment == "*");
    if (wild < best_wild) best = &sl, best_wild = wild;
  }
  return best;
}

}  // namespace tamas::strategy
