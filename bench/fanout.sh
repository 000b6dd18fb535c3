#!/usr/bin/env bash
# Live-feed fan-out on one Steward instance: CONNECTIONS graphql-ws connections with SUBS policyEvents subscriptions
# each, while worlds are created at RATE per second for SECONDS. Prints one JSON line (see fanout.mjs). Manual, like
# run.sh, whose database (steward_bench) and requirements it shares. stewardCpuSeconds is the server's own CPU time
# over the run (from the first connection to the end), which the client's share of the cores does not move.
#
#   bench/fanout.sh                                  # 1000 connections x 2 subscriptions, 50 events/s, 10 s
#   CONNECTIONS=100 SUBS=2 RATE=20 SECONDS_PER_RUN=10 bench/fanout.sh
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-1000}"
SUBS="${SUBS:-2}"
RATE="${RATE:-50}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
WARMUP="${WARMUP:-0}"   # seconds of the same writes before the measured ones, not measured
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DATABASE:-steward_bench}"
ROLE="${BENCH_ROLE:-steward_bench}"
PORT="${BENCH_STEWARD_PORT:-18080}"
HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run"
rm -rf "$WORK" && mkdir -p "$WORK"
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
[ -x "$HERE/node_modules/.bin/node" ] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
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

# one token holds every subscription here, so the per-token limit is lifted for the run
STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
  STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$PORT" STEWARD_DATA_DIR="$WORK/steward" \
  STEWARD_GRAPHQL_SUBSCRIPTIONS_MAX_PER_TOKEN=1000000 \
  "$JAVA" "-Xmx$HEAP" -jar "$JAR" >"$WORK/steward.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { tail -50 "$WORK/steward.log" >&2; exit 1; }
  sleep 0.5
done
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); Steward -Xmx$HEAP" >&2
# Steward's own CPU time (user + system, from /proc) over the run, from the first connection to the end
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
CPU_BEFORE="$(cpu_ticks)"
RESULT="$("$HERE/node_modules/.bin/node" "$HERE/fanout.mjs" "http://127.0.0.1:$PORT" "$TOKEN" "$CONNECTIONS" "$SUBS" \
  "$RATE" "$SECONDS_PER_RUN" "$WARMUP")"
CPU_SECONDS="$(awk -v a="$CPU_BEFORE" -v b="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / hz}')"
echo "${RESULT%\}},\"stewardCpuSeconds\":$CPU_SECONDS}"
