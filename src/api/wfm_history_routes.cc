#include "api/wfm_history_routes.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "api/json_body.h"
#include "services/wfm/day_schedule.h"
#include "services/wfm/history.h"
#include "services/wfm/history_from_interactions.h"
#include "services/wfm/published_schedule.h"
#include "services/wfm/scheduled_agents.h"
#include "services/wfm/staffing.h"
#include "services/wfm/units.h"

namespace tamas::api {
namespace {

using Problems = std::map<std::string, std::string>;

constexpr std::size_t kMaxPlanIntervals = 2000;

struct Range {
  CivilDate from, to;
};

// Both dates valid, to >= from, at most a year. Problems are keyed
// `prefix + "from"` / `prefix + "to"`.
std::optional<Range> parse_range(const std::optional<std::string>& from,
                                 const std::optional<std::string>& to, const std::string& prefix,
                                 Problems& problems) {
  std::optional<CivilDate> a, b;
  for (const auto& [text, out, name] : {std::tuple{&from, &a, "from"}, std::tuple{&to, &b, "to"}}) {
    if (!*text) {
      problems[prefix + name] = "is required";
    } else if (auto d = wfm::parse_local_date(**text)) {
      *out = *d;
    } else {
      problems[prefix + name] = d.error().message;
    }
  }
  if (!a || !b) return std::nullopt;
  const long days = wfm::day_number(*b) - wfm::day_number(*a) + 1;
  if (days < 1) {
    problems[prefix + "to"] = "is before 'from'";
    return std::nullopt;
  }
  if (days > wfm::kMaxHistoryDays) {
    problems[prefix + "to"] = "at most 366 days after 'from'";
    return std::nullopt;
  }
  return Range{*a, *b};
}

Result<wfm::History> load_history(WfmRecords& r, Range range, int interval_minutes,
                                  const wfm::HistoryFilter& filter) {
  const Instant start = r.calendar().to_instant(range.from, 0);
  const Instant end =
      r.calendar().to_instant(wfm::from_day_number(wfm::day_number(range.to) + 1), 0);
  auto rows = r.with_store(
      [&](store::Store& db) { return db.interactions().list_arrived(r.tenant(), start, end); });
  if (!rows) return rows.error();
  return wfm::history_from_interactions(*rows, r.tenant(), r.calendar(), range.from, range.to,
                                        interval_minutes, filter);
}

Response store_failure(const Error& e) {
  return Response::error(503, "unavailable", e.message);
}

std::optional<std::string> param(const Request& req, const char* name) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return std::nullopt;
  return it->second;
}

void get_history(WfmRecords& r, const Request& req, Respond respond) {
  Problems problems;
  const auto range = parse_range(param(req, "from"), param(req, "to"), "", problems);
  int minutes = 30;
  if (auto text = param(req, "interval")) {
    auto secs = wfm::parse_duration(*text);
    const double m = secs ? *secs / 60 : 0;
    if (!secs || m < 5 || m > 1440 || m != std::floor(m) || 1440 % static_cast<int>(m) != 0)
      problems["interval"] = "must divide a day, e.g. 15m, 30m or 60m";
    else
      minutes = static_cast<int>(m);
  }
  if (!problems.empty()) return respond(field_problems_response(problems));
  const wfm::HistoryFilter filter{param(req, "queue").value_or(""), param(req, "type").value_or(""),
                                  param(req, "channel").value_or("")};
  auto h = load_history(r, *range, minutes, filter);
  if (!h) return respond(store_failure(h.error()));
  std::string out = "{\"from\":\"" + wfm::format_local_date(range->from) + "\",\"to\":\"" +
                    wfm::format_local_date(range->to) +
                    "\",\"interval_minutes\":" + std::to_string(minutes) + ",\"intervals\":[";
  const long first = wfm::day_number(h->first_day);
  const int per_day = h->intervals_per_day();
  char buf[96];
  for (std::size_t i = 0; i < h->volume.size(); ++i) {
    const CivilDate d = wfm::from_day_number(first + static_cast<long>(i) / per_day);
    std::snprintf(buf, sizeof buf, "%s{\"start\":\"%s\",\"volume\":%.0f,\"aht_s\":%.1f}",
                  i ? "," : "",
                  wfm::format_local(d, static_cast<int>(i % per_day) * minutes).c_str(),
                  h->volume[i], h->aht_s[i]);
    out += buf;
  }
  respond(Response::json(200, out + "]}"));
}

std::string num(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// A number field (or numeric string) of the body, checked against [lo, hi].
std::optional<double> number(JsonBody& body, const std::string& name, bool duration, double lo,
                             double hi, const char* range_message) {
  const boost::json::value* v = body.raw(name);
  if (!v) return std::nullopt;
  std::optional<double> out;
  if (v->is_number()) {
    out = v->to_number<double>();
  } else if (v->is_string()) {
    auto r =
        duration ? wfm::parse_duration(v->get_string()) : wfm::parse_number(v->get_string(), name);
    if (r) out = *r;
  }
  if (!out || !(*out >= lo && *out <= hi)) {
    body.problem(name, range_message);
    return std::nullopt;
  }
  return out;
}

struct PlanRow {
  CivilDate day;
  int minute = 0;
  double volume = 0, aht_s = 0;
};

// intervals[i] = {"start","volume","aht_s"}; problems "intervals[i].field".
std::vector<PlanRow> plan_rows(const boost::json::value* v, JsonBody& body) {
  std::vector<PlanRow> rows;
  if (!v) return body.problem("intervals", "is required"), rows;
  if (!v->is_array() || v->get_array().empty() || v->get_array().size() > kMaxPlanIntervals)
    return body.problem("intervals", "must be an array of 1..2000 intervals"), rows;
  for (std::size_t i = 0; i < v->get_array().size(); ++i) {
    const auto& item = v->get_array()[i];
    const std::string at = "intervals[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      body.problem(at, "must be an object");
      continue;
    }
    PlanRow row;
    for (const auto& [key, value] : item.get_object()) {
      const std::string field = at + "." + std::string(key);
      if (key == "start") {
        auto t = value.is_string() ? wfm::parse_local_datetime(value.get_string())
                                   : Error::invalid("must be a local date and time");
        if (t)
          std::tie(row.day, row.minute) = *t;
        else
          body.problem(field, t.error().message);
      } else if (key == "volume" || key == "aht_s") {
        if (!value.is_number() || !(value.to_number<double>() >= 0) ||
            !std::isfinite(value.to_number<double>()))
          body.problem(field, "must be a non-negative number");
        else
          (key == "volume" ? row.volume : row.aht_s) = value.to_number<double>();
      } else {
        body.problem(field, "is not a known field");
      }
    }
    if (!item.get_object().contains("start")) body.problem(at + ".start", "is required");
    if (!item.get_object().contains("volume")) body.problem(at + ".volume", "is required");
    if (row.volume > 0 && !(row.aht_s > 0)) body.problem(at + ".aht_s", "must be positive");
    rows.push_back(row);
  }
  return rows;
}

// The published schedules of each local day of the plan (by day number),
// and of the day before it (night shifts); nullopt where none is published.
struct Published {
  std::map<long, std::optional<wfm::DaySchedule>> days;
  std::optional<wfm::DaySchedule> get(long day) const {
    auto it = days.find(day);
    return it == days.end() ? std::nullopt : it->second;
  }
};

Result<Published> published_schedules(WfmRecords& r, const std::vector<PlanRow>& rows) {
  Published out;
  for (const auto& row : rows) {
    const long d = wfm::day_number(row.day);
    out.days[d];
    out.days[d - 1];
  }
  Status st = r.with_store([&](store::Store& db) -> Status {
    for (auto& [day, schedule] : out.days) {
      auto s = wfm::published_schedule(db, r.tenant(), wfm::from_day_number(day), "schedule ");
      if (!s) return s.error();
      schedule = std::move(s).value();
    }
    return {};
  });
  if (!st) return st.error();
  return out;
}

std::string scheduled_json(WfmRecords& r, const Published& p, const PlanRow& row, int interval_s) {
  const long day = wfm::day_number(row.day);
  const auto today = p.get(day);
  if (!today) return "null";
  const auto yesterday = p.get(day - 1).value_or(wfm::DaySchedule{});
  const Instant day_start = r.calendar().to_instant(row.day, 0);
  const Instant start = r.calendar().to_instant(row.day, row.minute);
  const int n = wfm::agents_working(*today, day_start, yesterday,
                                    r.calendar().to_instant(wfm::from_day_number(day - 1), 0),
                                    start, start + std::chrono::seconds(interval_s));
  return std::to_string(n);
}

void plan(WfmRecords* r, const Request& req, Respond respond) {
  JsonBody body(req);
  const auto rows = plan_rows(body.raw("intervals"), body);
  const auto interval = number(body, "interval", true, 60, 86400, "must be a duration of 1m..1d");
  const auto target = body.string("target", true, 32);
  const auto patience = number(body, "patience", true, 1, 86400, "must be a positive duration");
  const auto shrinkage = number(body, "shrinkage", false, 0, 0.99, "must be in [0, 0.99]");
  const auto cap = number(body, "occupancy_cap", false, 0.01, 1, "must be in (0, 1]");
  wfm::StaffingRequest base;
  if (target) {
    if (auto t = wfm::parse_service_target(*target)) {
      base.target_fraction = t->fraction;
      base.target_s = t->within_s;
    } else {
      body.problem("target", t.error().message);
    }
  }
  if (auto e = body.error()) return respond(*e);
  base.interval_s = interval.value_or(1800);
  base.patience_s = patience;
  base.shrinkage = shrinkage.value_or(0);
  base.occupancy_cap = cap;
  std::vector<wfm::StaffingRequest> requests;
  for (const auto& row : rows) {
    wfm::StaffingRequest q = base;
    q.volume = row.volume;
    q.aht_s = row.aht_s > 0 ? row.aht_s : 1;  // no contacts: any AHT gives 0 agents
    requests.push_back(q);
  }
  auto staffing = wfm::plan_day({requests});
  if (!staffing) return respond(Response::error(422, "infeasible", staffing.error().message));
  Published published;
  if (r) {
    auto p = published_schedules(*r, rows);
    if (!p) return respond(store_failure(p.error()));
    published = std::move(p).value();
  }
  std::string out = "{\"intervals\":[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& s = (*staffing)[0][i];
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "%s{\"start\":\"%s\",\"volume\":%s,\"aht_s\":%s,\"required\":%d,"
                  "\"scheduled_required\":%d,\"service_level\":%s,\"occupancy\":%s,\"scheduled\":",
                  i ? "," : "", wfm::format_local(rows[i].day, rows[i].minute).c_str(),
                  num(rows[i].volume).c_str(), num(rows[i].aht_s).c_str(), s.agents, s.scheduled,
                  num(s.service_level).c_str(), num(s.occupancy).c_str());
    out += buf;
    out += r ? scheduled_json(*r, published, rows[i], static_cast<int>(base.interval_s)) : "null";
    out += "}";
  }
  respond(Response::json(200, out + "]}"));
}

}  // namespace

