// `tamas staff`: one-off Erlang C / Erlang A staffing for one interval.
//   tamas staff --volume 100 --interval 30m --aht 180s --target 80/20s
//               [--patience 300s] [--agents N] [--occupancy-cap 0.85]
//               [--shrinkage 0.3] [--max-asa 30s] [--json]
// Exit codes: 0 ok, 2 bad input or no feasible staffing.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "app/command.h"
#include "services/wfm/staffing.h"
#include "services/wfm/units.h"

namespace tamas::app {
namespace {

struct StaffArgs {
  std::string volume, interval = "30m", aht, target = "80/20s";
  std::string patience, agents, occupancy_cap, shrinkage, max_asa;
  bool json = false;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "tamas staff: %s\n", message.c_str());
  return 2;
}

Result<wfm::StaffingRequest> build_request(const StaffArgs& a) {
  if (a.volume.empty()) return Error::invalid("--volume is required");
  if (a.aht.empty()) return Error::invalid("--aht is required");
  wfm::StaffingRequest req;
  Result<double> volume = wfm::parse_number(a.volume, "volume");
  if (!volume) return volume.error();
  req.volume = *volume;
  Result<double> interval = wfm::parse_duration(a.interval);
  if (!interval) return interval.error();
  req.interval_s = *interval;
  Result<double> aht = wfm::parse_duration(a.aht);
  if (!aht) return aht.error();
  req.aht_s = *aht;
  Result<wfm::ServiceTarget> target = wfm::parse_service_target(a.target);
  if (!target) return target.error();
  req.target_fraction = target->fraction;
  req.target_s = target->within_s;
  if (!a.patience.empty()) {
    Result<double> p = wfm::parse_duration(a.patience);
    if (!p) return p.error();
    req.patience_s = *p;
  }
  if (!a.max_asa.empty()) {
    Result<double> p = wfm::parse_duration(a.max_asa);
    if (!p) return p.error();
    req.max_asa_s = *p;
  }
  if (!a.occupancy_cap.empty()) {
    Result<double> c = wfm::parse_number(a.occupancy_cap, "occupancy cap");
    if (!c) return c.error();
    req.occupancy_cap = *c;
  }
  if (!a.shrinkage.empty()) {
    Result<double> s = wfm::parse_number(a.shrinkage, "shrinkage");
    if (!s) return s.error();
    req.shrinkage = *s;
  }
  if (Status s = wfm::validate(req); !s) return s.error();
  return req;
}

std::string num(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void print(const wfm::StaffingResult& r, bool json) {
  if (json) {
    std::printf(
        "{\"agents\":%d,\"scheduled\":%d,\"load_erlangs\":%s,\"service_level\":%s,"
        "\"p_wait\":%s,\"asa_s\":%s,\"occupancy\":%s",
        r.agents, r.scheduled, num(r.load).c_str(), num(r.service_level).c_str(),
        num(r.p_wait).c_str(), num(r.asa_s).c_str(), num(r.occupancy).c_str());
    if (r.abandon_rate) std::printf(",\"abandon_rate\":%s", num(*r.abandon_rate).c_str());
    std::printf("}\n");
    return;
  }
  std::printf("agents          %d\n", r.agents);
  std::printf("scheduled       %d (after shrinkage)\n", r.scheduled);
  std::printf("load            %.3f Erlangs\n", r.load);
  std::printf("service level   %.1f %%\n", 100 * r.service_level);
  std::printf("p(wait)         %.1f %%\n", 100 * r.p_wait);
  std::printf("ASA             %s s\n", num(r.asa_s).c_str());
  std::printf("occupancy       %.1f %%\n", 100 * r.occupancy);
  if (r.abandon_rate) std::printf("abandoned       %.1f %%\n", 100 * *r.abandon_rate);
}

int run(const StaffArgs& a) {
  Result<wfm::StaffingRequest> req = build_request(a);
  if (!req) return fail(req.error().message);
  Result<wfm::StaffingResult> r = Error::internal("unset");
  if (!a.agents.empty()) {
    Result<double> n = wfm::parse_number(a.agents, "agents");
    if (!n || *n < 1 || *n != std::floor(*n) || *n > 1e7)
      return fail("agents must be a whole number of at least 1, got '" + a.agents + "'");
    r = wfm::evaluate_staffing(*req, static_cast<int>(*n));
  } else {
    r = wfm::solve_staffing(*req);
  }
  if (!r) return fail(r.error().message);
  print(*r, a.json);
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "staff", "Erlang C/A staffing for one interval", [](CLI::App& sub) -> std::function<int()> {
      auto a = std::make_shared<StaffArgs>();
      sub.add_option("--volume", a->volume, "contacts offered in the interval");
      sub.add_option("--interval", a->interval, "interval length (30m, 1800s, 1h)");
      sub.add_option("--aht", a->aht, "average handle time (180s, 3m)");
      sub.add_option("--target", a->target, "service-level objective PERCENT/TIME (80/20s)");
      sub.add_option("--patience", a->patience, "mean caller patience: use Erlang A");
      sub.add_option("--agents", a->agents, "evaluate this many agents instead of solving");
      sub.add_option("--occupancy-cap", a->occupancy_cap, "maximum occupancy (0.85)");
      sub.add_option("--shrinkage", a->shrinkage, "share of paid time off the phones (0.3)");
      sub.add_option("--max-asa", a->max_asa, "maximum average speed of answer (30s)");
      sub.add_flag("--json", a->json, "print one JSON object");
      return [a] { return run(*a); };
    }});

}  // namespace
}  // namespace tamas::app
