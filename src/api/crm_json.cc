#include "api/crm_json.h"

#include "core/time.h"

namespace tamas::api {
namespace json = boost::json;
namespace {

json::value opt_time(const std::optional<Instant>& t) {
  return t ? json::value(format_iso8601(*t)) : json::value(nullptr);
}
json::value opt_id(const std::optional<store::RowId>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}
json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}
bool is_sensitive_field(const strategy::Strategy& s, std::string_view name) {
  for (const auto& f : s.fields)
    if (f.id == name) return f.privacy == strategy::Privacy::sensitive;
  return name == "national_id";
}

}  // namespace

std::string mask(const std::string& value) {
  if (value.size() <= 4) return std::string(value.size(), '*');
  return std::string(value.size() - 4, '*') + value.substr(value.size() - 4);
}

json::object customer_json(const store::Customer& c, const strategy::Strategy& s, bool sensitive) {
  json::object attrs;
  boost::system::error_code ec;
  json::value parsed = json::parse(c.attributes_json, ec);
  if (!ec && parsed.is_object()) attrs = parsed.as_object();
  for (auto& [k, v] : attrs)
    if (!sensitive && is_sensitive_field(s, k))
      v = v.is_string() ? mask(std::string(v.as_string())) : "****";
  return {{"id", c.id},
          {"first_name", c.first_name},
          {"last_name", c.last_name},
          {"phones", strings(c.phones)},
          {"emails", strings(c.emails)},
          {"province", c.province},
          {"city", c.city},
          {"segment", c.segment},
          {"attributes", attrs},
          {"created_at", format_iso8601(c.created_at)},
          {"merged_into", opt_id(c.merged_into)}};
}

json::object identity_json(const store::CustomerIdentity& i, bool sensitive) {
  const bool hide = i.kind == store::IdentityKind::national_id && !sensitive;
  return {{"kind", store::to_string(i.kind)},
          {"value", hide ? mask(i.value) : i.value},
          {"masked", hide}};
}

json::object asset_json(const store::CustomerAsset& a) {
  return {{"id", a.id},         {"kind", a.kind},     {"model", a.model},
          {"serial", a.serial}, {"amount", a.amount}, {"purchased_at", opt_time(a.purchased_at)}};
}

json::object case_json(const store::Case& c) {
  auto clock = [](const store::SlaClock& k) {
    return json::object{{"warn_at", opt_time(k.warn_at)},
                        {"due_at", opt_time(k.due_at)},
                        {"warned", k.warned},
                        {"breached", k.breached}};
  };
  return {{"id", c.id},
          {"customer", opt_id(c.customer)},
          {"interaction", opt_id(c.interaction)},
          {"kind", c.kind},
          {"category", c.category},
          {"product", c.product},
          {"province", c.province},
          {"priority", c.priority},
          {"subject", c.subject},
          {"description", c.description},
          {"channel", c.channel},
          {"segment", c.segment},
          {"state", store::to_string(c.state)},
          {"assignee", opt_id(c.assignee)},
          {"department", c.department},
          {"created_at", format_iso8601(c.created_at)},
          {"updated_at", format_iso8601(c.updated_at)},
          {"first_response_at", opt_time(c.first_response_at)},
          {"resolved_at", opt_time(c.resolved_at)},
          {"closed_at", opt_time(c.closed_at)},
          {"merged_into", opt_id(c.merged_into)},
          {"paused", c.paused_since.has_value()},
          {"sla", json::object{{"first_response", clock(c.first_response)},
                               {"resolution", clock(c.resolution)}}}};
}

json::object case_event_json(const store::CaseEvent& e) {
  json::object o{{"id", e.id},     {"at", format_iso8601(e.at)}, {"actor", e.actor},
                 {"kind", e.kind}, {"from", e.from_state},       {"to", e.to_state},
                 {"note", e.note}};
  boost::system::error_code ec;
  json::value payload = json::parse(e.payload_json, ec);
  if (!ec) o["payload"] = payload;
  return o;
}

json::object forward_json(const store::CaseForward& f) {
  return {{"id", f.id},
          {"case", f.case_id},
          {"department", f.department},
          {"task", f.task},
          {"forwarded_by", f.forwarded_by},
          {"forwarded_at", format_iso8601(f.forwarded_at)},
          {"due_at", format_iso8601(f.due_at)},
          {"answered_at", opt_time(f.answered_at)},
          {"answer", f.answer},
          {"escalated_at", opt_time(f.escalated_at)},
          {"escalated_to", opt_id(f.escalated_to)}};
}

json::object timeline_entry_json(const store::TimelineEntry& e) {
  const bool is_case = e.source == store::TimelineSource::case_event;
  json::object o{{"source", is_case ? "case_event" : "interaction"},
                 {"id", e.id},
                 {"at", format_iso8601(e.at)},
                 {"channel", e.channel},
                 {"kind", e.kind},
                 {"state", e.state},
                 {"note", e.note}};
  if (is_case) o["case"] = e.case_id;
  if (!e.survey.empty()) {
    boost::system::error_code ec;
    auto survey = json::parse(e.survey, ec);
    if (!ec && survey.is_object()) o["survey"] = std::move(survey);
  }
  return o;
}

json::object article_json(const store::Article& a) {
  return {{"id", a.id},
          {"lang", a.lang},
          {"category", a.category},
          {"visibility", a.visibility},
          {"title", a.title},
          {"body", a.body},
          {"tags", strings(a.tags)},
          {"types", strings(a.types)},
          {"version", a.version},
          {"review_at", opt_time(a.review_at)},
          {"updated_at", format_iso8601(a.updated_at)},
          {"updated_by", a.updated_by},
          {"archived", a.archived}};
}

json::object question_json(const store::UnansweredQuestion& q) {
  return {{"id", q.id},
          {"question", q.question},
          {"type", q.type},
          {"asked_by", q.asked_by},
          {"asked_at", format_iso8601(q.asked_at)},
          {"resolved_at", opt_time(q.resolved_at)},
          {"article", opt_id(q.article)}};
}

json::object voc_json(const store::VocAction& a) {
  json::array cases;
  for (auto c : a.cases) cases.emplace_back(c);
  return {{"id", a.id},
          {"title", a.title},
          {"category", a.category},
          {"product", a.product},
          {"owner", a.owner},
          {"due_at", opt_time(a.due_at)},
          {"status", a.status},
          {"notes", a.notes},
          {"cases", cases},
          {"created_at", format_iso8601(a.created_at)}};
}

Response json_response(int status, const json::value& v) {
  return Response::json(status, json::serialize(v));
}

}  // namespace tamas::api
