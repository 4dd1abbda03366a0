#!/usr/bin/env bash
# Start-up to listening on an existing database (issue #18), launch variants side by side, with where the CPU went.
#   ./bench/startup.sh <database> [starts per variant] [variant ...]
# The database must exist and hold the demo already (start the jar once on it with GONGJIAN_DEMO=true, then stop it).
# Variants: jar (as shipped), c1 (jar + -XX:TieredStopAtLevel=1), cds (extracted + class-data-sharing archive),
# cds-c1 (both); aot25 / aot25-c1: the extracted jar on JDK 25 (BENCH_JAVA25, default the Temurin 25 in /usr/lib/jvm)
# with an ahead-of-time cache from a training start (-XX:AOTCacheOutput, JEP 514/515: classes loaded and linked, method
# profiles), without and with C1 only; default: jar c1 cds cds-c1. Each start prints the wall ms until /login answers and the CPU (user + system, from
# /proc) by then: in total, on the JIT compiler threads (C1, C2) and on the main thread. Then the JVM is stopped.
# BENCH_SKIP_BUILD=1 reuses target/*.jar; BENCH_PORT (18900; +1 is the management port); extra JVM options: BENCH_APP_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?database name}; STARTS=${2:-3}; shift $(( $# < 2 ? $# : 2 ))
VARIANTS=("$@"); [ ${#VARIANTS[@]} -eq 0 ] && VARIANTS=(jar c1 cds cds-c1)
PORT=${BENCH_PORT:-18900}
[ -z "${BENCH_SKIP_BUILD:-}" ] && ./mvnw -B -q package -Dmaven.test.skip=true
JAR=$(ls target/gongjian-*.jar | grep -v original | head -1)
WORK=target/bench-startup; APP_DIR=$WORK/app; mkdir -p "$WORK"
HZ=$(getconf CLK_TCK)
run() { # $1 log, then JVM arguments; replaces the subshell
  local log=$1; shift
  exec env GONGJIAN_DB_URL="jdbc:postgresql://${BENCH_PGHOST:-127.0.0.1}:5432/$DB" GONGJIAN_DB_USER=${BENCH_PGUSER:-postgres} \
    GONGJIAN_DEMO=true GONGJIAN_SCHEDULING=false GONGJIAN_EVIDENCE_DIR="$WORK/evidence" GONGJIAN_ANCHOR_FILE="$WORK/anchors.jsonl" \
    ${JAVA_BIN:-java} ${BENCH_APP_JAVA_OPTS:-} "$@" --server.port=$PORT --management.server.port=$((PORT + 1)) >"$log" 2>&1
}
thread_cpu() { # $1 pid, $2 thread-name pattern: CPU ms of the matching threads
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v hz="$HZ" -v pat="$2" '{ n = $0; sub(/^[0-9]+ \(/, "", n); sub(/\) .*/, "", n);
    f = $0; sub(/^.*\) /, "", f); split(f, a, " "); if (n ~ pat) s += a[12] + a[13] } END { print int(s * 1000 / hz) }'
}
if [[ " ${VARIANTS[*]} " == *" cds"* ]]; then
  rm -rf "$APP_DIR"; java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
  mv "$APP_DIR/$(basename "$JAR")" "$APP_DIR/app.jar"
  (run "$WORK/cds-training.log" -XX:ArchiveClassesAtExit="$APP_DIR/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_DIR/app.jar")
fi
if [[ " ${VARIANTS[*]} " == *" aot25"* ]]; then
  JAVA25=${BENCH_JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
  [ -x "$JAVA25" ] || { echo "aot25 needs a JDK 25: set BENCH_JAVA25 to its bin/java" >&2; exit 2; }
  [ -d "$APP_DIR" ] || { java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
    mv "$APP_DIR/$(basename "$JAR")" "$APP_DIR/app.jar"; }
  (JAVA_BIN=$JAVA25 run "$WORK/aot25-training.log" -XX:AOTCacheOutput="$APP_DIR/app.aot" -Dspring.context.exit=onRefresh -jar "$APP_DIR/app.jar")
fi
echo "variant start wall_ms cpu_ms jit_ms main_ms load1"
for v in "${VARIANTS[@]}"; do
  case $v in
    jar) args=(-jar "$JAR") ;;
    c1) args=(-XX:TieredStopAtLevel=1 -jar "$JAR") ;;
    cds) args=(-XX:SharedArchiveFile="$APP_DIR/app.jsa" -jar "$APP_DIR/app.jar") ;;
    cds-c1) args=(-XX:SharedArchiveFile="$APP_DIR/app.jsa" -XX:TieredStopAtLevel=1 -jar "$APP_DIR/app.jar") ;;
    aot25) args=(-XX:AOTCache="$APP_DIR/app.aot" -jar "$APP_DIR/app.jar") ;;
    aot25-c1) args=(-XX:AOTCache="$APP_DIR/app.aot" -XX:TieredStopAtLevel=1 -jar "$APP_DIR/app.jar") ;;
    *) echo "unknown variant $v" >&2; exit 2 ;;
  esac
  for i in $(seq 1 "$STARTS"); do
    java_bin=java; [[ $v == aot25* ]] && java_bin=$JAVA25
    (JAVA_BIN=$java_bin run "$WORK/$v-$i.log" "${args[@]}") & pid=$!
    t0=$(date +%s%N)
    until curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/login"; do
      kill -0 "$pid" 2>/dev/null || { echo "$v $i: the app died, see $WORK/$v-$i.log" >&2; exit 1; }; sleep 0.05
    done
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    echo "$v $i $ms $(thread_cpu "$pid" .) $(thread_cpu "$pid" '^C[12] CompilerThre') $(thread_cpu "$pid" '^java$') $(cut -d' ' -f1 /proc/loadavg)"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
