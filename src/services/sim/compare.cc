#include "services/sim/compare.h"

namespace tamas::services::sim {
namespace {

Paired paired(const std::vector<RunResult>& a, const std::vector<RunResult>& b,
              double (*metric)(const RunResult&)) {
  std::vector<double> xa, xb, d;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    xa.push_back(metric(a[i]));
    xb.push_back(metric(b[i]));
    d.push_back(xb.back() - xa.back());
  }
  return {estimate(xa), estimate(xb), estimate(d)};
}

}  // namespace

Result<Comparison> compare(const SimConfig& a, const SimConfig& b, int replications,
                           std::uint64_t seed, bool common_random_numbers) {
  auto ra = simulate_replications(a, replications, seed);
  if (!ra) return ra.error();
  const std::uint64_t seed_b = common_random_numbers ? seed : seed ^ 0x5bd1e995a5a5a5a5ULL;
  auto rb = simulate_replications(b, replications, seed_b);
  if (!rb) return rb.error();
  Comparison c;
  c.replications = replications;
  c.service_level =
      paired(ra->runs, rb->runs, [](const RunResult& r) { return r.total.service_level; });
  c.asa_s = paired(ra->runs, rb->runs, [](const RunResult& r) { return r.total.asa_s; });
  c.abandon_rate =
      paired(ra->runs, rb->runs, [](const RunResult& r) { return r.total.abandon_rate; });
  c.occupancy = paired(ra->runs, rb->runs, [](const RunResult& r) { return r.occupancy; });
  c.a = std::move(ra).value();
  c.b = std::move(rb).value();
  return c;
}

}  // namespace tamas::services::sim
