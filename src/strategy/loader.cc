// The strategy loader: YAML text -> validated, compiled Strategy.
#include "strategy/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "strategy/parse.h"

namespace tamas::strategy {
namespace detail {
namespace {

void check_routes_cover_types(Ctx& ctx) {
  std::unordered_set<std::string> routed;
  for (const auto& r : ctx.st.routes) {
    if (r.types.empty()) return;  // a rule for every type
    routed.insert(r.types.begin(), r.types.end());
  }
  for (std::size_t i = 0; i < ctx.st.types.size(); ++i) {
    const std::string& id = ctx.st.types[i].id;
    if (!routed.count(id))
      ctx.sink.error(ctx.types.node_of(int(i)),
                     "interaction type '" + id + "' has no routing rule");
  }
}

// Every IVR menu must be reachable from some entry point.
void check_menus_reachable(Ctx& ctx) {
  const auto& menus = ctx.st.ivr_menus;
  std::vector<bool> seen(menus.size(), false);
  std::vector<int> todo;
  for (const auto& e : ctx.st.entry_points)
    if (e.ivr_index >= 0) todo.push_back(e.ivr_index);
  while (!todo.empty()) {
    const int m = todo.back();
    todo.pop_back();
    if (m < 0 || std::size_t(m) >= menus.size() || seen[std::size_t(m)]) continue;
    seen[std::size_t(m)] = true;
    for (const auto& o : menus[std::size_t(m)].options)
      if (o.action == IvrActionKind::submenu) todo.push_back(o.target_index);
  }
  for (std::size_t i = 0; i < menus.size(); ++i)
    if (!seen[i])
      ctx.sink.error(ctx.menus.node_of(int(i)), "IVR menu '" + menus[i].id +
                                                    "' is unreachable: no entry point or menu "
                                                    "option leads to it");
}

void resolve_business_hours(Ctx& ctx) {
  if (!ctx.business_hours.IsDefined()) return;
  Organisation& o = ctx.st.organisation;
  o.business_hours_index =
      resolve_hours(ctx, ctx.business_hours, o.business_hours, " in organisation");
}

bool too_deep(Sink& sink, std::size_t pos, int line, int col) {
  YAML::Mark m;
  m.pos = int(pos);
  m.line = line;
  m.column = col;
  sink.error(m, "nesting is too deep (more than 64 levels)");
  return false;
}

// yaml-cpp parses recursively: bound the nesting before handing it the text
// so hostile input cannot exhaust the stack. Counts flow brackets outside
// quotes and comments, block indentation, and "- " chains at a line start.
bool check_nesting(std::string_view text, Sink& sink) {
  constexpr int kMaxDepth = 64, kMaxIndent = 256;
  int depth = 0, line = 0, col = 0, indent = 0, chain = 0;
  bool at_start = true;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i, ++col) {
    const char c = text[i];
    if (c == '\n') {
      line++, col = -1, indent = 0, chain = 0, at_start = true;
      if (quote == '\'') quote = 0;  // keep the scan simple: quotes end at a line end
      continue;
    }
    if (at_start) {
      if (c == ' ')
        indent++;
      else if ((c == '-' || c == '?' || c == ':') && i + 1 < text.size() && text[i + 1] == ' ')
        chain++;
      else if (c != '\t')
        at_start = false;
      if (indent > kMaxIndent || chain > kMaxDepth) {
        return too_deep(sink, i, line, col);
      }
    }
    if (quote) {
      if (c == quote)
        quote = 0;
      else if (c == '\\' && quote == '"')
        ++i, ++col;
      continue;
    }
    if ((c == '"' || c == '\'') && (i == 0 || std::strchr(" \t[{,:-\n", text[i - 1])))
      quote = c;  // a quote opens a scalar only at a token start
    else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) {
        return too_deep(sink, i, line, col);
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

void copy_index(Ctx& ctx) {
  auto& x = ctx.st.index;
  x.schedules = ctx.schedules.map();
  x.fields = ctx.fields.map();
  x.skills = ctx.skills.map();
  x.agent_groups = ctx.groups.map();
  x.queues = ctx.queues.map();
  x.partners = ctx.partners.map();
  x.segments = ctx.segments.map();
  x.types = ctx.types.map();
  x.ivr_menus = ctx.menus.map();
  x.entry_points = ctx.entry_points.map();
  x.routes = ctx.routes.map();
}

void compile(Ctx& ctx, const YAML::Node& root) {
  if (root.IsNull()) {
    ctx.sink.error(root, "the strategy file is empty");
    return;
  }
  Map m(ctx.sink, root, "strategy file",
        {"organisation", "holidays", "hours", "fields", "skills", "agent_groups", "queues",
         "partners", "segments", "interaction_types", "ivr", "entry_points", "routing",
         "service_levels", "surveys", "cases", "governance", "voice"});
  if (!m.ok()) return;
  parse_organisation(ctx, m.need("organisation"));
  parse_holidays(ctx, m.get("holidays"));
  if (m.has("hours")) parse_hours(ctx, m.get("hours"));
  resolve_business_hours(ctx);
  parse_fields(ctx, m.get("fields"));
  parse_skills(ctx, m.get("skills"));
  parse_agent_groups(ctx, m.get("agent_groups"));
  parse_queues(ctx, m.get("queues"));
  parse_partners(ctx, m.get("partners"));
  parse_segments(ctx, m.get("segments"));
  parse_types(ctx, m.need("interaction_types"));
  parse_ivr(ctx, m.get("ivr"));
  parse_entry_points(ctx, m.need("entry_points"));
  parse_routing(ctx, m.need("routing"));
  parse_service_levels(ctx, m.get("service_levels"));
  parse_surveys(ctx, m.get("surveys"));
  if (m.has("cases")) parse_cases(ctx, m.get("cases"));
  if (m.has("governance")) parse_governance(ctx, m.get("governance"));
  if (m.has("voice")) parse_voice(ctx, m.get("voice"));
  check_routes_cover_types(ctx);
  check_menus_reachable(ctx);
  copy_index(ctx);
}

}  // namespace
}  // namespace detail

std::string format(const Diagnostic& d) {
  if (d.line <= 0) return d.file + ": error: " + d.message;
  return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) +
         ": error: " + d.message;
}

LoadResult load_strategy_text(std::string_view text, const std::string& filename,
                              std::optional<std::string> base_dir) {
  detail::Ctx ctx(filename);
  ctx.base_dir = std::move(base_dir);
  LoadResult out;
  if (text.size() > kMaxStrategyBytes) {
    ctx.sink.error(YAML::Mark::null_mark(), "file is larger than 4 MiB");
  } else {
    try {
      if (detail::check_nesting(text, ctx.sink)) {
        const YAML::Node root = YAML::Load(std::string(text));
        detail::compile(ctx, root);
      }
    } catch (const YAML::Exception& e) {
      ctx.sink.error(e.mark, "invalid YAML: " + e.msg);
    } catch (const std::exception& e) {
      ctx.sink.error(YAML::Mark::null_mark(), std::string("internal error: ") + e.what());
    }
  }
  out.errors = std::move(ctx.sink.diagnostics());
  std::stable_sort(out.errors.begin(), out.errors.end(), [](const auto& a, const auto& b) {
    return std::pair(a.line, a.col) < std::pair(b.line, b.col);
  });
  out.errors.erase(std::unique(out.errors.begin(), out.errors.end(),
                               [](const auto& a, const auto& b) {
                                 return a.line == b.line && a.col == b.col &&
                                        a.message == b.message;
                               }),
                   out.errors.end());
  if (out.errors.empty()) out.strategy = std::move(ctx.st);
  return out;
}

LoadResult load_strategy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult out;
    out.errors.push_back(
        Diagnostic{path, 0, 0, std::string("cannot open file: ") + std::strerror(errno)});
    return out;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return load_strategy_text(buf.str(), path, std::filesystem::path(path).parent_path().string());
}

}  // namespace tamas::strategy
