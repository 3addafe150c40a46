// Sections: segments, interaction_types, entry_points; information requirements.
#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

const std::vector<std::string>& op_keys() {
  static const std::vector<std::string> v{"is",      "is_not", "in",    "not_in", "at_least",
                                          "at_most", "above",  "below", "present"};
  return v;
}

bool parse_number(const std::string& s, double& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

void parse_condition_ops(Ctx& ctx, const std::string& attr, const YAML::Node& n,
                         std::vector<Condition>& out) {
  for (const auto& it : n) {
    const std::string op = it.first.IsScalar() ? it.first.Scalar() : "";
    auto pos = std::find(op_keys().begin(), op_keys().end(), op);
    if (pos == op_keys().end()) {
      ctx.sink.error(it.first, "unknown operator '" + op + "' for '" + attr +
                                   "'; expected one of: is, is_not, in, not_in, at_least, "
                                   "at_most, above, below, present" +
                                   did_you_mean(op, op_keys()));
      continue;
    }
    Condition c;
    c.attribute = attr;
    c.op = ConditionOp(pos - op_keys().begin());
    if (c.op >= ConditionOp::at_least && c.op <= ConditionOp::below) {
      auto v = read_string(ctx.sink, it.second, op);
      if (!v) continue;
      if (!parse_number(*v, c.number)) {
        ctx.sink.error(it.second, "'" + op + "' needs a number, got '" + *v + "'");
        continue;
      }
    } else if (c.op == ConditionOp::present) {
      auto b = read_bool(ctx.sink, it.second, "present");
      if (!b) continue;
      if (!*b) c.op = ConditionOp::is_not, c.values = {""};
    } else {
      auto v = read_list(ctx.sink, it.second, op);
      if (!v) continue;
      if ((c.op == ConditionOp::is || c.op == ConditionOp::is_not) && v->size() != 1) {
        ctx.sink.error(it.second, "'" + op + "' needs one value; use 'in' for a list");
        continue;
      }
      c.values = *v;
    }
    out.push_back(std::move(c));
  }
}

std::vector<Condition> parse_conditions(Ctx& ctx, const YAML::Node& n) {
  std::vector<Condition> out;
  if (!n.IsDefined()) return out;
  if (!n.IsMap()) {
    ctx.sink.error(n, std::string("expected a mapping of customer attributes for 'when', found ") +
                          describe(n));
    return out;
  }
  for (const auto& it : n) {
    auto attr = read_id(ctx.sink, it.first, "customer attribute");
    if (!attr) continue;
    if (it.second.IsMap()) {
      parse_condition_ops(ctx, *attr, it.second, out);
    } else if (auto v = read_list(ctx.sink, it.second, *attr)) {
      Condition c;
      c.attribute = *attr;
      c.op = it.second.IsSequence() ? ConditionOp::in : ConditionOp::is;
      c.values = *v;
      out.push_back(std::move(c));
    }
  }
  return out;
}

void parse_segment(Ctx& ctx, const Map& m, Segment& s) {
  const std::string where = in("segment", s.id);
  if (auto t = read_text(ctx.sink, m.get("name"), "segment name")) s.name = *t;
  if (auto p = read_int(ctx.sink, m.get("priority"), "priority", 0, 100)) s.priority = *p;
  s.when = parse_conditions(ctx, m.get("when"));
  if (m.has("queue")) {
    if (auto q = read_id(ctx.sink, m.get("queue"), "queue")) {
      s.queue = *q;
      s.queue_index = ctx.queues.resolve(*q, m.get("queue"), where);
    }
  }
  if (m.has("service_level")) {
    ServiceLevel sl;
    sl.segment = s.id;
    if (parse_objective(ctx, m.get("service_level"), YAML::Node(YAML::NodeType::Undefined), sl))
      ctx.st.service_levels.push_back(sl);
  }
}

}  // namespace

void parse_segments(Ctx& ctx, const YAML::Node& n) {
  std::string catch_all;
  for (const auto& item : read_seq(ctx.sink, n, "segments")) {
    Map m(ctx.sink, item, "segment", {"id", "name", "priority", "when", "queue", "service_level"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "segment id");
    if (!id || ctx.segments.define(*id, m.get("id")) < 0) continue;
    Segment s;
    s.id = *id;
    parse_segment(ctx, m, s);
    if (!catch_all.empty())
      ctx.sink.error(m.get("id"), "segment '" + s.id + "' can never match: segment '" + catch_all +
                                      "' above it matches every customer");
    if (s.when.empty() && !m.has("when")) catch_all = s.id;
    ctx.st.segments.push_back(std::move(s));
  }
  if (catch_all.empty()) {
    Segment def;
    def.id = ctx.segments.contains("default") ? "_default" : "default";
    def.name = Text{"عمومی", "General"};
    def.implicit = true;
    ctx.segments.define(def.id, n.IsDefined() ? n : YAML::Node());
    ctx.st.segments.push_back(std::move(def));
  }
}

std::vector<FieldRequirement> parse_information(Ctx& ctx, const YAML::Node& n,
                                                const std::string& ctx_text) {
  std::vector<FieldRequirement> out;
  std::unordered_set<std::string> seen;
  Map m(ctx.sink, n, "information", {"required", "optional"});
  if (!m.ok()) return out;
  for (const char* key : {"required", "optional"}) {
    const YAML::Node list = m.get(key);
    auto ids = read_list(ctx.sink, list, key);
    if (!ids) continue;
    for (const auto& id : *ids) {
      const int fi = ctx.fields.resolve(id, list, ctx_text);
      if (fi < 0) continue;
      if (!seen.insert(id).second) {
        ctx.sink.error(list, "field '" + id + "' is listed twice" + ctx_text);
        continue;
      }
      out.push_back(FieldRequirement{id, fi, std::string(key) == "required"});
    }
  }
  return out;
}

void parse_types(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "interaction_types")) {
    Map m(ctx.sink, item, "interaction type",
          {"id", "name", "kind", "priority", "opens_case", "hours", "information"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "interaction type id");
    if (!id || ctx.types.define(*id, m.get("id")) < 0) continue;
    InteractionType t;
    t.id = *id;
    const std::string where = in("interaction type", t.id);
    if (auto v = read_text(ctx.sink, m.need("name"), "interaction type name")) t.name = *v;
    if (auto k = read_choice(ctx.sink, m.need("kind"), "case kind", case_kind_names()))
      t.kind = CaseKind(*k);
    if (auto p = read_int(ctx.sink, m.get("priority"), "priority", 0, 100)) t.priority = *p;
    if (auto b = read_bool(ctx.sink, m.get("opens_case"), "opens_case")) t.opens_case = *b;
    if (m.has("hours")) t.hours_index = resolve_hours(ctx, m.get("hours"), t.hours, where);
    if (m.has("information")) t.information = parse_information(ctx, m.get("information"), where);
    ctx.st.types.push_back(std::move(t));
  }
}

}  // namespace tamas::strategy::detail
