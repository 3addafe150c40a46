#include "services/wfm/staffing.h"

#include <cmath>
#include <limits>
#include <string>

#include "services/wfm/erlang.h"
#include "services/wfm/erlang_b_recursion.h"

namespace tamas::wfm {
namespace {

bool finite_nonneg(double v) {
  return std::isfinite(v) && v >= 0;
}

StaffingResult from_c(const StaffingRequest& req, const ErlangCResult& c) {
  StaffingResult r;
  r.agents = c.agents;
  r.scheduled = scheduled_agents(c.agents, req.shrinkage);
  r.load = req.load();
  r.service_level = c.service_level;
  r.p_wait = c.p_wait;
  r.asa_s = c.asa_s;
  r.occupancy = c.occupancy;
  return r;
}

StaffingResult from_a(const StaffingRequest& req, const ErlangAResult& a) {
  StaffingResult r;
  r.agents = a.agents;
  r.scheduled = scheduled_agents(a.agents, req.shrinkage);
  r.load = req.load();
  r.service_level = a.service_level;
  r.p_wait = a.p_wait;
  r.asa_s = a.asa_s;
  r.occupancy = a.occupancy;
  r.abandon_rate = a.p_abandon;
  return r;
}

StaffingResult evaluate(const StaffingRequest& req, int n) {
  if (req.patience_s)
    return from_a(req, erlang_a_metrics(req.load(), n, req.aht_s, req.target_s, *req.patience_s));
  return from_c(req, erlang_c_metrics(req.load(), n, req.aht_s, req.target_s));
}

bool meets(const StaffingRequest& req, const StaffingResult& r) {
  if (r.service_level < req.target_fraction) return false;
  if (req.max_asa_s && !(r.asa_s <= *req.max_asa_s)) return false;
  if (req.occupancy_cap && r.occupancy > *req.occupancy_cap + 1e-12) return false;
  return true;
}

int upper_limit(double A) {
  return static_cast<int>(A + 100 * std::sqrt(A) + 100);
}

Error unreachable(double A) {
  return Error::invalid("no staffing up to " + std::to_string(upper_limit(A)) +
                        " agents meets the objectives");
}

Result<StaffingResult> solve_c(const StaffingRequest& req) {
  const double A = req.load();
  int n = std::max(1, static_cast<int>(std::floor(A)) + 1);
  if (req.occupancy_cap) n = std::max(n, static_cast<int>(std::ceil(A / *req.occupancy_cap)));
  ErlangBRecursion rec(A, n);
  const int limit = upper_limit(A);
  for (; rec.n() <= limit; rec.advance()) {
    const StaffingResult r =
        from_c(req, erlang_c_from(A, rec.n(), rec.erlang_c(), req.aht_s, req.target_s));
    if (meets(req, r)) return r;
  }
  return unreachable(A);
}

Result<StaffingResult> solve_a(const StaffingRequest& req) {
  const double A = req.load();
  int lo = 0, hi = std::max(1, static_cast<int>(std::ceil(A)));
  StaffingResult best = evaluate(req, hi);
  while (!meets(req, best)) {  // grow until feasible
    lo = hi;
    hi = hi * 2;
    if (hi > 2 * upper_limit(A)) return unreachable(A);
    best = evaluate(req, hi);
  }
  while (hi - lo > 1) {  // invariant: lo fails (or is 0), hi meets
    const int mid = lo + (hi - lo) / 2;
    StaffingResult r = evaluate(req, mid);
    if (meets(req, r)) {
      hi = mid;
      best = r;
    } else {
      lo = mid;
    }
  }
  return best;
}

}  // namespace

int scheduled_agents(int agents, double shrinkage) {
  return static_cast<int>(std::ceil(agents / (1 - shrinkage) - 1e-9));
}

Status validate(const StaffingRequest& req) {
  if (!finite_nonneg(req.volume)) return Error::invalid("volume must be a non-negative number");
  if (!(req.interval_s > 0) || !std::isfinite(req.interval_s))
    return Error::invalid("interval must be positive");
  if (!(req.aht_s > 0) || !std::isfinite(req.aht_s)) return Error::invalid("aht must be positive");
  if (!(req.target_fraction > 0 && req.target_fraction < 1))
    return Error::invalid("service-level target must be between 0 and 100 percent (exclusive)");
  if (!finite_nonneg(req.target_s)) return Error::invalid("target time must be non-negative");
  if (req.max_asa_s && !finite_nonneg(*req.max_asa_s))
    return Error::invalid("ASA target must be non-negative");
  if (req.occupancy_cap && !(*req.occupancy_cap > 0 && *req.occupancy_cap <= 1))
    return Error::invalid("occupancy cap must be in (0, 1]");
  if (!(req.shrinkage >= 0 && req.shrinkage < 1))
    return Error::invalid("shrinkage must be in [0, 1)");
  if (req.patience_s && !(*req.patience_s > 0 && std::isfinite(*req.patience_s)))
    return Error::invalid("patience must be positive");
  if (req.load() > 1e7) return Error::invalid("offered load above 10,000,000 Erlangs");
  return {};
}

Result<StaffingResult> solve_staffing(const StaffingRequest& req) {
  if (Status s = validate(req); !s) return s.error();
  if (req.volume == 0) {
    StaffingResult r;
    r.service_level = 1;
    if (req.patience_s) r.abandon_rate = 0;
    return r;
  }
  return req.patience_s ? solve_a(req) : solve_c(req);
}

Result<StaffingResult> evaluate_staffing(const StaffingRequest& req, int agents) {
  if (Status s = validate(req); !s) return s.error();
  if (agents < 1) return Error::invalid("agents must be at least 1");
  return evaluate(req, agents);
}

Result<std::vector<std::vector<StaffingResult>>> plan_day(
    const std::vector<std::vector<StaffingRequest>>& requests) {
  std::vector<std::vector<StaffingResult>> out(requests.size());
  for (size_t q = 0; q < requests.size(); ++q) {
    out[q].reserve(requests[q].size());
    for (size_t i = 0; i < requests[q].size(); ++i) {
      Result<StaffingResult> r = solve_staffing(requests[q][i]);
      if (!r) {
        return Error::invalid("queue " + std::to_string(q) + ", interval " + std::to_string(i) +
                              ": " + r.error().message);
      }
      out[q].push_back(*r);
    }
  }
  return out;
}

Result<DeferredResult> staff_deferred(const DeferredRequest& req) {
  if (!finite_nonneg(req.arrivals) || !finite_nonneg(req.backlog))
    return Error::invalid("arrivals and backlog must be non-negative numbers");
  if (!(req.interval_s > 0 && req.aht_s > 0 && req.response_target_s > 0))
    return Error::invalid("interval, aht and response target must be positive");
  if (req.occupancy_cap && !(*req.occupancy_cap > 0 && *req.occupancy_cap <= 1))
    return Error::invalid("occupancy cap must be in (0, 1]");
  if (!(req.shrinkage >= 0 && req.shrinkage < 1))
    return Error::invalid("shrinkage must be in [0, 1)");
  const double cap = req.occupancy_cap.value_or(1.0);
  const double busy =
      (req.arrivals / req.interval_s + req.backlog / req.response_target_s) * req.aht_s;
  DeferredResult r;
  r.agents = static_cast<int>(std::ceil(busy / cap - 1e-9));
  r.scheduled = scheduled_agents(r.agents, req.shrinkage);
  r.workload_s =
      (req.arrivals + req.backlog * std::min(1.0, req.interval_s / req.response_target_s)) *
      req.aht_s;
  return r;
}

}  // namespace tamas::wfm
