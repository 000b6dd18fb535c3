#!/usr/bin/env bash
# Reads side by side: Steward against PostGraphile 5 on the same PostgreSQL tables, with pgbench running the same
# SQL as the floor. Creates the database steward_bench (dropped and made anew at every run), loads it through
# Steward's API, drives both servers with autocannon at the same connection count, and prints a table.
#
#   bench/run.sh                 # build Steward's jar when missing, then measure
#   CONNECTIONS=8 SECONDS_PER_RUN=10 WARMUP=10 bench/run.sh
#   BENCH_JAR=/elsewhere/app/target/steward-app-0.1.0-SNAPSHOT-exec.jar bench/run.sh   # another build of Steward
#   BENCH_KEEP_DATABASE=1 bench/run.sh     # leave the database steward_bench in place afterwards
#
# Load generator: wrk when installed, autocannon otherwise (BENCH_LOADGEN=wrk|autocannon).
# Needs: a local PostgreSQL that the user postgres reaches without a password (PGHOST/PGPORT/PGUSER to change),
# pgbench, npm (Node.js 22 for PostGraphile comes from npm itself), and a JDK 21+ (found under /usr/lib/jvm when
# java on the PATH is older).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-8}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
WARMUP="${WARMUP:-10}"
STEWARD_PORT="${BENCH_STEWARD_PORT:-18080}"
POSTGRAPHILE_PORT="${BENCH_POSTGRAPHILE_PORT:-15678}"
STEWARD_HEAP="${BENCH_STEWARD_HEAP:-1g}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# the servers' logs of the last run stay here (bench/.last-run, ignored by git)
WORK="$HERE/.last-run"
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()


# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
trap bench_cleanup EXIT

# --- tools -------------------------------------------------------------------------------------------------------
PGBENCH="$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)"
[ -x "$PGBENCH" ] || { say "pgbench not found (install PostgreSQL's client tools)"; exit 1; }

bench_java
if [ ! -x "$HERE/node_modules/.bin/node" ]; then
  say "Installing PostGraphile 5, Node.js 22 and autocannon from npm into bench/node_modules"
fi
bench_node
bench_jar

LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"

# --- database ----------------------------------------------------------------------------------------------------
say "Creating the database $DB (owned by the role $ROLE, not a superuser)"
bench_create_database

wait_for() {
  local what="$1" url="$2" pid="$3" log="$4"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then say "$what stopped; its log:"; tail -50 "$log" >&2; exit 1; fi
    sleep 0.5
  done
  say "$what did not start; its log:"; tail -50 "$log" >&2; exit 1
}

# --- Steward -----------------------------------------------------------------------------------------------------
say "Starting Steward ($JAR) on port $STEWARD_PORT"
STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
  STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$STEWARD_PORT" STEWARD_DATA_DIR="$WORK/steward" \
  "$JAVA" "-Xmx$STEWARD_HEAP" ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/steward.log" 2>&1 &
STEWARD_PID=$!
PIDS+=("$STEWARD_PID")
wait_for Steward "http://127.0.0.1:$STEWARD_PORT/actuator/health/readiness" "$STEWARD_PID" "$WORK/steward.log"
STEWARD_URL="http://127.0.0.1:$STEWARD_PORT/graphql"

say "Loading the data through Steward's API"
# the reads use an API token Steward issued (a viewer's), checked as any client's would be
READ_TOKEN="$("$NODE" "$HERE/seed.mjs" "$STEWARD_URL" "$TOKEN" 1000 100 | tail -1)"
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" 2>/dev/null || true

# --- PostGraphile ------------------------------------------------------------------------------------------------
say "Starting PostGraphile 5 on port $POSTGRAPHILE_PORT, schema policy"
(cd "$HERE" && GRAPHILE_ENV=production exec "$NODE" node_modules/postgraphile/dist/cli-run.js \
  -c "postgres://$ROLE@$PGHOST:$PGPORT/$DB" -s policy -P postgraphile/presets/amber -p "$POSTGRAPHILE_PORT" \
  -n 127.0.0.1) >"$WORK/postgraphile.log" 2>&1 &
