#!/usr/bin/env python3
"""How many times faster tamas routes than the compact linear scan (issue 3).

Runs bench_routing several times; in each run BM_Route/<agents> and
BM_RouteCompactScan/<agents> are repeated with Google Benchmark's random
interleaving, so both see the same moments of a noisy machine, and the run's
ratio is the scan's median CPU time over tamas's. Prints every run and the
median over runs.

  bench/routing/route_ratio.py build/bench/bench/routing/bench_routing \
      [--runs 5] [--agents 10000] [--cpu 1]

With --cpu the runs are pinned to that CPU (taskset) and, as root, given
real-time priority (chrt -f 50), as the figures in docs/BENCHMARKS.md were.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys


def run_once(binary, agents, cpu, repetitions):
    cmd = [binary,
           f'--benchmark_filter=^BM_Route/{agents}$|^BM_RouteCompactScan/{agents}$',
           '--benchmark_min_time=0.5',
           f'--benchmark_repetitions={repetitions}',
           '--benchmark_enable_random_interleaving=true',
           '--benchmark_format=json']
    if cpu is not None:
        cmd = ['taskset', '-c', str(cpu)] + cmd
        if os.geteuid() == 0:
            cmd = ['chrt', '-f', '50'] + cmd
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    times = {}
    for b in json.loads(out)['benchmarks']:
        if b.get('run_type') == 'iteration':
            times.setdefault(b['run_name'], []).append(b['cpu_time'])
    route = statistics.median(times[f'BM_Route/{agents}'])
    scan = statistics.median(times[f'BM_RouteCompactScan/{agents}'])
    return route, scan


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('binary')
    p.add_argument('--runs', type=int, default=5)
    p.add_argument('--agents', type=int, default=10000)
    p.add_argument('--repetitions', type=int, default=3)
    p.add_argument('--cpu', type=int)
    a = p.parse_args()
    ratios, routes, scans = [], [], []
    for i in range(a.runs):
        route, scan = run_once(a.binary, a.agents, a.cpu, a.repetitions)
        routes.append(route)
        scans.append(scan)
        ratios.append(scan / route)
        print(f'run {i + 1}: BM_Route/{a.agents} {route:8.1f} ns   '
              f'BM_RouteCompactScan/{a.agents} {scan / 1000:7.2f} us   ratio {scan / route:5.1f}x',
              flush=True)
    print(f'median: BM_Route {statistics.median(routes):.1f} ns, compact scan '
          f'{statistics.median(scans) / 1000:.2f} us, ratio {statistics.median(ratios):.1f}x '
          f'(runs {min(ratios):.1f}x to {max(ratios):.1f}x)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
