#!/usr/bin/env bash
# Workload W1 on Spark local[2] (io.xtage.examples.spark.SparkW1) against the one-machine engine
# (`xtage w1`) and DuckDB (io.xtage.bench.DuckW1), on the same files, in the same run.
#
#   bench/run-spark-w1.sh [N ...] [--runs K] [--warmup W] [--master URL]
#
# For each N (default: 1000000) the input must be in bench-out/data-N (or DATA_DIR_N, e.g.
# DATA_DIR_5000000=/elsewhere/data-5000000); it is generated with seed 42 when absent. Each engine
# runs as a whole process (JVM start, and for Spark the SparkSession start, included) under
# `/usr/bin/time -v`: W warm-up runs each (default 1, not counted), then K timed runs each
# (default 1), in turn Spark, xtage, DuckDB. Medians of wall time and peak RSS are reported; the
# Spark output is checked against the xtage output with io.xtage.bench.W1Compare (every cell),
# and a markdown table is printed and saved in bench-out/spark-w1-results-<date>.md. Logs of
# each run are in bench-out/logs/spark-w1-*.
#
# Spark's class path: the shaded xtage.jar (xtage-examples, with xtage-spark and the other xtage
# modules, without Spark) plus Spark 3.5's jars: the provided dependencies of xtage-examples, from
# `mvn dependency:build-classpath -pl xtage-examples -DincludeScope=provided` (Spark at the versions
# the build manages, e.g. Jackson, so they agree with the jars shaded into xtage.jar), resolved
# offline. The jars must be built (`mvn -B -o -q install -DskipTests`, which the script runs when
# one is missing).
#
# JVM flags (environment):
#   SPARK_JVM_OPTS  the SparkW1 process; default -Xmx4g -XX:+UseParallelGC (plus Spark's
#                   --add-opens list, always added)
#   XTAGE_JVM_OPTS  the `xtage w1` process; default -Xmx3g -XX:+UseParallelGC
#   DUCK_JVM_OPTS   the DuckW1 process; default the same as XTAGE_JVM_OPTS
SPARK_JVM_OPTS="${SPARK_JVM_OPTS:--Xmx4g -XX:+UseParallelGC}"
XTAGE_JVM_OPTS="${XTAGE_JVM_OPTS:--Xmx3g -XX:+UseParallelGC}"
DUCK_JVM_OPTS="${DUCK_JVM_OPTS:-$XTAGE_JVM_OPTS}"
COMPARE_JVM_OPTS="${COMPARE_JVM_OPTS:--Xmx8g -XX:+UseParallelGC}"

set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/bench-out"
LOGS="$OUT/logs"
XTAGE_JAR="$ROOT/xtage-examples/target/xtage.jar"
BENCH_JAR="$ROOT/xtage-bench/target/xtage-bench.jar"

# Spark 3.5 on Java 17: the opens its launcher adds (the same list as the root pom's spark.java17.opens).
ADD_OPENS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"

SIZES=()
RUNS=1
WARMUP=1
MASTER='local[2]'
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:?}"; shift 2 ;;
        --warmup) WARMUP="${2:?}"; shift 2 ;;
        --master) MASTER="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        ''|*[!0-9]*) echo "run-spark-w1.sh: unknown argument '$1'" >&2; exit 2 ;;
        *) SIZES+=("$1"); shift ;;
    esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000000)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
[ -x /usr/bin/time ] || { echo "run-spark-w1.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2; exit 1; }
mkdir -p "$LOGS"

# ---- class path ------------------------------------------------------------------------------
if [ ! -f "$XTAGE_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
    log "building (mvn -B -o -q install -DskipTests)"
    (cd "$ROOT" && mvn -B -o -q install -DskipTests)
fi
CP_FILE="$OUT/spark-w1.classpath"
# includeScope=provided lists Spark and its dependencies only: the rest is inside xtage.jar.
(cd "$ROOT" && mvn -B -o -q dependency:build-classpath -pl xtage-examples \
    -Dmdep.outputFile="$CP_FILE" -DincludeScope=provided)
# xtage.jar is copied aside: a build replacing it mid-run breaks a running JVM.
LIB="$OUT/spark-w1-lib"; rm -rf "$LIB"; mkdir -p "$LIB"
cp "$XTAGE_JAR" "$LIB/xtage.jar"
SPARK_CP="$LIB/xtage.jar:$(cat "$CP_FILE")"
for need in spark-sql_2.13 spark-core_2.13; do
    case "$SPARK_CP" in *"$need"*) ;; *) echo "run-spark-w1.sh: $need missing from the Spark class path" >&2; exit 1 ;; esac
