#include "services/wfm/schedule.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "services/wfm/schedule_variants.h"

namespace tamas::wfm {
namespace {

struct ProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};
using Problem = std::unique_ptr<glp_prob, ProblemDeleter>;

// Columns 1..V are the variants, V+1.. the under-staffing of each row.
Problem build(const Requirements& req, const ShiftConfig& config,
              const std::vector<ShiftVariant>& variants) {
  Problem lp(glp_create_prob());
  glp_set_obj_dir(lp.get(), GLP_MIN);
  std::vector<int> row_of(req.required.size(), 0);
  int rows = 0;
  for (size_t i = 0; i < req.required.size(); ++i) {
    if (req.required[i] > 0) row_of[i] = ++rows;
  }
  int capped = 0;
  for (const AgentGroup& g : config.groups) capped += g.max_agents ? 1 : 0;
  glp_add_rows(lp.get(), rows + capped);
  for (size_t i = 0; i < req.required.size(); ++i) {
    if (row_of[i]) glp_set_row_bnds(lp.get(), row_of[i], GLP_LO, req.required[i], 0);
  }
  std::vector<int> group_row(config.groups.size(), 0);
  int r = rows;
  for (size_t g = 0; g < config.groups.size(); ++g) {
    if (!config.groups[g].max_agents) continue;
    group_row[g] = ++r;
    glp_set_row_bnds(lp.get(), r, GLP_UP, 0, *config.groups[g].max_agents);
  }
  const int V = static_cast<int>(variants.size());
  glp_add_cols(lp.get(), V + rows);
  double dearest = 0;
  for (const AgentGroup& g : config.groups) dearest = std::max(dearest, g.cost_per_hour);
  const double penalty = 1000 * std::max(1.0, dearest) * req.interval_minutes / 60.0;
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  for (int v = 0; v < V; ++v) {
    glp_set_col_kind(lp.get(), v + 1, GLP_IV);
    glp_set_col_bnds(lp.get(), v + 1, GLP_LO, 0, 0);
    glp_set_obj_coef(lp.get(), v + 1, variants[v].cost);
    for (const auto& [k, share] : variants[v].cover) {
      if (!row_of[k]) continue;
      ia.push_back(row_of[k]), ja.push_back(v + 1), ar.push_back(share);
    }
    if (group_row[variants[v].group]) {
      ia.push_back(group_row[variants[v].group]), ja.push_back(v + 1), ar.push_back(1);
    }
  }
  for (int row = 1; row <= rows; ++row) {
    glp_set_col_bnds(lp.get(), V + row, GLP_LO, 0, 0);
    glp_set_obj_coef(lp.get(), V + row, penalty);
    ia.push_back(row), ja.push_back(V + row), ar.push_back(1);
  }
  glp_load_matrix(lp.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  return lp;
}

// When every cost is a whole number, every requirement is whole and every
// variant covers whole intervals, any schedule's cost is a multiple of the
// costs' greatest common divisor: a lower bound can be rounded up to it, which
// proves optimality long before the bound itself meets the incumbent (staffing
// programs are highly symmetric). Returns 0 when that does not hold.
double cost_quantum(glp_prob* lp, const std::vector<ShiftVariant>& variants,
                    const Requirements& req) {
  for (double r : req.required)
    if (r != std::floor(r)) return 0;
  for (const ShiftVariant& v : variants)
    for (const auto& c : v.cover)
      if (c.second != 1) return 0;
  long long g = 0;
  for (int j = 1; j <= glp_get_num_cols(lp); ++j) {
    const double c = glp_get_obj_coef(lp, j);
    if (c != std::floor(c) || c > 1e15) return 0;
    g = std::gcd(g, static_cast<long long>(c));
  }
  return static_cast<double>(g);
}

struct Search {
  double quantum = 0;
  bool proved = false;
  std::vector<double> start;  // a first incumbent, 1-based over all columns
};

// A covering start for branch and cut: the LP optimum rounded up, then each
// variant (dearest first) decremented while every requirement stays met.
// Empty if group caps make the rounded point infeasible.
std::vector<double> rounded_start(glp_prob* lp, int V) {
  const int rows = glp_get_num_rows(lp), cols = glp_get_num_cols(lp);
  std::vector<double> x(cols + 1, 0), activity(rows + 1, 0);
  std::vector<int> ind(rows + 1);
  std::vector<double> val(rows + 1);
  for (int j = 1; j <= V; ++j) {
    x[j] = std::ceil(glp_get_col_prim(lp, j) - 1e-7);
    const int len = glp_get_mat_col(lp, j, ind.data(), val.data());
    for (int k = 1; k <= len; ++k) activity[ind[k]] += val[k] * x[j];
  }
  std::vector<int> order(V);
  std::iota(order.begin(), order.end(), 1);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return glp_get_obj_coef(lp, a) > glp_get_obj_coef(lp, b); });
  for (int j : order) {
    const int len = glp_get_mat_col(lp, j, ind.data(), val.data());
    while (x[j] > 0) {
      bool ok = true;
      for (int k = 1; k <= len && ok; ++k)
        ok = glp_get_row_type(lp, ind[k]) != GLP_LO ||
             activity[ind[k]] - val[k] >= glp_get_row_lb(lp, ind[k]) - 1e-9;
      if (!ok) break;
      x[j] -= 1;
      for (int k = 1; k <= len; ++k) activity[ind[k]] -= val[k];
    }
  }
  for (int i = 1; i <= rows; ++i) {
    if (glp_get_row_type(lp, i) == GLP_UP && activity[i] > glp_get_row_ub(lp, i) + 1e-9) return {};
  }
  for (int j = V + 1; j <= cols; ++j) {  // under-staffing columns: one per requirement row
    const int len = glp_get_mat_col(lp, j, ind.data(), val.data());
    const int i = ind[1];
    x[j] = len == 1 ? std::max(0.0, glp_get_row_lb(lp, i) - activity[i]) : 0;
    if (glp_get_col_kind(lp, j) == GLP_IV) x[j] = std::ceil(x[j] - 1e-9);
  }
  return x;
}

