#include "api/public_form_routes.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

namespace tamas::api {
namespace {

namespace json = boost::json;
using strategy::ChannelKind;

json::object text_json(const strategy::Text& t) {
  return json::object{{"fa", t.fa}, {"en", t.en}};
}

json::object field_json(const strategy::Field& f, bool required) {
  json::object o{{"id", f.id},
                 {"name", text_json(f.name)},
                 {"type", strategy::to_string(f.type)},
                 {"required", required},
                 {"privacy", strategy::to_string(f.privacy)}};
  if (!f.pattern.empty()) o["pattern"] = f.pattern;
  if (f.min_length > 0) o["min_length"] = f.min_length;
  if (f.max_length > 0) o["max_length"] = f.max_length;
  if (!f.choices.empty()) {
    json::array c;
    for (const auto& v : f.choices) c.emplace_back(v);
    o["choices"] = std::move(c);
  }
  return o;
}

bool matches(const std::vector<std::string>& list, const std::string& v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

// The first survey that applies to the channel and type (sampling aside).
const strategy::Survey* survey_for(const strategy::Strategy& s, const std::string& channel,
                                   const std::string& type) {
  for (const auto& sv : s.surveys)
    if (matches(sv.channels, channel) && matches(sv.types, type)) return &sv;
  return nullptr;
}

// R43: the wall-clock service-level threshold for this channel and type
// (an exact type beats "*"); 0 when none applies.
long long long_wait_seconds(const strategy::Strategy& s, const std::string& channel,
                            const std::string& type) {
  long long best = 0;
  int best_rank = -1;
  for (const auto& sl : s.service_levels) {
    if (sl.business || sl.segment != "*") continue;
    if (sl.channel != "*" && sl.channel != channel) continue;
    if (sl.type != "*" && sl.type != type) continue;
    const int rank = (sl.type == type ? 2 : 0) + (sl.channel == channel ? 1 : 0);
    if (rank <= best_rank) continue;
    best_rank = rank;
    best = std::chrono::duration_cast<std::chrono::seconds>(sl.threshold).count();
  }
  return best;
}

json::array fields_json(const strategy::Strategy& s, const strategy::EntryPoint& ep) {
  json::array out;
  const bool chat = ep.channel == ChannelKind::chat;
  const auto* reqs = &ep.fields;
  if (chat && reqs->empty() && ep.type_index >= 0)
    reqs = &s.types[static_cast<std::size_t>(ep.type_index)].information;
  for (const auto& r : *reqs) {
    if (r.field_index < 0) continue;
    // Chat start fields are all optional (docs/chat.md).
    out.emplace_back(
        field_json(s.fields[static_cast<std::size_t>(r.field_index)], r.required && !chat));
  }
  return out;
}

}  // namespace

std::string public_form_json(const strategy::Strategy& s, const std::string& entry_point) {
  const auto it = std::find_if(s.entry_points.begin(), s.entry_points.end(),
                               [&](const auto& e) { return e.id == entry_point; });
  if (it == s.entry_points.end()) return "";
  if (it->channel != ChannelKind::webform && it->channel != ChannelKind::chat) return "";
  const std::string channel = strategy::to_string(it->channel);
  json::object o{{"entry_point", it->id},
                 {"channel", channel},
                 {"name", text_json(it->name)},
                 {"fields", fields_json(s, *it)}};
  if (it->channel == ChannelKind::chat) {
    if (auto w = long_wait_seconds(s, channel, it->type); w > 0) o["long_wait_s"] = w;
    if (const auto* sv = survey_for(s, channel, it->type)) {
      json::array qs;
      for (const auto& q : sv->questions)
        qs.emplace_back(json::object{{"id", q.id},
                                     {"scale", strategy::to_string(q.scale)},
                                     {"prompt", text_json(q.prompt)}});
      o["survey"] = json::object{{"id", sv->id}, {"questions", std::move(qs)}};
    }
  }
  return json::serialize(o);
}

void add_public_form_routes(Router& router, const strategy::Strategy& strategy) {
  router.get("/api/v1/public/forms/{entry_point}", sync([&strategy](const Request& req) {
               std::string body = public_form_json(strategy, req.params.at("entry_point"));
               if (body.empty())
                 return Response::error(404, "not_found", "no public form with this name");
               return Response::json(200, std::move(body));
             }));
}

}  // namespace tamas::api
