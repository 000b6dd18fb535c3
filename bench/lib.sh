# What the benchmark scripts share; sourced by them once HERE (bench/) and ROOT (the repository) are set.
# Settings: PGHOST, PGPORT, PGUSER (a local PostgreSQL the user reaches without a password), BENCH_DATABASE,
# BENCH_ROLE, BENCH_JAR (a built jar to measure instead of the one in app/target), BENCH_BUILD (build it first).

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DATABASE:-steward_bench}"
ROLE="${BENCH_ROLE:-steward_bench}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")

say() { printf '%s\n' "$*" >&2; }

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

# JAVA: a JDK 21 or newer, JAVA_HOME's when it is one, else java on the PATH, else one under /usr/lib/jvm
bench_java() {
  JAVA=""
  for candidate in ${JAVA_HOME:+$JAVA_HOME/bin/java} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
      JAVA="$candidate"
      return 0
    fi
  done
  say "A JDK 21 or newer is needed"
  exit 1
}

# NODE: the Node.js 22 that bench/package.json pins (npm installs it into bench/node_modules the first time)
bench_node() {
  if [ ! -x "$HERE/node_modules/.bin/node" ]; then
    say "Installing the benchmarks' Node.js packages into bench/node_modules"
    (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
  fi
  NODE="$HERE/node_modules/.bin/node"
}

# JAR: Steward's runnable jar, built when there is none (or when BENCH_BUILD is set)
bench_jar() {
  JAR="${BENCH_JAR:-$(ls "$ROOT"/app/target/steward-app-*-exec.jar 2>/dev/null | head -1 || true)}"
  if [ -z "$JAR" ] || [ -n "${BENCH_BUILD:-}" ]; then
    say "Building Steward (./mvnw -pl app -am package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q -pl app -am package -DskipTests >/dev/null)
    JAR="$(ls "$ROOT"/app/target/steward-app-*-exec.jar | head -1)"
  fi
}

# The database DB, made anew and owned by ROLE (a login role without superuser rights, created when missing)
bench_create_database() {
  "${PSQL[@]}" -d postgres <<SQL
DROP DATABASE IF EXISTS $DB WITH (FORCE);
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$;
CREATE DATABASE $DB OWNER $ROLE;
SQL
}

bench_drop_database() {
  if [ -z "${BENCH_KEEP_DATABASE:-}" ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}

# Waits until Steward answers ready on PORT; shows LOG's tail and exits when PID stopped first
bench_await_ready() { # PORT PID LOG
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { say "Steward stopped"; tail -50 "$3" >&2; exit 1; }
    sleep 0.5
  done
  say "Steward was not ready on port $1"
  exit 1
}

# Stops the processes in PIDS and drops the database; scripts call it on EXIT
bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  bench_drop_database
}

# The usual start of a run: clean up on exit, find Java, Node.js and the jar, and make the database anew
bench_prepare() {
  trap bench_cleanup EXIT
  bench_java
  bench_node
  bench_jar
  bench_create_database
}