void on_search(glp_tree* tree, void* info) {
  Search& s = *static_cast<Search*>(info);
  if (glp_ios_reason(tree) == GLP_IHEUR && !s.start.empty()) {
    glp_ios_heur_sol(tree, s.start.data());
    s.start.clear();
    return;
  }
  if (s.quantum <= 0 || glp_ios_reason(tree) != GLP_ISELECT) return;
  glp_prob* lp = glp_ios_get_prob(tree);
  if (glp_mip_status(lp) != GLP_FEAS && glp_mip_status(lp) != GLP_OPT) return;
  const int best = glp_ios_best_node(tree);
  if (best == 0) return;
  const double bound = std::ceil(glp_ios_node_bound(tree, best) / s.quantum - 1e-9) * s.quantum;
  if (bound >= glp_mip_obj_val(lp) - 1e-6) {
    s.proved = true;
    glp_ios_terminate(tree);
  }
}

// Agents per variant: the LP relaxation first (its optimum is the lower bound
// reported), then branch and cut from its basis; if that finds no integer
// solution within the time limit, the LP solution rounded up (still covering,
// since every coefficient is non-negative).
std::vector<int> solve(glp_prob* lp, int V, double quantum, const ScheduleOptions& opt,
                       ScheduleResult& out) {
  glp_term_out(GLP_OFF);
  glp_smcp sm;
  glp_init_smcp(&sm);
  sm.msg_lev = GLP_MSG_OFF;
  std::vector<int> x(V);
  if (glp_simplex(lp, &sm) != 0 || glp_get_status(lp) != GLP_OPT) return x;
  out.lp_bound = glp_get_obj_val(lp);
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.mip_gap = opt.mip_gap;
  parm.tm_lim = static_cast<int>(opt.time_limit_s * 1000);
  parm.br_tech = GLP_BR_DTH;
  parm.bt_tech = GLP_BT_BLB;
  parm.gmi_cuts = GLP_ON;
  parm.mir_cuts = GLP_ON;
  parm.cov_cuts = GLP_ON;
  parm.fp_heur = GLP_ON;
  Search search{quantum, false, rounded_start(lp, V)};
  parm.cb_func = on_search;
  parm.cb_info = &search;
  const int ret = glp_intopt(lp, &parm);
  const int status = glp_mip_status(lp);
  if (status == GLP_OPT || status == GLP_FEAS) {
    out.optimal = (ret == 0 && status == GLP_OPT) || ret == GLP_EMIPGAP || search.proved;
    for (int v = 0; v < V; ++v) x[v] = static_cast<int>(std::lround(glp_mip_col_val(lp, v + 1)));
    return x;
  }
  out.optimal = false;
  for (int v = 0; v < V; ++v)
    x[v] = static_cast<int>(std::ceil(glp_get_col_prim(lp, v + 1) - 1e-7));
  return x;
}

}  // namespace

Result<ScheduleResult> schedule_shifts(const Requirements& req, const ShiftConfig& config,
                                       const ScheduleOptions& options) {
  if (req.interval_minutes <= 0 || 1440 % req.interval_minutes != 0 || req.required.empty() ||
      req.required.size() % (1440 / req.interval_minutes) != 0)
    return Error::invalid("requirements must cover whole days of whole intervals");
  if (req.days() > 7) return Error::invalid("requirements span more than one week");
  Result<std::vector<ShiftVariant>> variants =
      enumerate_variants(req, config, options.max_variants);
  if (!variants) return variants.error();
  if (variants->empty()) return Error::invalid("no shift works on any day of the requirements");
  const int V = static_cast<int>(variants->size());
  Problem lp = build(req, config, *variants);
  ScheduleResult out;
  out.variants = V;
  const double quantum = cost_quantum(lp.get(), *variants, req);
  if (quantum > 0) {  // under-staffing is then whole agents too
    for (int j = V + 1; j <= glp_get_num_cols(lp.get()); ++j) glp_set_col_kind(lp.get(), j, GLP_IV);
  }
  const std::vector<int> x = solve(lp.get(), V, quantum, options, out);
  out.required = req.required;
  out.scheduled.assign(req.required.size(), 0.0);
  for (int v = 0; v < V; ++v) {
    if (x[v] <= 0) continue;
    const ShiftVariant& sv = (*variants)[v];
    for (const auto& [k, share] : sv.cover) out.scheduled[k] += share * x[v];
    ShiftAssignment a{config.shifts[sv.shift].name,
                      config.groups[sv.group].name,
                      sv.start_minute,
                      sv.break_starts,
                      sv.days,
                      x[v],
                      sv.cost * x[v]};
    out.total_agents += a.agents;
    out.budget += a.cost;
    out.assignments.push_back(std::move(a));
  }
  for (size_t i = 0; i < out.required.size(); ++i) {
    out.under += std::max(0.0, out.required[i] - out.scheduled[i]);
    out.over += std::max(0.0, out.scheduled[i] - out.required[i]);
  }
  return out;
}

}  // namespace tamas::wfm
