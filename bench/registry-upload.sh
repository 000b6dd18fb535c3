#!/usr/bin/env bash
# Upload throughput and heap of Steward's registry: one 1 GiB file uploaded over HTTP, against sha256sum and the
# JDK's SHA-256 over the same file in the same run, and the heap while a 2 GiB upload streams through.
# Run by hand, never by ./mvnw verify or CI.
#
#   bench/registry-upload.sh                 # build Steward's jar when missing, then measure
#   BENCH_SIZE_MIB=1024 BENCH_BIG_MIB=2048 bench/registry-upload.sh
#
# Needs: a local PostgreSQL that the user postgres reaches without a password (PGHOST/PGPORT/PGUSER to change),
# curl, sha256sum, and a JDK 21+ (found under /usr/lib/jvm when java on the PATH is older).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BENCH_DATABASE="${BENCH_DATABASE:-steward_bench_registry}"
PORT="${BENCH_STEWARD_PORT:-18081}"
HEAP="${BENCH_STEWARD_HEAP:-512m}"
SIZE_MIB="${BENCH_SIZE_MIB:-1024}"
BIG_MIB="${BENCH_BIG_MIB:-2048}"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$HERE/.last-run-registry"
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
cleanup() {
  bench_cleanup
  rm -rf "$WORK/steward/blobs" "$WORK/file.bin"
}
trap cleanup EXIT
bench_java
JBIN="$(dirname "$JAVA")"
bench_jar
BLAKE3_CP=""
for lib in $(unzip -Z1 "$JAR" | grep -E 'BOOT-INF/lib/(bcprov-|blake3-jni)'); do
  unzip -q -o -j "$JAR" "$lib" -d "$WORK"
  BLAKE3_CP="$BLAKE3_CP${BLAKE3_CP:+:}$WORK/$(basename "$lib")"
done

say "Writing a ${SIZE_MIB} MiB file of random bytes"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom >"$WORK/file.bin"
BYTES=$(stat -c %s "$WORK/file.bin")
cat "$WORK/file.bin" >/dev/null   # into the page cache, for every reader alike

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / 1e6 / s }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }

say "sha256sum"
SHA256SUM_S=$(seconds sha256sum "$WORK/file.bin")
say "JDK SHA-256 and BLAKE3 (native and Bouncy Castle)"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BLAKE3_CP" "$HERE/registry/HashThroughput.java" "$WORK/file.bin" 2 >"$WORK/hashes.txt"

bench_create_database

say "Starting Steward with -Xmx$HEAP on port $PORT"
STEWARD_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STEWARD_DATABASE_USERNAME="$ROLE" \
  STEWARD_BOOTSTRAP_TOKEN="$TOKEN" STEWARD_PORT="$PORT" STEWARD_DATA_DIR="$WORK/steward" \
  "$JAVA" "-Xmx$HEAP" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --steward.registry.max-file-size=8GB >"$WORK/steward.log" 2>&1 &
PID=$!
PIDS+=("$PID")
bench_await_ready "$PORT" "$PID" "$WORK/steward.log"

create_package() {
  curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"query":"mutation { createPackage(input: {name: \"bench\", producer: \"bench\", subject: \"upload\", retentionClass: \"standard\"}) { package { id } } }"}' \
    "http://127.0.0.1:$PORT/graphql" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}

say "Uploading the file once to warm up, then measuring a second upload into another package"
WARM=$(create_package)
curl -fsS -o /dev/null -T "$WORK/file.bin" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/octet-stream' "http://127.0.0.1:$PORT/registry/packages/$WARM/files/warm.bin"
rm -rf "$WORK/steward/blobs/blake3"   # the measured upload writes its blob anew
PKG=$(create_package)
UPLOAD_S=$(curl -fsS -o "$WORK/upload.json" -w '%{time_total}' -T "$WORK/file.bin" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  "http://127.0.0.1:$PORT/registry/packages/$PKG/files/file.bin")
grep -q "$(sha256sum "$WORK/file.bin" | cut -d' ' -f1)" "$WORK/upload.json" || { say "the upload's SHA-256 differs"; exit 1; }
rm -f "$WORK/file.bin"

