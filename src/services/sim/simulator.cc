#include "services/sim/simulator.h"

#include <cmath>

#include "engine/engine.h"
#include "services/sim/run.h"

namespace tamas::services::sim {

Estimate estimate(const std::vector<double>& xs) {
  Estimate e;
  if (xs.empty()) return e;
  double sum = 0;
  for (double x : xs) sum += x;
  e.mean = sum / double(xs.size());
  if (xs.size() < 2) return e;
  double ss = 0;
  for (double x : xs) ss += (x - e.mean) * (x - e.mean);
  const double sd = std::sqrt(ss / double(xs.size() - 1));
  // Student t 97.5% quantiles for small samples, else the normal's 1.96.
  static const double t975[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447,
                                2.365, 2.306,  2.262, 2.228, 2.201, 2.179, 2.160,
                                2.145, 2.131,  2.120, 2.110, 2.101, 2.093};
  const std::size_t df = xs.size() - 1;
  const double t = df < 20 ? t975[df] : 1.96;
  e.half_width = t * sd / std::sqrt(double(xs.size()));
  return e;
}

Result<RunResult> simulate(const SimConfig& config, std::uint64_t seed) {
  for (const auto& t : config.traffic) {
    const std::string name = t.queue.empty() ? t.type : t.queue;
    if (t.arrivals_per_hour < 0 || (t.recorded.empty() && t.aht.count() <= 0))
      return Error::invalid("traffic for queue '" + name +
                            "' needs a non-negative rate and a positive AHT");
    for (double r : t.interval_per_hour)
      if (!(r >= 0))
        return Error::invalid("traffic for queue '" + name + "' has a negative interval rate");
    if (t.handle == HandleDist::lognormal && !(t.handle_cv > 0))
      return Error::invalid("traffic for queue '" + name + "' needs a positive handle-time spread");
  }
  if (config.length.count() <= 0) return Error::invalid("the simulated length must be positive");
  if (!config.shifts.empty() && config.shifts.size() != config.agents.size())
    return Error::invalid("shifts must be given for every agent or for none");
  // Nobody takes the engine's changed-statistics marks in a simulation.
  engine::EngineConfig routing = config.routing;
  routing.track_stats_changes = false;
  auto engine = engine::Engine::create(routing);
  if (!engine) return engine.error();
  detail::Run run(config, seed, std::move(engine).value());
  return run.go();
}

Result<Summary> simulate_replications(const SimConfig& config, int replications,
                                      std::uint64_t seed) {
  if (replications < 1) return Error::invalid("replications must be at least 1");
  std::vector<double> sl, asa, ab, occ;
  Summary s;
  s.replications = replications;
  for (int i = 0; i < replications; ++i) {
    auto r = simulate(config, seed + static_cast<std::uint64_t>(i));
    if (!r) return r.error();
    sl.push_back(r->total.service_level);
    asa.push_back(r->total.asa_s);
    ab.push_back(r->total.abandon_rate);
    occ.push_back(r->occupancy);
    s.engine_commands += r->engine_commands;
    s.events += r->events;
    s.customers += r->customers;
    s.runs.push_back(std::move(r).value());
  }
  s.service_level = estimate(sl);
  s.asa_s = estimate(asa);
  s.abandon_rate = estimate(ab);
  s.occupancy = estimate(occ);
  return s;
}

SimConfig mmn(int agents, double arrivals_per_hour, Duration aht, Duration patience,
              Duration length, Duration sl_threshold) {
  SimConfig c;
  c.routing.skills = {"s"};
  engine::QueueConfig q;
  q.id = "q";
  q.default_skills = {{"s", 1}};
  q.sl_threshold = sl_threshold;
  q.announce_position = false;
  c.routing.queues.push_back(q);
  c.routing.default_queue = "q";
  for (int i = 0; i < agents; ++i) {
    engine::AgentLogin a;
    a.agent = "a" + std::to_string(i);
    a.skills = {{"s", 1}};
    a.queues = {"q"};
    a.ready = true;
    c.agents.push_back(a);
  }
  Traffic t;
  t.label = "q";  // routed to the default queue "q" (no queue lookup per arrival)
  t.arrivals_per_hour = arrivals_per_hour;
  t.aht = aht;
  t.patience = patience;
  c.traffic.push_back(t);
  c.length = length;
  c.sl_threshold = sl_threshold;
  return c;
}

}  // namespace tamas::services::sim
