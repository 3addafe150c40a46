// Sections: fields, skills, agent_groups, queues, partners.
#include <regex>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

void check_pattern(Ctx& ctx, const YAML::Node& n, const std::string& pattern) {
  if (pattern.size() > 256) {
    ctx.sink.error(n, "pattern is longer than 256 characters");
    return;
  }
  try {
    std::regex re(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    ctx.sink.error(n, "invalid pattern '" + pattern + "'");
  }
}

void parse_field(Ctx& ctx, Map& m, Field& f) {
  const std::string where = in("field", f.id);
  if (auto t = read_text(ctx.sink, m.need("name"), "field name")) f.name = *t;
  if (auto t = read_choice(ctx.sink, m.need("type"), "field type", field_type_names()))
    f.type = FieldType(*t);
  if (auto p = read_choice(ctx.sink, m.need("privacy"), "privacy class", privacy_names()))
    f.privacy = Privacy(*p);
  if (auto p = read_string(ctx.sink, m.get("pattern"), "pattern")) {
    check_pattern(ctx, m.get("pattern"), *p);
    f.pattern = *p;
  }
  if (auto v = read_int(ctx.sink, m.get("min_length"), "min_length", 0, 10000)) f.min_length = *v;
  if (auto v = read_int(ctx.sink, m.get("max_length"), "max_length", 1, 10000)) f.max_length = *v;
  if (f.max_length > 0 && f.min_length > f.max_length)
    ctx.sink.error(m.get("min_length"), "min_length is greater than max_length" + where);
  if (auto b = read_bool(ctx.sink, m.get("reported"), "reported")) f.reported = *b;
  if (auto c = read_list(ctx.sink, m.get("choices"), "choices")) f.choices = *c;
  if (f.type == FieldType::choice && f.choices.empty() && !m.has("choices"))
    ctx.sink.error(m.node(), "choice field '" + f.id + "' needs 'choices'");
  if (f.type != FieldType::choice && m.has("choices"))
    ctx.sink.error(m.key_node("choices"), "'choices' only applies to a choice field" + where);
}

}  // namespace

void parse_fields(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "fields")) {
    Map m(ctx.sink, item, "field",
          {"id", "name", "type", "privacy", "pattern", "min_length", "max_length", "choices",
           "reported"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "field id");
    if (!id || ctx.fields.define(*id, m.get("id")) < 0) continue;
    Field f;
    f.id = *id;
    parse_field(ctx, m, f);
    ctx.st.fields.push_back(std::move(f));
  }
}

void parse_skills(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "skills")) {
    Skill s;
    YAML::Node id_node = item;
    if (item.IsMap()) {
      Map m(ctx.sink, item, "skill", {"id", "name"});
      id_node = m.need("id");
      if (auto t = read_text(ctx.sink, m.get("name"), "skill name")) s.name = *t;
    }
    auto id = read_id(ctx.sink, id_node, "skill id");
    if (!id || ctx.skills.define(*id, id_node) < 0) continue;
    s.id = *id;
    ctx.st.skills.push_back(std::move(s));
  }
}

std::vector<SkillLevel> parse_skill_levels(Ctx& ctx, const YAML::Node& n,
                                           const std::string& ctx_text) {
  std::vector<SkillLevel> out;
  if (!n.IsDefined()) return out;
  if (!n.IsMap()) {
    ctx.sink.error(n,
                   std::string("expected a mapping of skill to level (1-5), found ") + describe(n));
    return out;
  }
  for (const auto& it : n) {
    auto id = read_id(ctx.sink, it.first, "skill");
    if (!id) continue;
    SkillLevel sl;
    sl.skill = *id;
    sl.skill_index = ctx.skills.resolve(*id, it.first, ctx_text);
    auto level = read_int(ctx.sink, it.second, "level of skill '" + *id + "'", 1, 5);
    if (sl.skill_index < 0 || !level) continue;
    sl.level = *level;
    out.push_back(sl);
  }
  return out;
}

void parse_agent_groups(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "agent_groups")) {
    Map m(ctx.sink, item, "agent group", {"id", "name", "skills"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "agent group id");
    if (!id || ctx.groups.define(*id, m.get("id")) < 0) continue;
    AgentGroup g;
    g.id = *id;
    if (auto t = read_text(ctx.sink, m.get("name"), "agent group name")) g.name = *t;
    g.skills = parse_skill_levels(ctx, m.need("skills"), in("agent group", g.id));
    ctx.st.agent_groups.push_back(std::move(g));
  }
}

void parse_queues(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "queues")) {
    Map m(ctx.sink, item, "queue",
          {"id", "name", "selection", "max_size", "offer_timeout", "wrap_up", "hours", "groups"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "queue id");
    if (!id || ctx.queues.define(*id, m.get("id")) < 0) continue;
    Queue q;
    q.id = *id;
    const std::string where = in("queue", q.id);
    if (auto t = read_text(ctx.sink, m.get("name"), "queue name")) q.name = *t;
    if (auto s = read_choice(ctx.sink, m.get("selection"), "selection policy", selection_names()))
      q.selection = SelectionPolicy(*s);
    if (auto v = read_int(ctx.sink, m.get("max_size"), "max_size", 0, 1000000)) q.max_size = *v;
    if (auto d = read_duration(ctx.sink, m.get("offer_timeout"), "offer_timeout"))
      q.offer_timeout = *d;
    if (auto d = read_duration(ctx.sink, m.get("wrap_up"), "wrap_up")) q.wrap_up = *d;
    if (m.has("hours")) q.hours_index = resolve_hours(ctx, m.get("hours"), q.hours, where);
    const YAML::Node groups = m.need("groups");
    if (auto g = read_list(ctx.sink, groups, "groups")) {
      if (g->empty()) ctx.sink.error(groups, "queue '" + q.id + "' has no agent groups");
      for (const auto& gid : *g) {
        const int gi = ctx.groups.resolve(gid, groups, where);
        if (gi < 0) continue;
        q.groups.push_back(gid);
        q.group_indices.push_back(gi);
      }
    }
    ctx.st.queues.push_back(std::move(q));
  }
}

void parse_partners(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "partners")) {
    Map m(ctx.sink, item, "partner", {"id", "name", "number", "hours"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "partner id");
    if (!id || ctx.partners.define(*id, m.get("id")) < 0) continue;
    Partner p;
    p.id = *id;
    if (auto t = read_text(ctx.sink, m.get("name"), "partner name")) p.name = *t;
    if (auto v = read_string(ctx.sink, m.need("number"), "partner number")) p.number = *v;
    if (m.has("hours"))
      p.hours_index = resolve_hours(ctx, m.get("hours"), p.hours, in("partner", p.id));
    ctx.st.partners.push_back(std::move(p));
  }
}

}  // namespace tamas::strategy::detail
