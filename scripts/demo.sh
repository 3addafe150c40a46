#!/usr/bin/env bash
# Starts the demo: tamas serve on the worked example with SQLite under ./var.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1; strategy=$2
mkdir -p var
echo "tamas demo: http://127.0.0.1:8080/  (strategy: $strategy, database: var/tamas.db)"
echo "  try: curl http://127.0.0.1:8080/health  ·  /version  ·  /api/v1/strategy"
if "$bin" help user >/dev/null 2>&1; then
  echo "  demo logins: admin/admin-demo · supervisor/supervisor-demo · agent1/agent-demo"
fi
echo "  Ctrl-C stops it."
exec "$bin" serve --strategy "$strategy" --db var/tamas.db --http 127.0.0.1:8080
