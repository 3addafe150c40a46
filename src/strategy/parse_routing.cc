// Sections: routing (rules: match -> queue or partner, skills, relaxation,
// overflow, after-hours and no-agent actions).
#include <algorithm>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

// A list of ids of one kind, "*" meaning any (returned as empty).
std::vector<std::string> parse_match_list(Ctx& ctx, const YAML::Node& n, IdTable* table,
                                          const std::string& what, const std::string& where) {
  std::vector<std::string> out;
  auto ids = read_list(ctx.sink, n, what);
  if (!ids) return out;
  for (const auto& id : *ids) {
    if (id == "*") return {};
    if (table) {
      if (table->resolve(id, n, where) >= 0) out.push_back(id);
    } else if (std::find(channel_names().begin(), channel_names().end(), id) ==
               channel_names().end()) {
      ctx.sink.error(n, "unknown channel '" + id + "'" + where + did_you_mean(id, channel_names()));
    } else {
      out.push_back(id);
    }
  }
  return out;
}

void parse_field_matches(Ctx& ctx, const YAML::Node& n, RoutingRule& r, const std::string& where) {
  if (!n.IsMap()) {
    ctx.sink.error(
        n, std::string("expected a mapping of field to value for 'fields', found ") + describe(n));
    return;
  }
  for (const auto& it : n) {
    auto id = read_id(ctx.sink, it.first, "field");
    if (!id) continue;
    FieldMatch fm;
    fm.field = *id;
    fm.field_index = ctx.fields.resolve(*id, it.first, where);
    auto values = read_list(ctx.sink, it.second, *id);
    if (fm.field_index < 0 || !values) continue;
    const Field& f = ctx.st.fields[std::size_t(fm.field_index)];
    for (const auto& v : *values) {
      if (f.type == FieldType::choice &&
          std::find(f.choices.begin(), f.choices.end(), v) == f.choices.end())
        ctx.sink.error(it.second, "'" + v + "' is not one of the choices of field '" + f.id + "'" +
                                      did_you_mean(v, f.choices));
    }
    fm.values = *values;
    r.fields.push_back(std::move(fm));
  }
}

void parse_when(Ctx& ctx, const YAML::Node& n, RoutingRule& r, const std::string& where) {
  Map m(ctx.sink, n, "rule match", {"type", "channel", "segment", "fields"});
  if (!m.ok()) return;
  r.types = parse_match_list(ctx, m.get("type"), &ctx.types, "type", where);
  r.channels = parse_match_list(ctx, m.get("channel"), nullptr, "channel", where);
  r.segments = parse_match_list(ctx, m.get("segment"), &ctx.segments, "segment", where);
  if (m.has("fields")) parse_field_matches(ctx, m.get("fields"), r, where);
}

std::optional<Fallback> parse_fallback(Ctx& ctx, const YAML::Node& n, const std::string& what,
                                       const std::string& where) {
  Fallback f;
  YAML::Node action = n;
  std::optional<Map> m;
  if (n.IsMap()) {
    m.emplace(ctx.sink, n, what,
              std::initializer_list<const char*>{"action", "message", "partner"});
    action = m->need("action");
  }
  auto k = read_choice(ctx.sink, action, what + " action", fallback_names());
  if (!k) return std::nullopt;
  f.kind = FallbackKind(*k);
  if (f.kind == FallbackKind::wait && what == "after_hours") {
    ctx.sink.error(action, "'wait' is not an after_hours action");
    return std::nullopt;
  }
  const YAML::Node partner = m ? m->get("partner") : YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node message = m ? m->get("message") : YAML::Node(YAML::NodeType::Undefined);
  if (f.kind == FallbackKind::transfer && !partner.IsDefined())
    ctx.sink.error(n, what + " transfer needs 'partner'");
  if (f.kind == FallbackKind::message && !message.IsDefined())
    ctx.sink.error(n, what + " message needs 'message'");
  if (auto p = read_id(ctx.sink, partner, "partner")) {
    f.partner = *p;
    f.partner_index = ctx.partners.resolve(*p, partner, where);
  }
  if (auto t = read_text(ctx.sink, message, "message")) f.message = *t;
  return f;
}

void parse_relax(Ctx& ctx, const YAML::Node& n, RoutingRule& r, const std::string& where) {
  for (const auto& item : read_seq(ctx.sink, n, "relax")) {
    Map m(ctx.sink, item, "relaxation step", {"after", "skills"});
    if (!m.ok()) continue;
    Relaxation step;
    auto after = read_duration(ctx.sink, m.need("after"), "after");
    step.skills = parse_skill_levels(ctx, m.need("skills"), where);
    if (!after) continue;
    step.after = *after;
    if (!r.relax.empty() && r.relax.back().after >= step.after)
      ctx.sink.error(m.get("after"), "relaxation steps must have increasing 'after' times");
    r.relax.push_back(std::move(step));
  }
}

