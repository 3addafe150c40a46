#include "api/wfm_routes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "api/json_body.h"
#include "api/wfm_history_routes.h"
#include "services/sim/simulator.h"
#include "services/wfm/day_schedule.h"
#include "services/wfm/erlang.h"
#include "services/wfm/forecast.h"
#include "services/wfm/history.h"
#include "services/wfm/history_from_interactions.h"
#include "services/wfm/published_schedule.h"
#include "services/wfm/staffing.h"
#include "services/wfm/units.h"

namespace tamas::api {
namespace {

// A duration (string with unit, or number of seconds) or plain number.
std::optional<double> quantity(JsonBody& body, const std::string& name, bool duration,
                               bool required) {
  const boost::json::value* v = body.raw(name);
  if (!v) {
    if (required) body.problem(name, "is required");
    return std::nullopt;
  }
  if (v->is_number()) return v->to_number<double>();
  if (v->is_string()) {
    const std::string_view s = v->get_string();
    auto r = duration ? wfm::parse_duration(s) : wfm::parse_number(s, name);
    if (r) return *r;
    body.problem(name, r.error().message);
    return std::nullopt;
  }
  body.problem(name, duration ? "must be a duration (\"180s\") or seconds" : "must be a number");
  return std::nullopt;
}

std::string num(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void staff(const Request& req, const Principal&, Respond respond) {
  JsonBody body(req);
  wfm::StaffingRequest r;
  const auto volume = quantity(body, "volume", false, true);
  const auto interval = quantity(body, "interval", true, false);
  const auto aht = quantity(body, "aht", true, true);
  const auto target = body.string("target", false, 32);
  const auto patience = quantity(body, "patience", true, false);
  const auto max_asa = quantity(body, "max_asa", true, false);
  const auto cap = quantity(body, "occupancy_cap", false, false);
  const auto shrinkage = quantity(body, "shrinkage", false, false);
  const auto agents = body.integer("agents");
  if (target) {
    if (auto t = wfm::parse_service_target(*target)) {
      r.target_fraction = t->fraction;
      r.target_s = t->within_s;
    } else {
      body.problem("target", t.error().message);
    }
  }
  if (agents && (*agents < 1 || *agents > 10'000'000)) body.problem("agents", "must be at least 1");
  if (auto e = body.error()) return respond(*e);
  r.volume = *volume;
  r.interval_s = interval.value_or(1800);
  r.aht_s = *aht;
  r.patience_s = patience;
  r.max_asa_s = max_asa;
  r.occupancy_cap = cap;
  r.shrinkage = shrinkage.value_or(0);
  if (Status s = wfm::validate(r); !s)
    return respond(field_problems_response({{"body", s.error().message}}));
  auto out = agents ? wfm::evaluate_staffing(r, static_cast<int>(*agents)) : wfm::solve_staffing(r);
  if (!out) return respond(Response::error(422, "infeasible", out.error().message));
  std::string json =
      "{\"agents\":" + std::to_string(out->agents) +
      ",\"scheduled\":" + std::to_string(out->scheduled) + ",\"load_erlangs\":" + num(out->load) +
      ",\"service_level\":" + num(out->service_level) + ",\"p_wait\":" + num(out->p_wait) +
      ",\"asa_s\":" + num(out->asa_s) + ",\"occupancy\":" + num(out->occupancy);
  if (out->abandon_rate) json += ",\"abandon_rate\":" + num(*out->abandon_rate);
  respond(Response::json(200, json + "}"));
}

Duration millis(double seconds) {
  return Duration{static_cast<Duration::rep>(std::llround(seconds * 1000))};
}

void simulate(const Request& req, const Principal&, Respond respond) {
  JsonBody body(req);
  const auto agents = body.integer("agents", true);
  const auto volume = quantity(body, "volume", false, true);
  const auto interval = quantity(body, "interval", true, false);
  const auto aht = quantity(body, "aht", true, true);
  const auto target = body.string("target", false, 32);
  const auto patience = quantity(body, "patience", true, false);
  const auto hours = quantity(body, "hours", false, false);
  const auto reps = body.integer("replications");
  const auto seed = body.integer("seed");
  wfm::ServiceTarget t;
  if (target) {
    if (auto p = wfm::parse_service_target(*target))
      t = *p;
    else
      body.problem("target", p.error().message);
  }
  if (agents && (*agents < 1 || *agents > 500)) body.problem("agents", "must be 1..500");
  if (hours && (*hours <= 0 || *hours > 24)) body.problem("hours", "must be in (0, 24]");
  if (reps && (*reps < 1 || *reps > 20)) body.problem("replications", "must be 1..20");
  if (interval && *interval <= 0) body.problem("interval", "must be positive");
  if (aht && *aht <= 0) body.problem("aht", "must be positive");
  if (auto e = body.error()) return respond(*e);
  const double per_hour = *volume * 3600.0 / interval.value_or(1800);
  const int replications = static_cast<int>(reps.value_or(5));
  const double h = hours.value_or(8);
  if (per_hour * h * replications > 2e6)
    return respond(field_problems_response(
        {{"volume", "too many contacts for an API run (use tamas simulate)"}}));
  const auto config =
      services::sim::mmn(static_cast<int>(*agents), per_hour, millis(*aht),
                         millis(patience.value_or(0)), millis(h * 3600), millis(t.within_s));
  auto s = services::sim::simulate_replications(config, replications,
                                                static_cast<std::uint64_t>(seed.value_or(1)));
  if (!s) return respond(Response::error(422, "invalid", s.error().message));
  const double load = per_hour * *aht / 3600.0;
  const bool a = patience && *patience > 0;
  const double theory =
      a ? wfm::erlang_a_metrics(load, static_cast<int>(*agents), *aht, t.within_s, *patience)
              .service_level
        : wfm::erlang_c_metrics(load, static_cast<int>(*agents), *aht, t.within_s).service_level;
  respond(Response::json(
      200, "{\"replications\":" + std::to_string(s->replications) +
               ",\"service_level\":" + num(s->service_level.mean) +
               ",\"service_level_ci\":" + num(s->service_level.half_width) +
               ",\"asa_s\":" + num(s->asa_s.mean) + ",\"asa_s_ci\":" + num(s->asa_s.half_width) +
               ",\"abandon_rate\":" + num(s->abandon_rate.mean) + ",\"occupancy\":" +
               num(s->occupancy.mean) + ",\"theory_service_level\":" + num(theory) +
               ",\"customers\":" + std::to_string(s->customers) +
               ",\"events\":" + std::to_string(s->events) + "}"));
}

std::string forecast_json(const wfm::VolumeForecast& f, const std::optional<wfm::Backtest>& b,
                          const std::vector<CivilDate>& holidays) {
  char buf[256];
  std::snprintf(
      buf, sizeof buf,
      "{\"interval_minutes\":%d,\"model\":{\"kind\":\"%s\",\"alpha\":%g,\"beta\":%g,\"gamma\":%g},"
      "\"holiday_scale\":%.4g",
      f.interval_minutes,
      f.params.kind == wfm::Seasonality::additive ? "additive" : "multiplicative", f.params.alpha,
      f.params.beta, f.params.gamma, f.holiday_scale);
  std::string out = buf;
  out += ",\"holidays\":[";
  for (std::size_t i = 0; i < holidays.size(); ++i)
    out += (i ? ",\"" : "\"") + wfm::format_local_date(holidays[i]) + "\"";
  out += "]";
  if (b) {
    std::snprintf(
        buf, sizeof buf,
        ",\"accuracy\":{\"holdout_days\":%d,\"holt_winters\":{\"mape\":%.4f,\"wape\":%.4f},"
        "\"seasonal_naive\":{\"mape\":%.4f,\"wape\":%.4f}}",
        b->holdout_days, b->holt_winters.mape, b->holt_winters.wape, b->seasonal_naive.mape,
        b->seasonal_naive.wape);
    out += buf;
  }
  out += ",\"forecast\":[";
  const long first = wfm::day_number(f.first_day);
  const int per_day = 1440 / f.interval_minutes;
  for (std::size_t i = 0; i < f.volume.size(); ++i) {
    const CivilDate d = wfm::from_day_number(first + static_cast<long>(i) / per_day);
    std::snprintf(buf, sizeof buf, "%s{\"start\":\"%s\",\"volume\":%.2f,\"aht_s\":%.1f}",
                  i ? "," : "",
                  wfm::format_local(d, static_cast<int>(i % per_day) * f.interval_minutes).c_str(),
                  f.volume[i], f.aht_s[i]);
    out += buf;
  }
  return out + "]}";
}

// Body: {"history_csv": "datetime,volume,aht_s\n...", "interval": "30m",
// "weeks": 1, "holdout": 1, "holidays": ["2026-03-20"], "holiday_scale": 0.3}
// (as `tamas forecast --json` with the file's text inline; at most 4 MB), or
// "history": {"from","to","queue"?,"type"?,"channel"?} instead of history_csv
// to read the recorded interactions. Without "holidays", the strategy
// calendar's holidays over history and horizon (with a store). The answer
// lists the holidays used.
void forecast(WfmRecords* records, const Request& req, Respond respond) {
  JsonBody body(req);
  const auto csv = body.string("history_csv", false, 4'000'000);
  const boost::json::value* recorded = body.raw("history");
  const auto interval = quantity(body, "interval", true, false);
  const auto weeks = body.integer("weeks");
  const auto holdout = body.integer("holdout");
  const auto scale = quantity(body, "holiday_scale", false, false);
  const boost::json::value* holidays = body.raw("holidays");
  wfm::ForecastOptions opt;
  opt.holiday_scale = scale;
  if (holidays) {
    if (!holidays->is_array())
      body.problem("holidays", "must be an array of dates");
    else
      for (const auto& d : holidays->get_array()) {
        auto date = d.is_string() ? wfm::parse_local_date(d.get_string())
                                  : Error::invalid("must be a date string");
        if (date)
          opt.holidays.push_back(*date);
        else
          body.problem("holidays", date.error().message);
      }
  }
  if (!csv == !recorded) body.problem("history", "give exactly one of history_csv and history");
  if (recorded && !records) body.problem("history", "this server keeps no recorded interactions");
  if (weeks && (*weeks < 1 || *weeks > 8)) body.problem("weeks", "must be 1..8");
  if (holdout && (*holdout < 0 || *holdout > 8)) body.problem("holdout", "must be 0..8");
  if (interval && (*interval < 60 || *interval > 1440 * 60))
    body.problem("interval", "must be 1m..1d");
  if (auto e = body.error()) return respond(*e);
  const int minutes = static_cast<int>(interval.value_or(1800) / 60);
  auto h = csv ? wfm::parse_history_csv(*csv, "history_csv", minutes)
               : recorded_history(*records, *recorded, minutes);
  if (!h && (csv || h.error().code == ErrorCode::invalid_argument))
    return respond(field_problems_response({{csv ? "history_csv" : "history", h.error().message}}));
  if (!h) return respond(Response::error(503, "unavailable", h.error().message));
  const int horizon = 7 * static_cast<int>(weeks.value_or(1));
  if (!holidays && records) {
    const long last = wfm::day_number(h->first_day) + h->days() + horizon - 1;
    opt.holidays =
        wfm::holidays_between(records->calendar(), h->first_day, wfm::from_day_number(last));
  }
  const int hold = static_cast<int>(holdout.value_or(h->days() >= 21 ? 1 : 0));
  std::optional<wfm::Backtest> back;
  if (hold > 0) {
    auto b = wfm::backtest(*h, hold, opt);
    if (!b) return respond(Response::error(422, "invalid", b.error().message));
    back = *b;
  }
  auto f = wfm::forecast_history(*h, horizon, opt);
  if (!f) return respond(Response::error(422, "invalid", f.error().message));
  std::sort(opt.holidays.begin(), opt.holidays.end());
  respond(Response::json(200, forecast_json(*f, back, opt.holidays)));
}

// "2026-03-01" (or Jalali) -> the canonical ISO date, or a 422.
std::optional<std::string> day_param(const std::string& text, Respond& respond) {
  auto d = wfm::parse_local_date(text);
  if (!d) {
    respond(field_problems_response({{"day", d.error().message}}));
    return std::nullopt;
  }
  return wfm::format_local_date(*d);
}

Response store_error(const Error& e) {
  return Response::error(e.code == ErrorCode::not_found ? 404 : 503,
                         e.code == ErrorCode::not_found ? "not_found" : "unavailable", e.message);
}

void put_schedule(WfmRecords& r, const Request& req, const Principal& p, Respond respond) {
  auto day = day_param(req.params.at("day"), respond);
  if (!day) return;
  boost::system::error_code ec;
  const boost::json::value body = boost::json::parse(req.body, ec);
  if (ec || !body.is_object())
    return respond(Response::error(400, "bad_request", "the body must be a JSON object"));
  auto schedule = wfm::parse_day_schedule(req.body, "body");
  if (!schedule) return respond(field_problems_response({{"body", schedule.error().message}}));
  store::PublishedSchedule s{r.tenant(), *day, req.body, r.now(), p.username};
  Status st = r.with_store([&](store::Store& db) { return db.workforce().put_schedule(s); });
  if (!st) return respond(store_error(st.error()));
  respond(Response::json(200, "{\"day\":\"" + *day + "\",\"agents\":" +
                                  std::to_string(schedule->agents.size()) + "}"));
}

void get_adherence(WfmRecords& r, const Request& req, const Principal& p, Respond respond) {
  if (!p.may(Permission::plan_workforce) && !p.may(Permission::supervise))
    return respond(Response::error(403, "forbidden", "needs plan_workforce or supervise"));
  auto it = req.query.find("day");
  if (it == req.query.end()) return respond(field_problems_response({{"day", "is required"}}));
  auto day = day_param(it->second, respond);
  if (!day) return;
  Duration grace = std::chrono::minutes(5);
  if (auto g = req.query.find("grace"); g != req.query.end()) {
    auto secs = wfm::parse_duration(g->second);
    if (!secs || *secs < 0 || *secs > 86400)
      return respond(field_problems_response({{"grace", "must be a duration such as 5m"}}));
    grace = Duration{static_cast<Duration::rep>(*secs * 1000)};
  }
  const CivilDate date = *wfm::parse_local_date(*day);
  const Instant start = r.calendar().to_instant(date, 0);
  wfm::DaySchedule schedule, previous;
  bool published = false;
  std::vector<store::AgentStateChange> rows;
  Status st = r.with_store([&](store::Store& db) -> Status {
    auto today = wfm::published_schedule(db, r.tenant(), date, "schedule ");
    if (!today) return today.error();
    published = today->has_value();
    schedule = std::move(*today).value_or(wfm::DaySchedule{});
    // Yesterday's night shifts run into this day.
    auto yesterday = wfm::published_schedule(
        db, r.tenant(), wfm::from_day_number(wfm::day_number(date) - 1), "schedule ");
    if (!yesterday) return yesterday.error();
    previous = std::move(*yesterday).value_or(wfm::DaySchedule{});
    auto h = db.workforce().state_history(r.tenant(), start, start + std::chrono::hours(24));
    if (!h) return h.error();
    rows = std::move(h).value();
    return {};
  });
  if (!st) return respond(store_error(st.error()));
  std::vector<wfm::AgentStateSample> samples;
  for (const auto& c : rows)
    if (auto state = wfm::parse_agent_state(c.state)) samples.push_back({c.agent, *state, c.at});
  const auto report = wfm::day_adherence(schedule, previous, samples, start, grace, r.now());
  std::string body = wfm::day_adherence_json(*day, grace, report, start);
  body.insert(1, std::string("\"schedule_published\":") + (published ? "true" : "false") + ",");
  respond(Response::json(200, std::move(body)));
}

}  // namespace

void add_wfm_routes(Router& router, const Guard& guard, WfmRecords* records) {
  router.post("/api/v1/wfm/staff", guard.allow(Permission::plan_workforce, staff));
  router.post("/api/v1/wfm/forecast",
              guard.allow(Permission::plan_workforce,
                          [records](const Request& req, const Principal&, Respond respond) {
                            forecast(records, req, std::move(respond));
                          }));
  router.post("/api/v1/wfm/simulate", guard.allow(Permission::plan_workforce, simulate));
  add_wfm_history_routes(router, guard, records);
  if (!records) return;
  router.put("/api/v1/wfm/schedules/{day}",
             guard.allow(Permission::plan_workforce,
                         [records](const Request& req, const Principal& p, Respond respond) {
                           put_schedule(*records, req, p, std::move(respond));
                         }));
  router.get("/api/v1/wfm/adherence",
             guard.allow(Permission::authenticated,
                         [records](const Request& req, const Principal& p, Respond respond) {
                           get_adherence(*records, req, p, std::move(respond));
                         }));
}

}  // namespace tamas::api
