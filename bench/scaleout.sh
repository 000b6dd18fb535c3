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
PORT_A="${BENCH_STEWARD_PORT:-18080}"
PORT_B="$((PORT_A + 1))"
PORT_LB="$((PORT_A + 2))"
HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run-scaleout"
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
bench_prepare

start_steward() { # NAME PORT
  STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
    STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$2" STEWARD_DATA_DIR="$WORK/$1" \
    STEWARD_GRAPHQL_SUBSCRIPTIONS_MAX_PER_TOKEN=1000000 \
    "$JAVA" "-Xmx$HEAP" -jar "$JAR" >"$WORK/$1.log" 2>&1 &
  PIDS+=("$!")
  bench_await_ready "$2" "$!" "$WORK/$1.log"
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
