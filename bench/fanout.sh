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
PORT="${BENCH_STEWARD_PORT:-18080}"
HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run"
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
bench_prepare

# one token holds every subscription here, so the per-token limit is lifted for the run
STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
  STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$PORT" STEWARD_DATA_DIR="$WORK/steward" \
  STEWARD_GRAPHQL_SUBSCRIPTIONS_MAX_PER_TOKEN=1000000 \
  "$JAVA" "-Xmx$HEAP" -jar "$JAR" >"$WORK/steward.log" 2>&1 &
PID=$!
PIDS+=("$PID")
bench_await_ready "$PORT" "$PID" "$WORK/steward.log"
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); Steward -Xmx$HEAP" >&2
# Steward's own CPU time (user + system, from /proc) over the run, from the first connection to the end
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
CPU_BEFORE="$(cpu_ticks)"
RESULT="$("$NODE" "$HERE/fanout.mjs" "http://127.0.0.1:$PORT" "$TOKEN" "$CONNECTIONS" "$SUBS" \
  "$RATE" "$SECONDS_PER_RUN" "$WARMUP")"
CPU_SECONDS="$(awk -v a="$CPU_BEFORE" -v b="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / hz}')"
echo "${RESULT%\}},\"stewardCpuSeconds\":$CPU_SECONDS}"
