#!/usr/bin/env bash
# Runs every built libFuzzer target for a bounded time over its committed
# corpus (fuzz/<name>/corpus). Fails if any target finds a crash.
set -euo pipefail
build=$1; seconds=${2:-30}
cd "$(dirname "$0")/.."
status=0
passed=0
failed=0
for dir in fuzz/*/; do
  name=$(basename "$dir")
  bin="$build/fuzz/$name/fuzz_$name"
  [ -x "$bin" ] || continue
  work=$(mktemp -d)
  cp -r "$dir/corpus/." "$work/" 2>/dev/null || true
  echo "fuzz: $name for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=0 "$work" >"$build/fuzz_$name.log" 2>&1; then
    echo "fuzz: $name FAILED — see $build/fuzz_$name.log"; tail -n 40 "$build/fuzz_$name.log"
    status=1
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  rm -rf "$work"
done
echo "fuzz: $passed passed, $failed failed"
exit $status
