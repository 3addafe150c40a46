// Sections: entry_points (the channels' numbers, addresses, URLs, desks).
#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

// The address key each channel needs.
const char* address_key(ChannelKind c) {
  switch (c) {
    case ChannelKind::voice:
    case ChannelKind::sms:
    case ChannelKind::fax:
    case ChannelKind::video:
      return "number";
    case ChannelKind::email:
      return "address";
    case ChannelKind::chat:
    case ChannelKind::webform:
    case ChannelKind::community:
      return "url";
    case ChannelKind::social:
      return "account";
    case ChannelKind::walk_in:
    case ChannelKind::kiosk:
      return "location";
  }
  return "number";
}

void parse_address(Ctx& ctx, const Map& m, EntryPoint& e) {
  const std::string kind = to_string(e.channel);
  const char* want = address_key(e.channel);
  for (const char* key : {"number", "address", "url", "account", "location"}) {
    if (std::string(key) != want && m.has(key))
      ctx.sink.error(m.key_node(key), "'" + std::string(key) + "' does not apply to " + kind +
                                          " entry points; use '" + want + "'");
  }
  if (auto v = read_string(ctx.sink, m.need(want), want)) e.address = *v;
  if (e.channel == ChannelKind::social) {
    if (auto v = read_string(ctx.sink, m.need("platform"), "platform")) e.platform = *v;
  } else if (m.has("platform")) {
    ctx.sink.error(m.key_node("platform"), "'platform' only applies to a social entry point");
  }
}

void parse_entry_point(Ctx& ctx, const Map& m, EntryPoint& e) {
  const std::string where = in("entry point", e.id);
  if (auto t = read_text(ctx.sink, m.get("name"), "entry point name")) e.name = *t;
  auto ch = read_choice(ctx.sink, m.need("channel"), "channel", channel_names());
  if (!ch) return;
  e.channel = ChannelKind(*ch);
  parse_address(ctx, m, e);
  if (m.has("hours"))
    e.hours_index = resolve_hours(ctx, m.get("hours"), e.hours, where);
  else
    ctx.sink.error(m.node(), "entry point '" + e.id + "' has no hours");
  if (m.has("ivr")) {
    if (e.channel != ChannelKind::voice) {
      ctx.sink.error(m.key_node("ivr"), "'ivr' only applies to a voice entry point");
    } else if (auto v = read_id(ctx.sink, m.get("ivr"), "IVR menu")) {
      e.ivr = *v;
      e.ivr_index = ctx.menus.resolve(*v, m.get("ivr"), where);
    }
  }
  if (m.has("type")) {
    if (auto v = read_id(ctx.sink, m.get("type"), "interaction type")) {
      e.type = *v;
      e.type_index = ctx.types.resolve(*v, m.get("type"), where);
    }
  }
  if (m.has("fields")) {
    if (e.channel != ChannelKind::webform)
      ctx.sink.error(m.key_node("fields"), "'fields' only applies to a webform entry point");
    else
      e.fields = parse_information(ctx, m.get("fields"), where);
  }
}

}  // namespace

void parse_entry_points(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "entry_points")) {
    Map m(ctx.sink, item, "entry point",
          {"id", "name", "channel", "number", "address", "url", "account", "location", "platform",
           "hours", "ivr", "type", "fields"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "entry point id");
    if (!id || ctx.entry_points.define(*id, m.get("id")) < 0) continue;
    EntryPoint e;
    e.id = *id;
    parse_entry_point(ctx, m, e);
    ctx.st.entry_points.push_back(std::move(e));
  }
}

}  // namespace tamas::strategy::detail
