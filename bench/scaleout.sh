#!/usr/bin/env bash
# Scale-out: two Steward instances on one PostgreSQL database behind a TCP load balancer (bench/balancer.mjs, each
# new connection to the next instance). Measures, in one run:
#  1. live-feed fan-out across both: CONNECTIONS graphql-ws connections x SUBS policyEvents subscriptions spread over
#     the two instances while worlds are created at RATE per second through the balancer (so half the writes land
#     on each instance and reach the other's subscribers through PostgreSQL's notifications); fanout.mjs's output,
#     plus each instance's heap;
#  2. reads: "one world by id" at 8 connections for SECONDS, against one instance directly and through the
#     balancer over both, with a viewer token (load.mjs: wrk when installed, autocannon otherwise).
# Manual, like run.sh and fanout.sh, whose database (steward_bench) and requirements it shares.
#
#   bench/scaleout.sh                                 # 1000 connections x 2 subscriptions, 50 events/s, 10 s
#   CONNECTIONS=500 SUBS=2 RATE=50 SECONDS_PER_RUN=10 bench/scaleout.sh
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-1000}"
SUBS="${SUBS:-2}"
RATE="${RATE:-50}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
WARMUP="${WARMUP:-0}"   # seconds of the same writes before the measured ones, not measured
READ_CONNECTIONS="${READ_CONNECTIONS:-8}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DATABASE:-steward_bench}"
ROLE="${BENCH_ROLE:-steward_bench}"
PORT_A="${BENCH_STEWARD_PORT:-18080}"
PORT_B="$((PORT_A + 1))"
PORT_LB="$((PORT_A + 2))"
HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run-scaleout"
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
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
NODE="$HERE/node_modules/.bin/node"
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

start_steward() { # NAME PORT
  STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
    STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$2" STEWARD_DATA_DIR="$WORK/$1" \
    STEWARD_GRAPHQL_SUBSCRIPTIONS_MAX_PER_TOKEN=1000000 \
    "$JAVA" "-Xmx$HEAP" -jar "$JAR" >"$WORK/$1.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness" 2>/dev/null && return 0
    kill -0 "$!" 2>/dev/null || { tail -50 "$WORK/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Steward $1 was not ready" >&2
  exit 1
}
# one after the other: the first applies the migrations
start_steward a "$PORT_A"
start_steward b "$PORT_B"
"$NODE" "$HERE/balancer.mjs" "$PORT_LB" "$PORT_A" "$PORT_B" 2>"$WORK/balancer.log" &
PIDS+=("$!")
sleep 0.5

heap_mib() { # PORT
  curl -fsS "http://127.0.0.1:$1/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes/ && /area="heap"/ { sum += $NF } END { printf "%.0f", sum / 1048576 }'
}

echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); two instances, each -Xmx$HEAP" >&2
FANOUT="$("$NODE" "$HERE/fanout.mjs" "http://127.0.0.1:$PORT_LB" "$TOKEN" "$CONNECTIONS" "$SUBS" "$RATE" \
  "$SECONDS_PER_RUN" "$WARMUP")"
echo "{\"fanoutAcrossTwo\": $FANOUT, \"heapUsedMiB\": {\"a\": $(heap_mib "$PORT_A"), \"b\": $(heap_mib "$PORT_B")}}"

# reads: one world by id, a viewer token, the same query against one instance and through the balancer
READ_TOKEN="$("$NODE" "$HERE/seed.mjs" "http://127.0.0.1:$PORT_A/graphql" "$TOKEN" 100 1 | tail -1)"
QUERY='query($id: ID!) { world(id: $id) { id name description active config createdAt updatedAt version } }'
VARS='{"id":"w-00042"}'
"$NODE" "$HERE/load.mjs" "one instance" "http://127.0.0.1:$PORT_A/graphql" "$READ_TOKEN" "$QUERY" "$VARS" \
  "$READ_CONNECTIONS" "$SECONDS_PER_RUN" 5
"$NODE" "$HERE/load.mjs" "two instances behind the balancer" "http://127.0.0.1:$PORT_LB/graphql" "$READ_TOKEN" \
  "$QUERY" "$VARS" "$READ_CONNECTIONS" "$SECONDS_PER_RUN" 5
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