heap_used_kib() { "$JBIN/jstat" -gc "$PID" | tail -1 | awk '{ printf "%.0f", $3 + $4 + $6 + $8 }'; }
say "Heap while a ${BIG_MIB} MiB upload streams through"
"$JBIN/jcmd" "$PID" GC.run >/dev/null
sleep 2
IDLE_KIB=$(heap_used_kib)
BIG=$(create_package)
head -c "$((BIG_MIB * 1024 * 1024))" /dev/urandom | curl -fsS -o /dev/null -T - \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  "http://127.0.0.1:$PORT/registry/packages/$BIG/files/big.bin" &
CURL=$!
MAX_KIB=$IDLE_KIB
MAX_OLD_KIB=0
while kill -0 "$CURL" 2>/dev/null; do
  USED=$(heap_used_kib)
  OLD=$("$JBIN/jstat" -gc "$PID" | tail -1 | awk '{ printf "%.0f", $8 }')
  [ "$USED" -gt "$MAX_KIB" ] && MAX_KIB=$USED
  [ "$OLD" -gt "$MAX_OLD_KIB" ] && MAX_OLD_KIB=$OLD
  sleep 0.2
done
wait "$CURL"
"$JBIN/jcmd" "$PID" GC.run >/dev/null
sleep 1
AFTER_KIB=$(heap_used_kib)

SHA_JAVA=$(awk '$1 == "sha256" { print $2 }' "$WORK/hashes.txt")
BLAKE=$(awk '$1 == "blake3" { print $2 }' "$WORK/hashes.txt")
BLAKE_JAVA=$(awk '$1 == "blake3-java" { print $2 }' "$WORK/hashes.txt")
BOTH=$(awk '$1 == "both-one-thread" { print $2 }' "$WORK/hashes.txt")
BOTH2=$(awk '$1 == "both-two-threads" { print $2 }' "$WORK/hashes.txt")
UPLOAD=$(mbps "$BYTES" "$UPLOAD_S")
printf '\n%s MiB file, load average at the end %s\n\n' "$SIZE_MIB" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| measure | MB/s | of Java SHA-256 alone |\n|---|---|---|\n'
printf '| sha256sum | %s | %s |\n' "$(mbps "$BYTES" "$SHA256SUM_S")" "$(awk -v a="$(mbps "$BYTES" "$SHA256SUM_S")" -v b="$SHA_JAVA" 'BEGIN { printf "%.2f", a / b }')"
printf '| Java SHA-256 alone | %s | 1.00 |\n' "$SHA_JAVA"
printf '| BLAKE3 alone (native, what uploads use) | %s | %s |\n' "$BLAKE" "$(awk -v a="$BLAKE" -v b="$SHA_JAVA" 'BEGIN { printf "%.2f", a / b }')"
printf '| BLAKE3 alone (Bouncy Castle, the fallback) | %s | %s |\n' "$BLAKE_JAVA" "$(awk -v a="$BLAKE_JAVA" -v b="$SHA_JAVA" 'BEGIN { printf "%.2f", a / b }')"
printf '| both, one pass, one thread | %s | %s |\n' "$BOTH" "$(awk -v a="$BOTH" -v b="$SHA_JAVA" 'BEGIN { printf "%.2f", a / b }')"
printf '| both, two threads (what uploads do) | %s | %s |\n' "$BOTH2" "$(awk -v a="$BOTH2" -v b="$SHA_JAVA" 'BEGIN { printf "%.2f", a / b }')"
printf '| upload over HTTP (both digests, fsync, atomic move) | %s | %s |\n' "$UPLOAD" "$(awk -v a="$UPLOAD" -v b="$SHA_JAVA" 'BEGIN { printf "%.2f", a / b }')"
printf '\nHeap (-Xmx%s) idle after a GC: %s MiB; highest during the %s MiB upload: %s MiB (old generation at most %s MiB); after it and a GC: %s MiB\n' \
  "$HEAP" "$((IDLE_KIB / 1024))" "$BIG_MIB" "$((MAX_KIB / 1024))" "$((MAX_OLD_KIB / 1024))" "$((AFTER_KIB / 1024))"