PG_PID=$!
PIDS+=("$PG_PID")
POSTGRAPHILE_URL="http://127.0.0.1:$POSTGRAPHILE_PORT/graphql"
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null -H 'content-type: application/json' -d '{"query":"{__typename}"}' "$POSTGRAPHILE_URL" 2>/dev/null; then break; fi
  kill -0 "$PG_PID" 2>/dev/null || { say "PostGraphile stopped; its log:"; tail -50 "$WORK/postgraphile.log" >&2; exit 1; }
  sleep 0.5
done

# --- the three queries, as each server spells them, and as SQL ---------------------------------------------------
S_KEY='query($id: ID!) { world(id: $id) { id name description active config createdAt updatedAt version } }'
P_KEY='query($id: String!) { worldByRowId(rowId: $id) { rowId name description active config createdAt updatedAt version } }'
Q_KEY="SELECT id, name, description, active, config, created_at, updated_at, version FROM policy.world WHERE id = 'w-00042';"
V_KEY='{"id":"w-00042"}'

S_LIST='query($w: ID!) { activations(worldId: $w) { worldId clientProfile policyId variant activatedAt activatedBy activationEventId } }'
P_LIST='query($w: String!) { allActivations(condition: {worldId: $w, clientProfile: ""}, orderBy: PRIMARY_KEY_ASC) { nodes { worldId clientProfile policyId variant activatedAt activatedBy eventSequence } } }'
Q_LIST="SELECT world_id, client_profile, policy_id, variant, activated_at, activated_by, event_sequence FROM policy.activation WHERE world_id = 'bench' AND client_profile = '' ORDER BY policy_id;"
V_W='{"w":"bench"}'

S_NEST='query($w: ID!) { world(id: $w) { id name activations { policyId variant activatedAt policyVariant { policyId variant status content contentHash updatedAt } } } }'
P_NEST='query($w: String!) { worldByRowId(rowId: $w) { rowId name activationsByWorldId(orderBy: PRIMARY_KEY_ASC) { nodes { policyId variant activatedAt policyVariantByPolicyIdAndVariant { policyId variant status content contentHash updatedAt } } } } }'
Q_NEST="SELECT w.id, w.name, a.policy_id, a.variant, a.activated_at, v.status, v.content, v.content_hash, v.updated_at FROM policy.world w JOIN policy.activation a ON a.world_id = w.id JOIN policy.policy_variant v ON v.policy_id = a.policy_id AND v.variant = a.variant WHERE w.id = 'bench' ORDER BY a.client_profile, a.policy_id;"

# load NAME URL TOKEN QUERY VARIABLES SECONDS: one JSON line from load.mjs
load() { "$NODE" "$HERE/load.mjs" "$1" "$2" "$3" "$4" "$5" "$CONNECTIONS" "$6" 0; }
# CPU time (user + system, in clock ticks) a process has used so far
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK_HZ="$(getconf CLK_TCK)"
# drive PID NAME URL TOKEN QUERY VARIABLES: a warm-up, then the measured run, whose line gets the server process's
# CPU time per request in ms (cpuMs), counted over the measured run only
drive() {
  local pid="$1" before after line
  shift
  if [ "$WARMUP" -gt 0 ]; then
    load "$@" "$WARMUP" >/dev/null || return 1
  fi
  before="$(ticks "$pid")"
  line="$(load "$@" "$SECONDS_PER_RUN")" || return 1
  after="$(ticks "$pid")"
  awk -v line="$line" -v t="$((after - before))" -v hz="$TICK_HZ" 'BEGIN {
    match(line, /"requests":[0-9]+/); n = substr(line, RSTART + 11, RLENGTH - 11)
    sub(/}$/, sprintf(",\"cpuMs\":%.3f}", n > 0 ? 1000 * t / hz / n : 0), line); print line }'
}
field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }

floor() {
  printf '%s\n' "$1" >"$WORK/floor.sql"
  PGPASSWORD= "$PGBENCH" -h "$PGHOST" -p "$PGPORT" -U "$ROLE" -n -M prepared -c "$CONNECTIONS" -j 2 \
    -T "$SECONDS_PER_RUN" -f "$WORK/floor.sql" "$DB" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

ROWS=()
measure() {
  local label="$1" s_query="$2" p_query="$3" sql="$4" vars="$5" s p f
  say "Measuring: $label (Steward, then PostGraphile, then pgbench; $CONNECTIONS connections, ${WARMUP}s warm-up, ${SECONDS_PER_RUN}s)"
  s="$(drive "$STEWARD_PID" steward "$STEWARD_URL" "$READ_TOKEN" "$s_query" "$vars")" || s='{"rps":0,"failed":1}'
  p="$(drive "$PG_PID" postgraphile "$POSTGRAPHILE_URL" "" "$p_query" "$vars")" || p='{"rps":0,"failed":1}'

  f="$(floor "$sql")" || { say "pgbench failed on: $sql"; f=0; }
  ROWS+=("$label|$s|$p|$f")
}

measure "one world by id" "$S_KEY" "$P_KEY" "$Q_KEY" "$V_KEY"
measure "100 activations of a world" "$S_LIST" "$P_LIST" "$Q_LIST" "$V_W"
measure "a world, its activations and their variants" "$S_NEST" "$P_NEST" "$Q_NEST" "$V_W"

cpu="$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo
echo "Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $("${PSQL[@]}" -d "$DB" -tAc 'SHOW server_version' | cut -d' ' -f1); Steward on $("$JAVA" -version 2>&1 | head -1), -Xmx$STEWARD_HEAP; PostGraphile $(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$HERE/node_modules/postgraphile/package.json") on Node.js $("$NODE" --version)"
echo "Other load on the machine before the run: load average $LOAD_BEFORE"
echo "Load: $(sed -n 's/.*"tool":"\([a-z]*\)".*/\1/p' <<<"${ROWS[0]}"), $CONNECTIONS connections, ${WARMUP}s warm-up then ${SECONDS_PER_RUN}s per query and server; pgbench -M prepared -c $CONNECTIONS on the same SQL"
echo
echo "| query | Steward | PostGraphile 5 | pgbench (SQL floor) | Steward / PostGraphile |"
echo "|---|---|---|---|---|"
for row in "${ROWS[@]}"; do
  IFS='|' read -r label s p f <<<"$row"
  srps="$(field rps <<<"$s")"; prps="$(field rps <<<"$p")"
  if grep -q failed <<<"$s$p"; then
    printf '| %s | %s | %s | %.0f tps | - |\n' "$label" "$(grep -q failed <<<"$s" && echo 'query fails' || printf '%.0f req/s' "$srps")" \
      "$(grep -q failed <<<"$p" && echo 'query fails' || printf '%.0f req/s' "$prps")" "${f:-0}"
    continue
  fi
  printf '| %s | %.0f req/s, p50 %.1f ms, p99 %.1f ms, %.2f ms CPU | %.0f req/s, p50 %.1f ms, p99 %.1f ms, %.2f ms CPU | %.0f tps | %.2f |\n' \
    "$label" "$srps" "$(field p50 <<<"$s")" "$(field p99 <<<"$s")" "$(field cpuMs <<<"$s")" "$prps" \
    "$(field p50 <<<"$p")" "$(field p99 <<<"$p")" "$(field cpuMs <<<"$p")" "${f:-0}" \
    "$(awk -v a="$srps" -v b="$prps" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done
echo
echo "CPU: the server process's own CPU time per request (user + system) over the measured run, without PostgreSQL's."
echo
for row in "${ROWS[@]}"; do
  IFS='|' read -r label s p f <<<"$row"
  for r in "$s" "$p"; do
    if [ "$(field errors <<<"$r")" != "0" ] || [ "$(field non2xx <<<"$r")" != "0" ]; then
      echo "Warning: $label: $r"
    fi
  done
done
