#!/usr/bin/env bash
# Starts the demo: tamas serve on the worked example with SQLite under ./var,
# creating the demo logins on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1; strategy=$2
db=var/tamas.db
mkdir -p var
add_user() {  # name role password
  "$bin" user list --db "$db" --strategy "$strategy" 2>/dev/null | grep -q "^$1 " ||
    "$bin" user add "$1" --role "$2" --password "$3" --db "$db" --strategy "$strategy" >/dev/null
}
add_user admin admin admin-demo
add_user supervisor supervisor supervisor-demo
add_user agent1 agent agent1-demo
add_user agent2 agent agent2-demo
add_user backoffice backoffice backoffice-demo
cat <<MSG
tamas demo — http://127.0.0.1:8080/
  strategy: $strategy   database: $db
  demo logins: admin/admin-demo · supervisor/supervisor-demo · agent1/agent1-demo ·
               agent2/agent2-demo · backoffice/backoffice-demo
  try: curl http://127.0.0.1:8080/health  ·  /version  ·  /api/v1/strategy
  Ctrl-C stops it.
MSG
exec "$bin" serve --strategy "$strategy" --db "$db" --http 127.0.0.1:8080 --web web/dist
