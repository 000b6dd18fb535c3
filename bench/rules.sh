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
PORT="${BENCH_STEWARD_PORT:-18080}"
HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run"
rm -rf "$WORK" && mkdir -p "$WORK/rules"
cp "$ROOT"/rules/*.yaml "$WORK/rules/"
PIDS=()
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
bench_prepare

STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
  STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$PORT" STEWARD_DATA_DIR="$WORK/steward" \
  STEWARD_RULES_STORE=filesystem STEWARD_RULES_DIRECTORY="$WORK/rules" \
  "$JAVA" "-Xmx$HEAP" -jar "$JAR" >"$WORK/steward.log" 2>&1 &
PID=$!
PIDS+=("$PID")
bench_await_ready "$PORT" "$PID" "$WORK/steward.log"
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); Steward -Xmx$HEAP" >&2
"$NODE" "$HERE/rules.mjs" "http://127.0.0.1:$PORT" "$TOKEN" "$WORK/rules" "$ROUNDS"
