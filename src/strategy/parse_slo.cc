// Sections: service_levels (R5) and surveys.
#include <algorithm>
#include <regex>
#include <unordered_set>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

// One of the ids in `table`, a channel name, or "*".
std::string parse_key(Ctx& ctx, const YAML::Node& n, IdTable* table, const std::string& what) {
  if (!n.IsDefined()) return "*";
  auto v = read_string(ctx.sink, n, what);
  if (!v || *v == "*") return "*";
  if (table) {
    if (table->resolve(*v, n, " in service level") < 0) return "*";
  } else if (std::find(channel_names().begin(), channel_names().end(), *v) ==
             channel_names().end()) {
    ctx.sink.error(
        n, "unknown channel '" + *v + "' in service level" + did_you_mean(*v, channel_names()));
    return "*";
  }
  return *v;
}

}  // namespace

bool parse_objective(Ctx& ctx, const YAML::Node& target, const YAML::Node& hours,
                     ServiceLevel& out) {
  auto text = read_string(ctx.sink, target, "service level");
  if (!text) return false;
  static const std::regex re(
      R"(^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*%\s+in\s+(-?[0-9]+)\s*(s|m|h|d)(\s+business)?\s*$)");
  std::smatch sm;
  if (text->size() > 64 || !std::regex_match(*text, sm, re)) {
    ctx.sink.error(target,
                   "expected a service level such as '80% in 20s' or '90% in 8h "
                   "business', got '" +
                       *text + "'");
    return false;
  }
  const double pct = std::stod(sm[1].str());
  if (pct <= 0 || pct > 100) {
    ctx.sink.error(target, "service level percentage " + sm[1].str() + " is outside 0-100");
    return false;
  }
  const long long count = sm[2].str().size() > 7 ? -1 : std::stoll(sm[2].str());
  if (count <= 0) {
    ctx.sink.error(target, "service level threshold must be greater than zero");
    return false;
  }
  const char unit = sm[3].str()[0];
  const long long secs = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400;
  out.percent = pct;
  out.threshold = std::chrono::duration_cast<Duration>(std::chrono::seconds(count * secs));
  out.business = sm[4].matched;
  if (hours.IsDefined()) {
    if (!out.business) {
      ctx.sink.error(hours, "'hours' only applies to a business-time service level");
      return false;
    }
    out.hours_index = resolve_hours(ctx, hours, out.hours, " in service level");
  } else if (out.business) {
    out.hours = ctx.st.organisation.business_hours;
    out.hours_index = ctx.st.organisation.business_hours_index;
    if (out.hours.empty())
      ctx.sink.error(target,
                     "a business-time service level needs 'hours' or "
                     "organisation.business_hours");
  }
  return true;
}

void parse_service_levels(Ctx& ctx, const YAML::Node& n) {
  std::unordered_set<std::string> keys;  // "type\nchannel\nsegment", incl. segment shorthands
  for (const auto& sl : ctx.st.service_levels)
    keys.insert(sl.type + '\n' + sl.channel + '\n' + sl.segment);
  for (const auto& item : read_seq(ctx.sink, n, "service_levels")) {
    Map m(ctx.sink, item, "service level", {"type", "channel", "segment", "target", "hours"});
    if (!m.ok()) continue;
    ServiceLevel sl;
    sl.type = parse_key(ctx, m.get("type"), &ctx.types, "type");
    sl.channel = parse_key(ctx, m.get("channel"), nullptr, "channel");
    sl.segment = parse_key(ctx, m.get("segment"), &ctx.segments, "segment");
    if (!m.need("target").IsDefined() || !parse_objective(ctx, m.get("target"), m.get("hours"), sl))
      continue;
    if (!keys.insert(sl.type + '\n' + sl.channel + '\n' + sl.segment).second) {
      ctx.sink.error(m.node(), "duplicate service level for type '" + sl.type + "', channel '" +
                                   sl.channel + "', segment '" + sl.segment + "'");
      continue;
    }
    ctx.st.service_levels.push_back(sl);
  }
}

void parse_surveys(Ctx& ctx, const YAML::Node& n) {
  IdTable ids(ctx.sink, "survey");
  for (const auto& item : read_seq(ctx.sink, n, "surveys")) {
    Map m(ctx.sink, item, "survey", {"id", "when", "sample_percent", "questions"});
    if (!m.ok()) continue;
    auto id = read_id(ctx.sink, m.need("id"), "survey id");
    if (!id || ids.define(*id, m.get("id")) < 0) continue;
    Survey s;
    s.id = *id;
    const std::string where = in("survey", s.id);
    Map w(ctx.sink, m.get("when"), "survey match", {"type", "channel"});
    if (w.ok()) {
      if (auto t = read_list(ctx.sink, w.get("type"), "type"))
        for (const auto& tid : *t)
          if (tid == "*" || ctx.types.resolve(tid, w.get("type"), where) >= 0)
            if (tid != "*") s.types.push_back(tid);
      if (auto c = read_list(ctx.sink, w.get("channel"), "channel"))
        for (const auto& cid : *c) {
          if (cid == "*") continue;
          if (std::find(channel_names().begin(), channel_names().end(), cid) ==
              channel_names().end())
            ctx.sink.error(w.get("channel"), "unknown channel '" + cid + "'" + where +
                                                 did_you_mean(cid, channel_names()));
          else
            s.channels.push_back(cid);
        }
    }
    if (auto p = read_int(ctx.sink, m.get("sample_percent"), "sample_percent", 1, 100))
      s.sample_percent = *p;
    IdTable qids(ctx.sink, "question");
    const auto questions = read_seq(ctx.sink, m.need("questions"), "questions");
    if (questions.empty() && m.has("questions"))
      ctx.sink.error(m.get("questions"), "survey '" + s.id + "' has no questions");
    for (const auto& qn : questions) {
      Map q(ctx.sink, qn, "survey question", {"id", "scale", "prompt"});
      if (!q.ok()) continue;
      auto qid = read_id(ctx.sink, q.need("id"), "question id");
      if (!qid || qids.define(*qid, q.get("id")) < 0) continue;
      SurveyQuestion sq;
      sq.id = *qid;
      if (auto sc = read_choice(ctx.sink, q.need("scale"), "scale", scale_names()))
        sq.scale = SurveyScale(*sc);
      if (auto t = read_text(ctx.sink, q.need("prompt"), "question prompt")) sq.prompt = *t;
      s.questions.push_back(std::move(sq));
    }
    ctx.st.surveys.push_back(std::move(s));
  }
}

}  // namespace tamas::strategy::detail
