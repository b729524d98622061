#!/usr/bin/env bash
# Workload W1, xtage against DuckDB, on the same files, in the same run.
#
#   bench/run-w1.sh [N ...] [--runs K] [--warmup W] [--seed S]
#
# For each scale N (default: 100000 1000000 5000000) it
#   1. generates the five W1 input files once into bench-out/data-N
#      (`java -jar xtage-examples/target/xtage.jar generate --rows N --seed S`);
#   2. runs `xtage w1` and io.xtage.bench.DuckW1 (the W1 SQL in DuckDB) alternately, each as a
#      whole process under `/usr/bin/time -v`: W warm-up runs each (default 1, not counted),
#      then K timed runs each (default 3);
#   3. takes the median wall time and the median peak RSS ("Maximum resident set size") of each;
#   4. checks that the two outputs agree with io.xtage.bench.W1Compare (rows, sum of total_eur,
#      missing values per column, counts per age_group, every cell);
#   5. prints a markdown table with the ratios xtage/DuckDB, and saves it with the machine and
#      the date in bench-out/w1-results-<date>.md.
# Every run's stdout, stderr and `time -v` report stay in bench-out/logs/; each timed run is one
# line of bench-out/w1-runs.tsv. bench-out/ is ignored by git.
#
# The jars are built if missing (mvn package, tests skipped); rebuild them yourself after a change.
# XTAGE_JAR and BENCH_JAR name other jars than xtage-examples/target/xtage.jar and
# xtage-bench/target/xtage-bench.jar.
#
# JVM flags (environment variables; the defaults are what docs/benchmarks.md reports):
#   XTAGE_JVM_OPTS    the `xtage w1` process: the flags the README gives for a job of seconds. A
#                     bounded heap makes the memory comparison honest: the JVM would otherwise size
#                     its heap to a quarter of the machine's memory and keep garbage it has no
#                     reason to collect. -XX:TieredStopAtLevel=1 compiles with the quick compiler
#                     only: on two cores a job of a few seconds spent half its CPU in the optimizing
#                     compiler (docs/benchmarks.md, "JVM flags").
#   DUCK_JVM_OPTS     the DuckW1 process: the same heap and collector. The compiler flag is left
#                     out because it changes nothing for DuckDB, whose engine is native code.
#   COMPARE_JVM_OPTS  W1Compare, which holds both outputs in memory (~2.5 GB at 5M rows); untimed.
XTAGE_JVM_OPTS="${XTAGE_JVM_OPTS:--Xmx3g -XX:+UseParallelGC -XX:TieredStopAtLevel=1}"
DUCK_JVM_OPTS="${DUCK_JVM_OPTS:--Xmx3g -XX:+UseParallelGC}"
COMPARE_JVM_OPTS="${COMPARE_JVM_OPTS:--Xmx8g -XX:+UseParallelGC}"

set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench-out"
LOGS="$OUT/logs"
XTAGE_JAR="${XTAGE_JAR:-$ROOT/xtage-examples/target/xtage.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/xtage-bench/target/xtage-bench.jar}"

SIZES=()
RUNS=3
WARMUP=1
SEED=42

usage() {
    sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-2}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --warmup) WARMUP="${2:?--warmup needs a number}"; shift 2 ;;
        --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
        -h|--help) usage 0 ;;
        ''|*[!0-9]*) echo "run-w1.sh: unknown argument '$1'" >&2; usage ;;
        *) SIZES+=("$1"); shift ;;
    esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000 5000000)
for v in "$RUNS" "$WARMUP" "$SEED"; do
    case "$v" in ''|*[!0-9]*) echo "run-w1.sh: --runs, --warmup and --seed take whole numbers" >&2; exit 2 ;; esac
done
[ "$RUNS" -ge 1 ] || { echo "run-w1.sh: --runs must be at least 1" >&2; exit 2; }

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- prerequisites -------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing GNU time (/usr/bin/time)"
        apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
    else
        echo "run-w1.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
        exit 1
    fi
fi
if [ ! -f "$XTAGE_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
    log "building xtage.jar and xtage-bench.jar (mvn package, tests skipped)"
    (cd "$ROOT" && mvn -B -q package -DskipTests -pl xtage-examples,xtage-bench -am)
fi
W1_HELP="$(java -jar "$XTAGE_JAR" w1 --help 2>&1 || true)"
if ! grep -q 'xtage w1' <<<"$W1_HELP"; then
    echo "run-w1.sh: $XTAGE_JAR has no 'w1' command; rebuild it (mvn -B -q package -DskipTests)" >&2
    exit 1
fi

mkdir -p "$OUT" "$LOGS"
RUNS_TSV="$OUT/w1-runs.tsv"
[ -f "$RUNS_TSV" ] || printf 'date\tN\ttool\trun\twall_s\tmax_rss_kb\texit\n' >"$RUNS_TSV"
STAMP="$(date +%Y-%m-%dT%H%M%S)"

# ---- helpers -------------------------------------------------------------------------------
# GNU time's "h:mm:ss" or "m:ss.cc" to seconds.
to_seconds() {
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f\n", s }' <<<"$1"
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_one TOOL N LABEL: runs one whole process under /usr/bin/time -v.
# Prints "WALL_S RSS_KB" on success; returns non-zero (and prints nothing) on failure.
run_one() {
    local tool=$1 n=$2 label=$3
    local data="$OUT/data-$n" res="$OUT/out-$n" base="$LOGS/$STAMP-$n-$tool-$label"
    local -a cmd
    mkdir -p "$res"
    case "$tool" in
        # shellcheck disable=SC2086  # the JVM flags are meant to split into words
        xtage) cmd=(java $XTAGE_JVM_OPTS -jar "$XTAGE_JAR" w1 --data "$data" --out "$res/xtage.csv") ;;
        # shellcheck disable=SC2086
        duckdb) cmd=(java $DUCK_JVM_OPTS -cp "$BENCH_JAR" io.xtage.bench.DuckW1 "$data" "$res/duckdb.csv") ;;
    esac
    rm -f "$res/$tool.csv" # a stale output must not pass the comparison
    local rc=0
    /usr/bin/time -v -o "$base.time" "${cmd[@]}" >"$base.out" 2>"$base.err" || rc=$?
    local wall rss
    wall=$(to_seconds "$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$base.time")")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$base.time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$STAMP" "$n" "$tool" "$label" "$wall" "$rss" "$rc" >>"$RUNS_TSV"
    if [ "$rc" -ne 0 ] || [ ! -s "$res/$tool.csv" ]; then
        log "  $tool N=$n $label FAILED (exit $rc); see $base.err"
        return 1
    fi
    log "  $tool N=$n $label: ${wall} s, $((rss / 1024)) MiB"
    echo "$wall $rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%d MiB", k / 1024 + 0.5 }'; }