done
case "$SPARK_CP" in *junit*|*/io/xtage/*) echo "run-spark-w1.sh: test or unshaded xtage jars on the Spark class path" >&2; exit 1 ;; esac
unzip -l "$LIB/xtage.jar" 'io/xtage/examples/spark/SparkW1.class' >/dev/null \
    || { echo "run-spark-w1.sh: $XTAGE_JAR has no io.xtage.examples.spark.SparkW1; rebuild it" >&2; exit 1; }

# ---- one run ---------------------------------------------------------------------------------
# run ENGINE N TAG OUTFILE -> prints "wall_seconds rss_kib"
run() {
    local engine="$1" n="$2" tag="$3" outfile="$4" data="$5"
    local base="$LOGS/spark-w1-$n-$engine-$tag"
    local cmd
    case "$engine" in
        spark) cmd=(java $SPARK_JVM_OPTS $ADD_OPENS -cp "$SPARK_CP" io.xtage.examples.spark.SparkW1 --data "$data" --out "$outfile" --master "$MASTER") ;;
        xtage) cmd=(java $XTAGE_JVM_OPTS -jar "$XTAGE_JAR" w1 --data "$data" --out "$outfile") ;;
        duckdb) cmd=(java $DUCK_JVM_OPTS -cp "$BENCH_JAR" io.xtage.bench.DuckW1 "$data" "$outfile") ;;
    esac
    rm -f "$outfile"
    if ! /usr/bin/time -v -o "$base.time" "${cmd[@]}" >"$base.out" 2>"$base.err"; then
        echo "run-spark-w1.sh: $engine failed at N=$n; see $base.err" >&2; tail -20 "$base.err" >&2; exit 1
    fi
    local wall rss
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$base.time")"
    rss="$(awk -F': ' '/Maximum resident set size/{print $2}' "$base.time")"
    echo "$wall $rss"
}
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }

STAMP="$(date -u +%Y-%m-%dT%H%M%S)"
RESULT="$OUT/spark-w1-results-$STAMP.md"
COMMIT="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "W1 on Spark $MASTER against xtage w1 and DuckDB; $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "runs $RUNS after $WARMUP warm-up; SPARK_JVM_OPTS='$SPARK_JVM_OPTS' XTAGE_JVM_OPTS='$XTAGE_JVM_OPTS' DUCK_JVM_OPTS='$DUCK_JVM_OPTS'"
    echo
    echo "| N | engine | wall | peak RSS | wall / xtage | wall / DuckDB | RSS / xtage | output agrees with xtage |"
    echo "|---:|---|---:|---:|---:|---:|---:|---|"
} > "$RESULT"

for n in "${SIZES[@]}"; do
    var="DATA_DIR_$n"; data="${!var:-$OUT/data-$n}"
    if [ ! -f "$data/transactions.csv" ]; then
        log "generating $n rows into $data"
        java -Xmx3g -jar "$XTAGE_JAR" generate --rows "$n" --seed 42 --out "$data" >/dev/null
    fi
    res="$OUT/spark-w1-out-$n"; mkdir -p "$res"
    for ((w = 1; w <= WARMUP; w++)); do
        for e in spark xtage duckdb; do log "N=$n warm-up $w $e"; run "$e" "$n" "warmup$w" "$res/$e.csv" "$data" >/dev/null; done
    done
    declare -A WALLS=() RSSS=()
    for ((r = 1; r <= RUNS; r++)); do
        for e in spark xtage duckdb; do
            log "N=$n run $r $e"
            read -r wall rss < <(run "$e" "$n" "run$r" "$res/$e.csv" "$data")
            log "  $e: ${wall}s, $((rss / 1024)) MiB"
            WALLS[$e]+="$wall "; RSSS[$e]+="$rss "
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$STAMP" "$n" "$e" "$r" "$wall" "$rss" >> "$OUT/spark-w1-runs.tsv"
        done
    done
    log "N=$n comparing Spark's output with xtage's"
    if java $COMPARE_JVM_OPTS -cp "$BENCH_JAR" io.xtage.bench.W1Compare "$res/spark.csv" "$res/xtage.csv" > "$LOGS/spark-w1-$n-compare.txt" 2>&1; then
        agree="yes (all cells)"
    else
        agree="NO, see $LOGS/spark-w1-$n-compare.txt"
    fi
    log "N=$n comparing DuckDB's output with xtage's"
    if java $COMPARE_JVM_OPTS -cp "$BENCH_JAR" io.xtage.bench.W1Compare "$res/duckdb.csv" "$res/xtage.csv" > "$LOGS/spark-w1-$n-compare-duck.txt" 2>&1; then
        agree_duck="yes (all cells)"
    else
        agree_duck="NO, see $LOGS/spark-w1-$n-compare-duck.txt"
    fi
    declare -A W=() R=()
    for e in spark xtage duckdb; do
        W[$e]="$(tr ' ' '\n' <<< "${WALLS[$e]}" | grep . | median)"
        R[$e]="$(tr ' ' '\n' <<< "${RSSS[$e]}" | grep . | median)"
    done
    for e in spark xtage duckdb; do
        case "$e" in spark) name="Spark $MASTER"; ag="$agree" ;; xtage) name="xtage w1"; ag="(reference)" ;; duckdb) name="DuckDB"; ag="$agree_duck" ;; esac
        awk -v n="$n" -v name="$name" -v w="${W[$e]}" -v r="${R[$e]}" -v wx="${W[xtage]}" -v wd="${W[duckdb]}" -v rx="${R[xtage]}" -v ag="$ag" \
            'BEGIN{ printf "| %\047d | %s | %.2f s | %d MiB | %.2f | %.2f | %.2f | %s |\n", n, name, w, r/1024, w/wx, w/wd, r/rx, ag }' >> "$RESULT"
    done
    unset WALLS RSSS W R
done
cat "$RESULT"
echo "(saved in $RESULT)" >&2
