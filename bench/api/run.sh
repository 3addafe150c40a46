#!/usr/bin/env bash
# API benchmarks against a real `tamas serve` on a free loopback port.
#
#   bench/api/run.sh [me|forms|forms-rate] [path/to/tamas]
#
#   me          authenticated reads: wrk -t2 -c64 -d10s GET /api/v1/me with a
#               Bearer session token (budget >= 30,000 req/s, p99 < 10 ms)
#   forms       web-form intake: wrk -t2 -c64 -d10s POST /api/v1/forms/voc_form
#               on examples/automotive (budget >= 5,000 committed forms/s)
#   forms-rate  the same POST at a fixed 1,000/s with bench_api_rate (p99 < 10 ms)
#
# Needs wrk (apt-get install wrk) and curl. Prints wrk's report (--latency).
set -euo pipefail
mode=${1:-me}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tamas=${2:-$root/build/test/tamas}
duration=${DURATION:-10s}
threads=${SERVER_THREADS:-2}
work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

strategy=$root/examples/automotive/strategy.yaml
"$tamas" user add bench --role admin --password 'benchmark password' --strategy "$strategy" \
  --db "$work/t.db" >/dev/null
"$tamas" serve --strategy "$strategy" --db "$work/t.db" --http 127.0.0.1:0 --threads "$threads" \
  2>"$work/serve.log" &
server_pid=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*event=serve\.started http=127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "server did not start:"; cat "$work/serve.log"; exit 1; }
base=http://127.0.0.1:$port

# CPU seconds (user + system) the server has used so far.
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server_pid/stat"
}
# Runs wrk and adds the server's CPU time per request: on a shared machine
# requests/s depends on the neighbours, CPU per request much less.
run_wrk() {
  local before after
  before=$(server_cpu)
  wrk "$@" | tee "$work/wrk.out"
  after=$(server_cpu)
  awk -v b="$before" -v a="$after" '/requests in/ { n = $1 }
    END { if (n > 0) printf "server CPU: %.2f s for %d requests = %.1f us/request (%.0f requests per CPU-second)\n", a - b, n, (a - b) * 1e6 / n, n / (a - b) }' "$work/wrk.out"
}

case $mode in
  me)
    token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
      -d '{"username":"bench","password":"benchmark password"}' |
      sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
    [[ -n $token ]] || { echo "login failed"; exit 1; }
    echo "+ wrk -t2 -c64 -d$duration --latency -H 'Authorization: Bearer …' $base/api/v1/me"
    run_wrk -t2 -c64 -d"$duration" --latency -H "Authorization: Bearer $token" "$base/api/v1/me"
    ;;
  forms)
    echo "+ wrk -t2 -c64 -d$duration --latency -s bench/api/form.lua $base/api/v1/forms/voc_form"
    run_wrk -t2 -c64 -d"$duration" --latency -s "$here/form.lua" "$base/api/v1/forms/voc_form"
    ;;
  forms-rate)
    rate_client=${RATE_CLIENT:-$(dirname "$tamas")/bench/api/bench_api_rate}
    echo "+ bench_api_rate --port $port --rate 1000 --seconds 10 --connections 16"
    "$rate_client" --port "$port" --rate "${RATE:-1000}" --seconds 10 --connections 16 \
      --body-file "$here/form.json" --target /api/v1/forms/voc_form
    ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
