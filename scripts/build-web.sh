#!/usr/bin/env bash
# Builds the browser front end (web/) into web/dist when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f web/package.json ] || exit 0
cd web
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
npm run --silent build >/dev/null
