#include "api/wfm_routes.h"

#include <cmath>
#include <cstdio>

#include "api/json_body.h"
#include "services/sim/simulator.h"
#include "services/wfm/erlang.h"
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

}  // namespace

void add_wfm_routes(Router& router, const Guard& guard) {
  router.post("/api/v1/wfm/staff", guard.allow(Permission::plan_workforce, staff));
  router.post("/api/v1/wfm/simulate", guard.allow(Permission::plan_workforce, simulate));
}

}  // namespace tamas::api
