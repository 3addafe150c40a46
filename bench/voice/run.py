#!/usr/bin/python3
"""Voice benchmark: tamas's IVR under sipp load on this machine.

Starts `tamas serve --sip 127.0.0.1:PORT` (free ports, a scratch database,
the gas utility's strategy), then sipp calls the IVR number 1570 at RATE
calls/s, each caller speaking (g711a.pcap via raw sockets: run as root) and
staying HOLD seconds in the IVR menu (no DTMF: the menu's prompt, timeouts
and replays keep it in the IVR), then hanging up. Reports:

- failed calls (sipp's statistics: FailedCall), successful calls;
- concurrent calls (sipp's CurrentCall, peak);
- tamas CPU over the steady part (utime+stime from /proc/PID/stat), in
  cores, and per concurrent call;
- RTP packet spacing tamas -> callers: tcpdump on lo captures every RTP
  packet sent to sipp's media port (kernel timestamps); gaps between
  consecutive packets of one SSRC; p50/p99/max over all streams.

Usage: bench/voice/run.py [--tamas build/test/tamas] [--rate 50]
       [--calls 1500] [--hold 9] [--perf /tmp/tamas.perf]
"""
import argparse
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u, \
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as t:
        for _ in range(50):
            u.bind(("127.0.0.1", 0))
            port = u.getsockname()[1]
            try:
                t.bind(("127.0.0.1", port))
                return port
            except OSError:
                u.close()
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    raise RuntimeError("no free port")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[11], [12] are utime, stime (fields 14, 15 of stat)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rtp_gaps(pcap_path):
    """Inter-packet gaps (ms) per SSRC from a pcap of UDP/IPv4 on lo."""
    gaps, last = [], {}
    with open(pcap_path, "rb") as f:
        header = f.read(24)
        if len(header) < 24:
            return gaps
        magic = struct.unpack("<I", header[:4])[0]
        endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
        nano = magic in (0xA1B23C4D, 0x4D3CB2A1)
        linktype = struct.unpack(endian + "I", header[20:24])[0]
        link_len = {1: 14, 0: 4, 113: 16, 276: 20}.get(linktype, 14)
        while True:
            rec = f.read(16)
            if len(rec) < 16:
                break
            sec, frac, incl, _ = struct.unpack(endian + "IIII", rec)
            data = f.read(incl)
            t = sec + frac / (1e9 if nano else 1e6)
            ip = data[link_len:]
            if len(ip) < 20:
                continue
            ihl = (ip[0] & 15) * 4
            rtp = ip[ihl + 8:]
            if len(rtp) < 12:
                continue
            ssrc = struct.unpack("!I", rtp[8:12])[0]
            if ssrc in last:
                gaps.append((t - last[ssrc]) * 1000)
            last[ssrc] = t
    return gaps


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(p / 100 * len(s)))]