void parse_target(Ctx& ctx, const Map& m, RoutingRule& r, const std::string& where) {
  const bool q = m.has("queue"), t = m.has("transfer");
  if (q == t)
    ctx.sink.error(m.get("id"),
                   "routing rule '" + r.id +
                       (q ? "' has both 'queue' and 'transfer'" : "' needs 'queue' or 'transfer'"));
  if (auto v = read_id(ctx.sink, m.get("queue"), "queue")) {
    r.queue = *v;
    r.queue_index = ctx.queues.resolve(*v, m.get("queue"), where);
  }
  if (auto v = read_id(ctx.sink, m.get("transfer"), "partner")) {
    r.transfer = *v;
    r.transfer_index = ctx.partners.resolve(*v, m.get("transfer"), where);
  }
}

void parse_rule(Ctx& ctx, const Map& m, RoutingRule& r) {
  const std::string where = in("routing rule", r.id);
  if (m.has("when")) parse_when(ctx, m.get("when"), r, where);
  parse_target(ctx, m, r, where);
  r.skills = parse_skill_levels(ctx, m.get("skills"), where);
  if (auto p = read_int(ctx.sink, m.get("priority"), "priority", 0, 100)) r.priority = *p;
  parse_relax(ctx, m.get("relax"), r, where);
  if (m.has("overflow")) {
    Map o(ctx.sink, m.get("overflow"), "overflow", {"after", "queue"});
    if (o.ok()) {
      Overflow ov;
      if (auto d = read_duration(ctx.sink, o.need("after"), "after")) ov.after = *d;
      if (auto q = read_id(ctx.sink, o.need("queue"), "queue")) {
        ov.queue = *q;
        ov.queue_index = ctx.queues.resolve(*q, o.get("queue"), where);
      }
      r.overflow = ov;
    }
  }
  if (m.has("after_hours"))
    if (auto f = parse_fallback(ctx, m.get("after_hours"), "after_hours", where))
      r.after_hours = *f;
  if (m.has("no_agents"))
    if (auto f = parse_fallback(ctx, m.get("no_agents"), "no_agents", where)) r.no_agents = *f;
}

bool matches_everything(const RoutingRule& r) {
  return r.types.empty() && r.channels.empty() && r.segments.empty() && r.fields.empty();
}

// The loosest skill requirement of `r` must be met by some agent group of
// its queue, or its contacts would wait for ever.
void check_servable(Ctx& ctx, const Map& m, const RoutingRule& r) {
  if (r.queue_index < 0) return;
  const auto& need = r.relax.empty() ? r.skills : r.relax.back().skills;
  const Queue& q = ctx.st.queues[std::size_t(r.queue_index)];
  for (const SkillLevel& s : need) {
    const bool met = std::any_of(q.group_indices.begin(), q.group_indices.end(), [&](int g) {
      const auto& have = ctx.st.agent_groups[std::size_t(g)].skills;
      return std::any_of(have.begin(), have.end(), [&](const SkillLevel& h) {
        return h.skill_index == s.skill_index && h.level >= s.level;
      });
    });
    if (!met)
      ctx.sink.error(m.get("id"), "routing rule '" + r.id +
                                      "' can never be served: no agent group "
                                      "of queue '" +
                                      q.id + "' has skill '" + s.skill + "' at level " +
                                      std::to_string(s.level) + " or above");
  }
}

}  // namespace

void parse_routing(Ctx& ctx, const YAML::Node& n) {
  std::string catch_all;
  for (const auto& item : read_seq(ctx.sink, n, "routing")) {
    Map m(ctx.sink, item, "routing rule",
          {"id", "when", "queue", "transfer", "skills", "priority", "relax", "overflow",
           "after_hours", "no_agents"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "routing rule id");
    if (!id || ctx.routes.define(*id, m.get("id")) < 0) continue;
    RoutingRule r;
    r.id = *id;
    parse_rule(ctx, m, r);
    check_servable(ctx, m, r);
    if (!catch_all.empty())
      ctx.sink.error(m.get("id"), "routing rule '" + r.id + "' can never match: rule '" +
                                      catch_all + "' above it matches every contact");
    else if (!m.has("when") && matches_everything(r))
      catch_all = r.id;
    ctx.st.routes.push_back(std::move(r));
  }
}

}  // namespace tamas::strategy::detail
