#!/usr/bin/env bash
# Rules latencies on one Steward instance with the filesystem store: a rule file saved -> a graphql-ws subscriber's
# ruleChanges notification (debounce included), the setRuleState round trip, and evaluateEvent over HTTP. Prints one
# JSON line (see rules.mjs). Manual, like run.sh, whose database (steward_bench) and requirements it shares. The
# evaluation engine's own throughput and p95 with 60 rules come from the JMH benchmark (see README).
#
#   bench/rules.sh               # 200 rounds of each
#   ROUNDS=500 bench/rules.sh
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ROUNDS="${ROUNDS:-200}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DATABASE:-steward_bench}"
ROLE="${BENCH_ROLE:-steward_bench}"
PORT="${BENCH_STEWARD_PORT:-18080}"
HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run"
rm -rf "$WORK" && mkdir -p "$WORK/rules"
cp "$ROOT"/rules/*.yaml "$WORK/rules/"
PID=""
cleanup() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  if [ -z "${BENCH_KEEP_DATABASE:-}" ]; then
    psql -X -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
      >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
JAVA=""
for candidate in ${JAVA_HOME:+$JAVA_HOME/bin/java} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ]; then JAVA="$candidate"; break; fi
done
[ -n "$JAVA" ] || { echo "A JDK 21 or newer is needed" >&2; exit 1; }
# Node.js 22 has WebSocket built in; Node.js 20 has it behind a flag; otherwise the pinned Node.js 22 of package.json
NODE=("$HERE/node_modules/.bin/node")
if [ ! -x "${NODE[0]}" ]; then
  if node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then NODE=(node);
  elif node --experimental-websocket -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
    NODE=(node --experimental-websocket);
  else (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null); fi
fi
JAR="${BENCH_JAR:-$(ls "$ROOT"/app/target/steward-app-*-exec.jar 2>/dev/null | head -1 || true)}"
if [ -z "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl app -am package -DskipTests >/dev/null)
  JAR="$(ls "$ROOT"/app/target/steward-app-*-exec.jar | head -1)"
fi

psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres <<SQL
DROP DATABASE IF EXISTS $DB WITH (FORCE);
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$;
CREATE DATABASE $DB OWNER $ROLE;
SQL

STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
  STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$PORT" STEWARD_DATA_DIR="$WORK/steward" \
  STEWARD_RULES_STORE=filesystem STEWARD_RULES_DIRECTORY="$WORK/rules" \
  "$JAVA" "-Xmx$HEAP" -jar "$JAR" >"$WORK/steward.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { tail -50 "$WORK/steward.log" >&2; exit 1; }
  sleep 0.5
done
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); Steward -Xmx$HEAP" >&2
"${NODE[@]}" "$HERE/rules.mjs" "http://127.0.0.1:$PORT" "$TOKEN" "$WORK/rules" "$ROUNDS"