def sipp_stats(path):
    rows = [l.strip().split(";") for l in open(path) if l.strip()]
    head, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(head)}
    peak = max(int(r[col["CurrentCall"]]) for r in body)
    last = body[-1]
    return {"success": int(last[col["SuccessfulCall(C)"]]),
            "failed": int(last[col["FailedCall(C)"]]),
            "peak_concurrent": peak}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tamas", default=os.path.join(ROOT, "build/test/tamas"))
    ap.add_argument("--strategy", default=os.path.join(ROOT, "examples/gas-utility/strategy.yaml"))
    ap.add_argument("--number", default="1570")
    ap.add_argument("--rate", type=int, default=50)
    ap.add_argument("--calls", type=int, default=1500)
    ap.add_argument("--hold", type=float, default=9.0, help="seconds each caller stays")
    ap.add_argument("--prompts", default=os.path.join(ROOT, "var/prompts"))
    ap.add_argument("--silent-callers", action="store_true",
                    help="callers send no audio (no raw sockets: isolates their kernel cost)")
    ap.add_argument("--perf", help="also record `perf record -g` of tamas in the steady part here")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("run as root: sipp plays the callers' audio through raw sockets")

    work = tempfile.mkdtemp(prefix="tamas-bench-voice-")
    sip_port, http_port, media_port = free_port(), free_port(), free_port()
    log = open(os.path.join(work, "tamas.log"), "w")
    tamas = subprocess.Popen(
        [args.tamas, "serve", "--strategy", args.strategy, "--db", os.path.join(work, "t.db"),
         "--http", f"127.0.0.1:{http_port}", "--sip", f"127.0.0.1:{sip_port}",
         "--prompts", args.prompts, "--recordings", ""],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):  # prompts may be synthesised on the first run
            if "serve.started" in open(os.path.join(work, "tamas.log")).read():
                break
            if tamas.poll() is not None:
                sys.exit("tamas exited:\n" + open(os.path.join(work, "tamas.log")).read())
            time.sleep(0.1)
        pcap = os.path.join(work, "rtp.pcap")
        dump = subprocess.Popen(
            ["tcpdump", "-i", "lo", "-s", "64", "-B", "16384", "-w", pcap, "-n",
             f"udp and dst port {media_port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        stat = os.path.join(work, "stat.csv")
        scenario = os.path.join(ROOT, "bench/voice/ivr_caller.xml")
        if args.silent_callers:
            xml = open(scenario).read()
            xml = re.sub(r"<nop>.*?</nop>", "", xml, flags=re.S)
            scenario = os.path.join(work, "silent_caller.xml")
            open(scenario, "w").write(xml)
        sipp_cmd = ["sipp", "-sf", scenario,
                    "-s", args.number, "-r", str(args.rate), "-m", str(args.calls),
                    "-l", str(args.calls), "-d", str(int(args.hold * 1000)),
                    "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", str(free_port()),
                    "-mp", str(media_port), "-timeout", "120s", "-timeout_error",
                    "-nostdin", "-trace_stat", "-stf", stat, "-fd", "1",
                    "-trace_err", "-error_file", os.path.join(work, "errors.txt"),
                    f"127.0.0.1:{sip_port}"]
        t0 = time.time()
        c0 = cpu_seconds(tamas.pid)
        sipp = subprocess.Popen(sipp_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                cwd=work)
        # Steady state: after the ramp (hold seconds) until the last call started.
        ramp = args.hold + 1
        steady_end = args.calls / args.rate
        time.sleep(ramp)
        s0, w0 = cpu_seconds(tamas.pid), time.time()
        steady = max(1.0, steady_end - ramp)
        perf = None
        if args.perf:
            perf = subprocess.Popen(["perf", "record", "-g", "-o", args.perf, "-p", str(tamas.pid),
                                     "--", "sleep", str(int(steady))],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(steady)
        s1, w1 = cpu_seconds(tamas.pid), time.time()
        if perf:
            perf.wait()
        sipp.wait()
        c1, t1 = cpu_seconds(tamas.pid), time.time()
        time.sleep(0.5)
        dump.send_signal(signal.SIGINT)
        dump.wait()
        stats = sipp_stats(stat)
        gaps = rtp_gaps(pcap)
        steady_cores = (s1 - s0) / (w1 - w0)
        print(f"machine: {os.cpu_count()} cores, {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}")
        print(f"command: {' '.join(sipp_cmd)}")
        print(f"calls: {stats['success']} ok, {stats['failed']} failed, sipp exit {sipp.returncode}")
        print(f"peak concurrent calls: {stats['peak_concurrent']}")
        print(f"tamas CPU steady ({w1 - w0:.1f} s): {steady_cores * 100:.1f} % of a core; "
              f"whole run ({t1 - t0:.1f} s): {(c1 - c0) / (t1 - t0) * 100:.1f} %")
        print(f"CPU per concurrent call: {steady_cores * 1000 / max(1, stats['peak_concurrent']):.3f} ms/s "
              f"({steady_cores * 100 / max(1, stats['peak_concurrent']):.4f} % of a core)")
        print(f"RTP tamas->callers: {len(gaps) + 0} gaps measured; spacing p50 {pct(gaps, 50):.2f} ms, "
              f"p99 {pct(gaps, 99):.2f} ms, p99.9 {pct(gaps, 99.9):.2f} ms, max {max(gaps) if gaps else float('nan'):.2f} ms")
        ok = stats["failed"] == 0 and sipp.returncode == 0
        if not ok:
            keep = work + "-kept"
            shutil.copytree(work, keep, ignore=shutil.ignore_patterns("*.pcap", "t.db*"))
            print(f"failures: see {keep}/errors.txt and {keep}/tamas.log")
        return 0 if ok else 1
    finally:
        if tamas.poll() is None:
            tamas.send_signal(signal.SIGTERM)
            try:
                tamas.wait(timeout=15)
            except subprocess.TimeoutExpired:
                tamas.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
