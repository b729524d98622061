#!/usr/bin/env bash
# Requests per second of the products API on loopback, measured by wrk from a second process.
#
#   bench/run-api.sh [--rows N] [--duration 15s] [--threads 2] [--connections 16] [--path PATH]
#
# 1. makes the demo database once: `java -jar xtage-examples/target/xtage.jar demo --rows N
#    --out bench-out/api-demo-N` (default N = 100000; products has max(1000, N/100) rows), which
#    writes bench-out/api-demo-N/out/prepared.sql;
# 2. starts `xtage serve --sql .../prepared.sql --port 0` (an embedded PostgreSQL loaded from the
#    export; the port is read from the "listening on" line) and waits for GET /health to say 200;
# 3. runs `wrk -t2 -c16 -d15s --latency http://127.0.0.1:PORT/prices/products?limit=100`, once
#    (no separate warm-up: wrk's first second is part of the run);
# 4. stops the server (SIGTERM, its shutdown hook stops the embedded database) and prints wrk's
#    report, also saved with the machine and date in bench-out/api-results-<date>.txt.
# Loopback only. wrk comes from Debian's packages (apt-get install wrk); installed if missing
# when running as root. SERVE_JVM_OPTS sets the server's JVM flags (default -Xmx1g -XX:+UseParallelGC).
SERVE_JVM_OPTS="${SERVE_JVM_OPTS:--Xmx1g -XX:+UseParallelGC}"

set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench-out"
LOGS="$OUT/logs"
XTAGE_JAR="${XTAGE_JAR:-$ROOT/xtage-examples/target/xtage.jar}"

ROWS=100000
DURATION=15s
THREADS=2
CONNECTIONS=16
URL_PATH='/prices/products?limit=100'

usage() {
    sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-2}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS="${2:?--rows needs a number}"; shift 2 ;;
        --duration) DURATION="${2:?--duration needs a value such as 15s}"; shift 2 ;;
        --threads) THREADS="${2:?--threads needs a number}"; shift 2 ;;
        --connections) CONNECTIONS="${2:?--connections needs a number}"; shift 2 ;;
        --path) URL_PATH="${2:?--path needs a path}"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "run-api.sh: unknown argument '$1'" >&2; usage ;;
    esac
done
case "$ROWS" in ''|*[!0-9]*) echo "run-api.sh: --rows takes a whole number" >&2; exit 2 ;; esac

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- prerequisites -------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing wrk"
        apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
    else
        echo "run-api.sh: wrk is needed: apt-get install wrk" >&2
        exit 1
    fi
fi
command -v curl >/dev/null || { echo "run-api.sh: curl is needed: apt-get install curl" >&2; exit 1; }
if [ ! -f "$XTAGE_JAR" ]; then
    log "building xtage.jar (mvn package, tests skipped)"
    (cd "$ROOT" && mvn -B -q package -DskipTests -pl xtage-examples -am)
fi

mkdir -p "$OUT" "$LOGS"
STAMP="$(date +%Y-%m-%dT%H%M%S)"

# ---- the database --------------------------------------------------------------------------
DEMO="$OUT/api-demo-$ROWS"
SQL="$DEMO/out/prepared.sql"
if [ ! -s "$SQL" ] || [ "$(cat "$DEMO/.generated" 2>/dev/null)" != "rows=$ROWS" ]; then
    log "making the demo database, N=$ROWS, into $DEMO"
    rm -rf "$DEMO"
    java -jar "$XTAGE_JAR" demo --rows "$ROWS" --out "$DEMO" >"$LOGS/$STAMP-api-demo.out" 2>&1 \
        || { echo "run-api.sh: xtage demo failed; see $LOGS/$STAMP-api-demo.out" >&2; exit 1; }
    [ -s "$SQL" ] || { echo "run-api.sh: xtage demo wrote no $SQL" >&2; exit 1; }
    echo "rows=$ROWS" >"$DEMO/.generated"
fi

# ---- the server ----------------------------------------------------------------------------
SERVER_OUT="$LOGS/$STAMP-api-serve.out"
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT INT TERM

log "starting xtage serve --sql $SQL --port 0"
# shellcheck disable=SC2086  # the JVM flags are meant to split into words
java $SERVE_JVM_OPTS -jar "$XTAGE_JAR" serve --sql "$SQL" --port 0 >"$SERVER_OUT" 2>&1 &
SERVER_PID=$!

BASE=""
for _ in $(seq 1 1200); do # up to 120 s: loading the export into a fresh PostgreSQL takes a while
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "run-api.sh: the server exited; see $SERVER_OUT" >&2; exit 1; }
    BASE=$(sed -n 's|.*listening on \(http://[^/]*\)/.*|\1|p' "$SERVER_OUT" | head -1)
    [ -n "$BASE" ] && break
    sleep 0.1
done
[ -n "$BASE" ] || { echo "run-api.sh: no 'listening on' line in 120 s; see $SERVER_OUT" >&2; exit 1; }
case "$BASE" in
    http://127.0.0.1:*|http://localhost:*) ;;
    *) echo "run-api.sh: the server listens on $BASE, not on loopback" >&2; exit 1 ;;
esac
healthy=""
for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ]; then healthy=1; break; fi
    sleep 0.1
done
[ -n "$healthy" ] || { echo "run-api.sh: $BASE/health did not say 200 in 60 s; see $SERVER_OUT" >&2; exit 1; }
code=$(curl -s -o "$LOGS/$STAMP-api-sample.json" -w '%{http_code}' "$BASE$URL_PATH")
[ "$code" = 200 ] || { echo "run-api.sh: GET $URL_PATH said $code; see $LOGS/$STAMP-api-sample.json" >&2; exit 1; }
log "server ready at $BASE; GET $URL_PATH returns $(wc -c <"$LOGS/$STAMP-api-sample.json") bytes"

# ---- wrk -----------------------------------------------------------------------------------
log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $BASE$URL_PATH"
WRK_OUT="$LOGS/$STAMP-api-wrk.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$URL_PATH" >"$WRK_OUT"
stop_server

RESULT="$OUT/api-results-$STAMP.txt"
{
    echo "GET $URL_PATH, xtage serve --sql (embedded PostgreSQL), demo N=$ROWS ($(( ROWS / 100 > 1000 ? ROWS / 100 : 1000 )) products)."
    echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB," \
        "$(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)," \
        "SERVE_JVM_OPTS='$SERVE_JVM_OPTS'"
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency '$BASE$URL_PATH'"
    echo
    cat "$WRK_OUT"
} | tee "$RESULT"
log "saved $RESULT"
