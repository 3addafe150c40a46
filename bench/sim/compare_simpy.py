#!/usr/bin/python3
"""tamas simulate vs a SimPy model of the same M/M/N+M centre, side by side.

Same model on both sides: N agents, Poisson arrivals, exponential handle
time, exponential patience (0 = nobody abandons), warm-up excluded from the
statistics, service level = answered within the threshold / offered. Both
run the same number of replications of the same length; the script prints
customers simulated per second (wall and CPU) for each, the ratio, and both
service levels with their 95 % confidence half-widths.

SimPy is a benchmark-only dependency (Debian: python3-simpy3); run this with
/usr/bin/python3. Usage:
  bench/sim/compare_simpy.py --tamas build/bench/tamas [--agents 100]
      [--per-hour 1700] [--aht 180] [--patience 600] [--hours 20]
      [--replications 10] [--threshold 20] [--json]
"""
import argparse
import json
import math
import random
import statistics
import subprocess
import sys
import time

import simpy

T975 = [0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
        2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093]


def half_width(xs):
    if len(xs) < 2:
        return 0.0
    t = T975[len(xs) - 1] if len(xs) - 1 < len(T975) else 1.96
    return t * statistics.stdev(xs) / math.sqrt(len(xs))


def simpy_replication(a, seed):
    """One replication; returns (service level, abandon rate, customers)."""
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=a.agents)
    warmup, length = 1800.0, a.hours * 3600.0
    stats = {"offered": 0, "in_target": 0, "abandoned": 0, "customers": 0}
    mean_gap = 3600.0 / a.per_hour

    def customer(arrived, service, patience):
        counted = arrived >= warmup
        if counted:
            stats["offered"] += 1
        with agents.request() as req:
            if patience > 0:
                got = yield req | env.timeout(patience)
                if req not in got:
                    if counted:
                        stats["abandoned"] += 1
                    return
            else:
                yield req
            if counted and env.now - arrived <= a.threshold:
                stats["in_target"] += 1
            yield env.timeout(service)

    def source():
        while True:
            yield env.timeout(rng.expovariate(1.0 / mean_gap))
            if env.now >= length:
                return
            stats["customers"] += 1
            service = rng.expovariate(1.0 / a.aht)
            patience = rng.expovariate(1.0 / a.patience) if a.patience > 0 else 0.0
            env.process(customer(env.now, service, patience))

    env.process(source())
    env.run()  # until the last customer has left, like tamas
    offered = max(1, stats["offered"])
    return stats["in_target"] / offered, stats["abandoned"] / offered, stats["customers"]


def run_simpy(a):
    sl, ab, customers = [], [], 0
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(a.replications):
        s, b, n = simpy_replication(a, a.seed + i)
        sl.append(s)
        ab.append(b)
        customers += n
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"service_level": statistics.mean(sl), "service_level_ci": half_width(sl),
            "abandon_rate": statistics.mean(ab), "customers": customers,
            "seconds": wall, "cpu_seconds": cpu}


def run_tamas(a):
    volume = a.per_hour / 2  # per 30-minute interval
    cmd = [a.tamas, "simulate", "--agents", str(a.agents), "--volume", repr(volume),
           "--interval", "30m", "--aht", f"{a.aht}s", "--target", f"80/{a.threshold}s",
           "--hours", repr(a.hours), "--replications", str(a.replications),
           "--seed", str(a.seed), "--json"]
    if a.patience > 0:
        cmd += ["--patience", f"{a.patience}s"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    r["command"] = " ".join(cmd)
    return r


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tamas", default="build/bench/tamas")
    p.add_argument("--agents", type=int, default=100)
    p.add_argument("--per-hour", type=float, default=1700.0)  # rho = 0.85 at AHT 180 s
    p.add_argument("--aht", type=float, default=180.0)
    p.add_argument("--patience", type=float, default=600.0)
    p.add_argument("--hours", type=float, default=20.0)
    p.add_argument("--replications", type=int, default=10)
    p.add_argument("--threshold", type=float, default=20.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()

    t, s = run_tamas(a), run_simpy(a)
    rate = lambda r, key: r["customers"] / max(r[key], 1e-9)
    result = {
        "model": {"agents": a.agents, "per_hour": a.per_hour, "aht_s": a.aht, "patience_s": a.patience,
                  "hours": a.hours, "replications": a.replications, "threshold_s": a.threshold},
        "tamas": {**t, "customers_per_s": rate(t, "seconds"), "customers_per_cpu_s": rate(t, "cpu_seconds")},
        "simpy": {**s, "customers_per_s": rate(s, "seconds"), "customers_per_cpu_s": rate(s, "cpu_seconds")},
    }
    result["ratio_wall"] = result["tamas"]["customers_per_s"] / result["simpy"]["customers_per_s"]
    result["ratio_cpu"] = result["tamas"]["customers_per_cpu_s"] / result["simpy"]["customers_per_cpu_s"]
    diff = abs(t["service_level"] - s["service_level"])
    allowed = math.hypot(t["service_level_ci"], s["service_level_ci"])
    result["service_levels_agree"] = diff <= allowed
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"model: M/M/{a.agents}+M, {a.per_hour:g}/h, AHT {a.aht:g} s, patience {a.patience:g} s, "
              f"{a.replications} x {a.hours:g} h")
        print(f"{'':8} {'customers':>10} {'wall s':>8} {'cpu s':>8} {'cust/s wall':>12} {'cust/s cpu':>12} "
              f"{'service level':>18} {'abandoned':>10}")
        for name in ("tamas", "simpy"):
            r = result[name]
            print(f"{name:8} {r['customers']:>10} {r['seconds']:>8.3f} {r['cpu_seconds']:>8.3f} "
                  f"{r['customers_per_s']:>12,.0f} {r['customers_per_cpu_s']:>12,.0f} "
                  f"{r['service_level']:>10.4f} ± {r['service_level_ci']:.4f} {r['abandon_rate']:>10.4f}")
        print(f"ratio tamas/simpy: {result['ratio_wall']:.1f}x (wall), {result['ratio_cpu']:.1f}x (cpu)")
        print(f"service levels differ by {diff:.4f}; combined 95% half-width {allowed:.4f}: "
              f"{'agree' if result['service_levels_agree'] else 'DISAGREE'}")
    return 0 if result["service_levels_agree"] else 1


if __name__ == "__main__":
    sys.exit(main())