Result<wfm::History> recorded_history(WfmRecords& records, const boost::json::value& spec,
                                      int interval_minutes) {
  if (!spec.is_object()) return Error::invalid("history: must be an object {\"from\",\"to\"}");
  std::map<std::string, std::optional<std::string>> fields{
      {"from", {}}, {"to", {}}, {"queue", {}}, {"type", {}}, {"channel", {}}};
  for (const auto& [key, value] : spec.get_object()) {
    auto it = fields.find(std::string(key));
    if (it == fields.end())
      return Error::invalid("history." + std::string(key) + ": is not a known field");
    if (!value.is_string())
      return Error::invalid("history." + std::string(key) + ": must be a string");
    it->second = std::string(value.get_string());
  }
  Problems problems;
  const auto range = parse_range(fields["from"], fields["to"], "history.", problems);
  if (!range) return Error::invalid(problems.begin()->first + ": " + problems.begin()->second);
  return load_history(
      records, *range, interval_minutes,
      {fields["queue"].value_or(""), fields["type"].value_or(""), fields["channel"].value_or("")});
}

void add_wfm_history_routes(Router& router, const Guard& guard, WfmRecords* records) {
  router.post("/api/v1/wfm/plan",
              guard.allow(Permission::plan_workforce,
                          [records](const Request& req, const Principal&, Respond respond) {
                            plan(records, req, std::move(respond));
                          }));
  if (!records) return;
  router.get("/api/v1/wfm/history",
             guard.allow(Permission::plan_workforce,
                         [records](const Request& req, const Principal&, Respond respond) {
                           get_history(*records, req, std::move(respond));
                         }));
}

}  // namespace tamas::api
