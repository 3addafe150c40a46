// Strategy -> JSON with Boost.JSON (the only file including it in strategy/).
#include "strategy/json.h"

#include <boost/json.hpp>

#include <cstdio>

namespace tamas::strategy {
namespace {

namespace json = boost::json;

json::value text(const Text& t) {
  return {{"fa", t.fa}, {"en", t.en}};
}
json::value seconds(Duration d) {
  if (d.count() % 1000 == 0) return json::value(std::int64_t(d.count() / 1000));
  return json::value(double(d.count()) / 1000.0);
}
std::string iso(CivilDate d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}
json::array strings(const std::vector<std::string>& v) {
  return json::array(v.begin(), v.end());
}
std::string hhmm(int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (m / 60) % 100, m % 60);
  return buf;
}
json::array ranges(const std::vector<DayRange>& v) {
  json::array a;
  for (const auto& r : v) a.push_back(json::value(hhmm(r.start_minute) + "-" + hhmm(r.end_minute)));
  return a;
}
json::array skill_levels(const std::vector<SkillLevel>& v) {
  json::array a;
  for (const auto& s : v) a.push_back({{"skill", s.skill}, {"level", s.level}});
  return a;
}
json::array requirements(const std::vector<FieldRequirement>& v) {
  json::array a;
  for (const auto& r : v) a.push_back({{"field", r.field}, {"required", r.required}});
  return a;
}
json::value fallback(const Fallback& f) {
  json::object o{{"action", to_string(f.kind)}};
  if (!f.partner.empty()) o["partner"] = f.partner;
  if (f.kind == FallbackKind::message) o["message"] = text(f.message);
  return o;
}

json::value organisation(const Strategy& s) {
  const Organisation& o = s.organisation;
  return {{"id", o.id},
          {"name", text(o.name)},
          {"time_zone", o.time_zone},
          {"calendar", o.calendar == CalendarKind::persian ? "persian" : "gregorian"},
          {"locales", strings(o.locales)},
          {"business_hours", o.business_hours}};
}

json::array holidays(const Strategy& s) {
  json::array a;
  for (const auto& h : s.holidays) {
    json::object o{{"name", h.name},
                   {"calendar", h.calendar == CalendarKind::persian ? "persian" : "gregorian"},
                   {"from", {{"month", h.from_month}, {"day", h.from_day}}},
                   {"to", {{"month", h.to_month}, {"day", h.to_day}}}};
    if (h.year) o["year"] = *h.year;
    a.push_back(std::move(o));
  }
  return a;
}

json::array schedules(const Strategy& s) {
  static const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  json::array a;
  for (const auto& sch : s.schedules) {
    json::object o{{"id", sch.id},
                   {"always_open", sch.always_open},
                   {"closed_on_holidays", sch.closed_on_holidays}};
    json::object week;
    for (int d = 0; d < 7; ++d) week[kDays[d]] = ranges(sch.week[std::size_t(d)]);
    o["week"] = std::move(week);
    json::array ex;
    for (const auto& e : sch.exceptions)
      ex.push_back({{"date", iso(e.date)}, {"hours", ranges(e.ranges)}});
    o["exceptions"] = std::move(ex);
    a.push_back(std::move(o));
  }
  return a;
}

json::array fields(const Strategy& s) {
  json::array a;
  for (const auto& f : s.fields)
    a.push_back({{"id", f.id},
                 {"name", text(f.name)},
                 {"type", to_string(f.type)},
                 {"privacy", to_string(f.privacy)},
                 {"pattern", f.pattern},
                 {"min_length", f.min_length},
                 {"max_length", f.max_length},
                 {"choices", strings(f.choices)},
                 {"reported", f.reported}});
  return a;
}

json::object resources(const Strategy& s) {
  json::array skills, groups, queues, partners;
  for (const auto& k : s.skills) skills.push_back({{"id", k.id}, {"name", text(k.name)}});
  for (const auto& g : s.agent_groups)
    groups.push_back({{"id", g.id}, {"name", text(g.name)}, {"skills", skill_levels(g.skills)}});
  for (const auto& q : s.queues)
    queues.push_back({{"id", q.id},
                      {"name", text(q.name)},
                      {"selection", to_string(q.selection)},
                      {"max_size", q.max_size},
                      {"offer_timeout_s", seconds(q.offer_timeout)},
                      {"wrap_up_s", seconds(q.wrap_up)},
                      {"hours", q.hours},
                      {"groups", strings(q.groups)}});
  for (const auto& p : s.partners)
    partners.push_back(
        {{"id", p.id}, {"name", text(p.name)}, {"number", p.number}, {"hours", p.hours}});
  return {{"skills", std::move(skills)},
          {"agent_groups", std::move(groups)},
          {"queues", std::move(queues)},
          {"partners", std::move(partners)}};
}

json::array segments(const Strategy& s) {
  json::array a;
  for (const auto& seg : s.segments) {
    json::array when;
    for (const auto& c : seg.when) {
      json::object o{{"attribute", c.attribute}, {"op", to_string(c.op)}};
      if (c.op >= ConditionOp::at_least && c.op <= ConditionOp::below)
        o["number"] = c.number;
      else
        o["values"] = strings(c.values);
      when.push_back(std::move(o));
    }
    a.push_back({{"id", seg.id},
                 {"name", text(seg.name)},
                 {"priority", seg.priority},
                 {"when", std::move(when)},
                 {"queue", seg.queue},
                 {"implicit", seg.implicit}});
  }
  return a;
}

json::array types(const Strategy& s) {
  json::array a;
  for (const auto& t : s.types)
    a.push_back({{"id", t.id},
                 {"name", text(t.name)},
                 {"kind", to_string(t.kind)},
                 {"priority", t.priority},
                 {"opens_case", t.opens_case},
                 {"hours", t.hours},
                 {"information", requirements(t.information)}});
  return a;
}

json::array ivr(const Strategy& s) {
  json::array a;
  for (const auto& m : s.ivr_menus) {
    json::array opts;
    for (const auto& o : m.options) {
      json::object j{{"key", std::string(1, o.digit)},
                     {"say", text(o.say)},
                     {"action", to_string(o.action)},
                     {"target", o.target}};
      if (o.collect)
        j["collect"] = {{"field", o.collect->field},
                        {"pattern", o.collect->pattern},
                        {"min_digits", o.collect->min_digits},
                        {"max_digits", o.collect->max_digits},
                        {"prompt", text(o.collect->prompt)}};
      opts.push_back(std::move(j));
    }
    a.push_back({{"id", m.id},
                 {"prompt", text(m.prompt)},
                 {"invalid", text(m.invalid)},
                 {"timeout_s", seconds(m.timeout)},
                 {"max_retries", m.max_retries},
                 {"options", std::move(opts)}});
  }
  return a;
}

json::array entry_points(const Strategy& s) {
  json::array a;
  for (const auto& e : s.entry_points)
    a.push_back({{"id", e.id},
                 {"name", text(e.name)},
                 {"channel", to_string(e.channel)},
                 {"address", e.address},
                 {"platform", e.platform},
                 {"hours", e.hours},
                 {"ivr", e.ivr},
                 {"type", e.type},
                 {"fields", requirements(e.fields)}});
  return a;
}

json::array routes(const Strategy& s) {
  json::array a;
  for (const auto& r : s.routes) {
    json::object fields;
    for (const auto& f : r.fields) fields[f.field] = strings(f.values);
    json::array relax;
    for (const auto& x : r.relax)
      relax.push_back({{"after_s", seconds(x.after)}, {"skills", skill_levels(x.skills)}});
    json::object o{{"id", r.id},
                   {"when",
                    {{"types", strings(r.types)},
                     {"channels", strings(r.channels)},
                     {"segments", strings(r.segments)},
                     {"fields", std::move(fields)}}},
                   {"queue", r.queue},
                   {"transfer", r.transfer},
                   {"skills", skill_levels(r.skills)},
                   {"relax", std::move(relax)},
                   {"after_hours", fallback(r.after_hours)},
                   {"no_agents", fallback(r.no_agents)}};
    if (r.priority) o["priority"] = *r.priority;
    if (r.overflow)
      o["overflow"] = {{"after_s", seconds(r.overflow->after)}, {"queue", r.overflow->queue}};
    a.push_back(std::move(o));
  }
  return a;
}

json::array service_levels(const Strategy& s) {
  json::array a;
  for (const auto& sl : s.service_levels)
    a.push_back({{"type", sl.type},
                 {"channel", sl.channel},
                 {"segment", sl.segment},
                 {"percent", sl.percent},
                 {"threshold_s", seconds(sl.threshold)},
                 {"business", sl.business},
                 {"hours", sl.hours}});
  return a;
}

json::array surveys(const Strategy& s) {
  json::array a;
  for (const auto& sv : s.surveys) {
    json::array qs;
    for (const auto& q : sv.questions)
      qs.push_back({{"id", q.id}, {"scale", to_string(q.scale)}, {"prompt", text(q.prompt)}});
    a.push_back({{"id", sv.id},
                 {"types", strings(sv.types)},
                 {"channels", strings(sv.channels)},
                 {"sample_percent", sv.sample_percent},
                 {"questions", std::move(qs)}});
  }
  return a;
}

json::value governance(const Strategy& s) {
  const Governance& g = s.governance;
  json::object owners;
  for (const auto& [section, who] : g.section_owners) owners[section] = who;
  json::object o{{"version", g.version},
                 {"owner", g.owner},
                 {"review_every_s", seconds(g.review_interval)},
                 {"owners", std::move(owners)},
                 {"new_service_guideline", g.new_service_guideline}};
  o["last_review"] = g.last_review ? json::value(iso(*g.last_review)) : json::value(nullptr);
  return o;
}

// null when the file has no `cases:` section (the case system then uses its
// built-in defaults, services/cases/config.h).
json::value cases(const Strategy& s) {
  if (!s.cases) return nullptr;
  const CaseSection& c = *s.cases;
  json::array categories, departments, sla;
  for (const auto& k : c.categories)
    categories.push_back(
        {{"id", k.id}, {"parent", k.parent}, {"name", text(k.name)}, {"kind", k.kind}});
  for (const auto& d : c.departments)
    departments.push_back(
        {{"id", d.id}, {"name", text(d.name)}, {"answer_within_s", seconds(d.answer_within)}});
  for (const auto& t : c.sla)
    sla.push_back({{"kind", t.kind},
                   {"segment", t.segment},
                   {"first_response_s", seconds(t.first_response)},
                   {"resolution_s", seconds(t.resolution)}});
  return {{"warn_at", c.warn_at},
          {"business_hours", s.organisation.business_hours},
          {"kinds", strings(c.kinds)},
          {"categories", std::move(categories)},
          {"departments", std::move(departments)},
          {"sla", std::move(sla)}};
}

json::value voice(const Strategy& s) {
  const VoiceSettings& v = s.voice;
  return {{"first_announcement_s", seconds(v.first_announcement)},
          {"announce_every_s", seconds(v.announce_every)},
          {"announce_position", v.announce_position},
          {"announce_wait", v.announce_wait},
          {"offer_callback", v.offer_callback},
          {"callback_offer_wait_s", seconds(v.callback_offer_wait)},
          {"ring_timeout_s", seconds(v.ring_timeout)},
          {"hold_music", v.hold_music},
          {"voicemail_max_s", seconds(v.voicemail_max)},
          {"callback_attempts", v.callback_attempts ? json::value(*v.callback_attempts) : nullptr},
          {"callback_retry_after_s",
           v.callback_retry_after ? json::value(seconds(*v.callback_retry_after)) : nullptr}};
}

}  // namespace

std::string to_json(const Strategy& s) {
  json::object root{{"organisation", organisation(s)},
                    {"holidays", holidays(s)},
                    {"hours", schedules(s)},
                    {"fields", fields(s)},
                    {"segments", segments(s)},
                    {"interaction_types", types(s)},
                    {"ivr", ivr(s)},
                    {"entry_points", entry_points(s)},
                    {"routing", routes(s)},
                    {"service_levels", service_levels(s)},
                    {"surveys", surveys(s)},
                    {"cases", cases(s)},
                    {"governance", governance(s)},
                    {"voice", voice(s)}};
  for (auto& [k, v] : resources(s)) root[k] = v;
  return json::serialize(root);
}

}  // namespace tamas::strategy