commas() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }

# ---- the runs ------------------------------------------------------------------------------
ROWS_MD=()
for n in "${SIZES[@]}"; do
    data="$OUT/data-$n"
    if [ "$(cat "$data/.generated" 2>/dev/null)" != "rows=$n seed=$SEED" ]; then
        log "generating W1 data, N=$n, seed=$SEED, into $data"
        rm -rf "$data"
        java -jar "$XTAGE_JAR" generate --rows "$n" --seed "$SEED" --out "$data" >"$LOGS/$STAMP-$n-generate.out" 2>&1
        echo "rows=$n seed=$SEED" >"$data/.generated"
    fi

    failed=""
    for w in $(seq 1 "$WARMUP"); do
        log "N=$n warm-up $w/$WARMUP"
        run_one xtage "$n" "warmup$w" >/dev/null || failed="xtage"
        run_one duckdb "$n" "warmup$w" >/dev/null || failed="${failed:+$failed, }duckdb"
    done
    xw=() xr=() dw=() dr=()
    if [ -z "$failed" ]; then
        for r in $(seq 1 "$RUNS"); do
            log "N=$n run $r/$RUNS"
            if m=$(run_one xtage "$n" "run$r"); then xw+=("${m% *}"); xr+=("${m#* }"); else failed="xtage"; break; fi
            if m=$(run_one duckdb "$n" "run$r"); then dw+=("${m% *}"); dr+=("${m#* }"); else failed="duckdb"; break; fi
        done
    fi
    if [ -n "$failed" ]; then
        ROWS_MD+=("| $(commas "$n") | | $failed failed, see bench-out/logs/$STAMP-$n-* | | | | | | |")
        continue
    fi

    cmp_log="$LOGS/$STAMP-$n-compare.txt"
    log "N=$n comparing the outputs"
    cmp_rc=0
    # shellcheck disable=SC2086
    java $COMPARE_JVM_OPTS -cp "$BENCH_JAR" io.xtage.bench.W1Compare \
        "$OUT/out-$n/xtage.csv" "$OUT/out-$n/duckdb.csv" >"$cmp_log" 2>&1 || cmp_rc=$?
    rows_out=$(sed -n 's/^ok   rows *\([0-9]*\)$/\1/p' "$cmp_log")
    if [ "$cmp_rc" -eq 0 ]; then
        agree="yes (all cells)"
    else
        agree="NO ($(grep -c '^DIFF' "$cmp_log") DIFF lines, see bench-out/logs/$(basename "$cmp_log"))"
        rows_out="${rows_out:-?}"
    fi
    sed 's/^/    /' "$cmp_log" >&2

    mxw=$(median "${xw[@]}") mdw=$(median "${dw[@]}") mxr=$(median "${xr[@]}") mdr=$(median "${dr[@]}")
    ROWS_MD+=("| $(commas "$n") | $(commas "${rows_out:-?}") | $(secs "$mxw") | $(secs "$mdw") | $(ratio "$mxw" "$mdw") \
| $(mib "$mxr") | $(mib "$mdr") | $(ratio "$mxr" "$mdr") | $agree |")
done

# ---- the table -----------------------------------------------------------------------------
RESULT="$OUT/w1-results-$STAMP.md"
{
    echo "W1, xtage vs DuckDB: medians of $RUNS runs after $WARMUP warm-up, whole process, seed $SEED."
    echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB," \
        "$(java -version 2>&1 | head -1), DuckDB $(cat "$LOGS"/"$STAMP"-*-duckdb-*.err 2>/dev/null | sed -n 's/^duckdb //p' | head -1)"
    echo "XTAGE_JVM_OPTS='$XTAGE_JVM_OPTS' DUCK_JVM_OPTS='$DUCK_JVM_OPTS'"
    echo
    echo "| N | rows out | xtage wall | DuckDB wall | wall ratio | xtage peak RSS | DuckDB peak RSS | RSS ratio | outputs agree |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${ROWS_MD[@]}"
} | tee "$RESULT"
log "saved $RESULT; every run is in $RUNS_TSV"
