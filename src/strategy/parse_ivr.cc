// Section `ivr`: menus, options (digit -> action), digit collection (R13).
#include <algorithm>
#include <regex>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

const char* const kActions[] = {"set_type", "submenu", "transfer", "route", "agent", "repeat"};

std::optional<Collect> parse_collect(Ctx& ctx, const YAML::Node& n, const std::string& where) {
  Map m(ctx.sink, n, "collect", {"field", "prompt", "pattern", "min_digits", "max_digits"});
  if (!m.ok()) return std::nullopt;
  Collect c;
  auto field = read_id(ctx.sink, m.need("field"), "field");
  if (field) {
    c.field = *field;
    c.field_index = ctx.fields.resolve(*field, m.get("field"), where);
  }
  if (auto t = read_text(ctx.sink, m.get("prompt"), "collect prompt")) c.prompt = *t;
  if (auto p = read_string(ctx.sink, m.get("pattern"), "pattern")) {
    c.pattern = *p;
    try {
      if (p->size() > 256) throw std::regex_error(std::regex_constants::error_complexity);
      std::regex re(*p, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      ctx.sink.error(m.get("pattern"), "invalid pattern '" + p->substr(0, 256) + "'");
    }
  }
  if (auto v = read_int(ctx.sink, m.get("min_digits"), "min_digits", 1, 64)) c.min_digits = *v;
  if (auto v = read_int(ctx.sink, m.get("max_digits"), "max_digits", 1, 64)) c.max_digits = *v;
  if (c.min_digits > c.max_digits)
    ctx.sink.error(n, "min_digits is greater than max_digits" + where);
  return c;
}

void parse_action(Ctx& ctx, const Map& m, IvrOption& o, const std::string& where) {
  const std::string key = to_string(o.action);
  const YAML::Node v = m.get(key);
  switch (o.action) {
    case IvrActionKind::agent:
    case IvrActionKind::repeat:
      if (auto b = read_bool(ctx.sink, v, key); b && !*b)
        ctx.sink.error(v, "'" + key + "' can only be true");
      return;
    default:
      break;
  }
  auto id = read_id(ctx.sink, v, key);
  if (!id) return;
  o.target = *id;
  IdTable* table = o.action == IvrActionKind::set_type   ? &ctx.types
                   : o.action == IvrActionKind::submenu  ? &ctx.menus
                   : o.action == IvrActionKind::transfer ? &ctx.partners
                                                         : &ctx.queues;
  o.target_index = table->resolve(*id, v, where);
}

void parse_option(Ctx& ctx, const YAML::Node& key, const YAML::Node& n, const IvrMenu& menu,
                  IvrOption& o) {
  const std::string where = " in IVR menu '" + menu.id + "'";
  Map m(ctx.sink, n, "IVR option",
        {"say", "set_type", "submenu", "transfer", "route", "agent", "repeat", "collect"});
  if (!m.ok()) return;
  if (auto t = read_text(ctx.sink, m.get("say"), "say")) o.say = *t;
  int actions = 0;
  for (int i = 0; i < 6; ++i) {
    if (!m.has(kActions[i])) continue;
    if (++actions == 1) o.action = IvrActionKind(i);
  }
  const std::string label = "IVR option '" + key.Scalar() + "'" + where;
  if (actions == 0) {
    ctx.sink.error(key, label +
                            " has no action; add one of set_type, submenu, transfer, "
                            "route, agent, repeat");
    return;
  }
  if (actions > 1) ctx.sink.error(key, label + " has more than one action");
  parse_action(ctx, m, o, where);
  if (m.has("collect")) o.collect = parse_collect(ctx, m.get("collect"), where);
}

void parse_menu(Ctx& ctx, const Map& m, IvrMenu& menu) {
  if (auto t = read_text(ctx.sink, m.need("prompt"), "prompt")) menu.prompt = *t;
  if (auto t = read_text(ctx.sink, m.get("invalid"), "invalid")) menu.invalid = *t;
  if (auto d = read_duration(ctx.sink, m.get("timeout"), "timeout")) menu.timeout = *d;
  if (auto v = read_int(ctx.sink, m.get("max_retries"), "max_retries", 0, 10))
    menu.max_retries = *v;
  const YAML::Node opts = m.need("options");
  if (!opts.IsDefined()) return;
  if (!opts.IsMap() || opts.size() == 0) {
    ctx.sink.error(opts, "IVR menu '" + menu.id +
                             "' needs options: a mapping of keys such as 1, "
                             "2 or \"*\" to actions");
    return;
  }
  for (const auto& it : opts) {
    const std::string k = it.first.IsScalar() ? it.first.Scalar() : "?";
    if (k.size() != 1 || std::string_view("0123456789*#").find(k[0]) == std::string_view::npos) {
      ctx.sink.error(it.first, "IVR option '" + k + "' in IVR menu '" + menu.id +
                                   "' must be a single key: 0-9, * or #");
      continue;
    }
    const bool dup = std::any_of(menu.options.begin(), menu.options.end(),
                                 [&](const IvrOption& o) { return o.digit == k[0]; });
    if (dup) {
      ctx.sink.error(it.first,
                     "IVR option '" + k + "' appears twice in IVR menu '" + menu.id + "'");
      continue;
    }
    IvrOption o;
    o.digit = k[0];
    parse_option(ctx, it.first, it.second, menu, o);
    menu.options.push_back(std::move(o));
  }
}

}  // namespace

void parse_ivr(Ctx& ctx, const YAML::Node& n) {
  const std::vector<YAML::Node> items = read_seq(ctx.sink, n, "ivr");
  // First pass: menu ids, so options may name menus defined further down.
  std::vector<int> index(items.size(), -1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YAML::Node& item = items[i];
    if (!item.IsMap()) continue;
    const YAML::Node id_node = item["id"];
    if (!id_node.IsDefined()) continue;
    if (!id_node.IsScalar()) continue;
    auto id = read_id(ctx.sink, id_node, "IVR menu id");
    if (id) index[i] = ctx.menus.define(*id, id_node);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    Map m(ctx.sink, items[i], "IVR menu",
          {"id", "prompt", "invalid", "timeout", "max_retries", "options"});
    if (!m.ok()) continue;
    if (!m.has("id"))
      m.need("id");
    else if (!m.get("id").IsScalar())
      read_id(ctx.sink, m.get("id"), "IVR menu id");
    if (index[i] < 0) continue;
    IvrMenu menu;
    menu.id = m.get("id").Scalar();
    parse_menu(ctx, m, menu);
    ctx.st.ivr_menus.push_back(std::move(menu));
  }
}

}  // namespace tamas::strategy::detail
