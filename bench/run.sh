#!/usr/bin/env bash
# Issue #18 load harness: ./bench/run.sh county city [province]
# Builds the jar and the harness, and for each scale: a fresh PostgreSQL database gj_bench_<scale>, the demo loaded at
# that scale by the app itself, bulk background tasks, two timed restarts on the existing database, then the HTTP
# workloads at 8 clients. Results: bench/results/<date>-<scales>/<scale>/results.{md,csv} and a side-by-side README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCALES=("$@")
[ ${#SCALES[@]} -eq 0 ] && SCALES=(county city)
PORT=${BENCH_PORT:-18800}
# several people benchmarking on one PostgreSQL keep apart with their own prefix (gj_bench_ by default)
DBP=${BENCH_DB_PREFIX:-gj_bench_}
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGUSER=${BENCH_PGUSER:-postgres}
CLIENTS=${BENCH_CLIENTS:-8}
RUN_DIR=${BENCH_RUN_DIR:-bench/results/$(date -u +%Y-%m-%d)-$(IFS=-; echo "${SCALES[*]}")}
WORK=$ROOT/target/bench
mkdir -p "$RUN_DIR" "$WORK"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -Dmaven.test.skip=true
  ./mvnw -B -q -f bench/load/pom.xml package -Dmaven.test.skip=true
fi
export BENCH_APP_COMMIT=${BENCH_APP_COMMIT:-$(git rev-parse --short HEAD)}
# BENCH_JAR: another build of the app (an old commit's jar, for a before/after pair on one database)
JAR=${BENCH_JAR:-$(ls target/gongjian-*.jar | grep -v original | head -1)}
BENCH_CP="bench/load/target/classes:bench/load/target/lib/*"

# BENCH_LAUNCH=jar (default): the jar as shipped. BENCH_LAUNCH=cds: the jar extracted (java -Djarmode=tools extract,
# no nested-jar class loading) with a class-data-sharing archive from a training run that stops after the context
# refresh (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh); the timed restarts then use both.
LAUNCH=${BENCH_LAUNCH:-jar}
APP_DIR=$WORK/app
APP_PID=
app_env() { # $1 scale, $2 demo scale, then the command; replaces the calling (sub)shell, so call it in ( )
  local scale=$1 demo=$2; shift 2
  exec env GONGJIAN_DB_URL="jdbc:postgresql://$PGHOST:5432/${DBP}$scale" GONGJIAN_DB_USER=$PGUSER GONGJIAN_DB_PASSWORD= \
    GONGJIAN_DEMO=true GONGJIAN_DEMO_SCALE=$demo GONGJIAN_SCHEDULING=false GONGJIAN_EVIDENCE_DIR="$WORK/evidence-$scale" "$@"
}
start_app() { # $1 scale, $2 demo scale, $3 log
  local launch=(-jar "$JAR")
  [ "$LAUNCH" = cds ] && [ -f "$APP_DIR/app.jsa" ] && launch=(-XX:SharedArchiveFile="$APP_DIR/app.jsa" -jar "$APP_DIR/app.jar")
  (app_env "$1" "$2" java ${BENCH_APP_JAVA_OPTS:-} "${launch[@]}" --server.port=$PORT \
    --management.server.port=$((PORT + 1))) >"$3" 2>&1 &
  APP_PID=$!   # the JVM itself (the subshell exec'd it): what stop_app kills and cpu_ms reads
}
train_cds() { # $1 scale, $2 demo scale, $3 log: extract the jar, then one start that writes the archive and exits
  rm -rf "$APP_DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
  (app_env "$1" "$2" java ${BENCH_APP_JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$APP_DIR/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$APP_DIR/app.jar" --server.port=$PORT \
    --management.server.port=$((PORT + 1))) >"$3" 2>&1
}
cpu_ms() { # user + system CPU ms the app has used so far (/proc stat, in clock ticks)
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$APP_PID/stat"
}
wait_listening() { # prints ms from now until the port answers, and the app's CPU ms by then
  local t0; t0=$(date +%s%N)
  for _ in $(seq 1 18000); do
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/login"; then
      echo "$(( ($(date +%s%N) - t0) / 1000000 )) $(cpu_ms)"; return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died" >&2; return 1; }
    sleep 0.05
  done
  return 1
}
wait_log() { # $1 log, $2 pattern
  for _ in $(seq 1 7200); do grep -q "$2" "$1" && return 0; kill -0 "$APP_PID" 2>/dev/null || return 1; sleep 0.5; done; return 1
}
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
trap stop_app EXIT

for SCALE in "${SCALES[@]}"; do
  case $SCALE in
    county) DEMO=COUNTY; BULK=${BENCH_BULK_COUNTY:-0} ;;
    city) DEMO=CITY; BULK=${BENCH_BULK_CITY:-100000} ;;
    province) DEMO=PROVINCE; BULK=${BENCH_BULK_PROVINCE:-1000000} ;;
    *) echo "unknown scale $SCALE (county|city|province)"; exit 2 ;;
  esac
  OUT=$RUN_DIR/$SCALE; mkdir -p "$OUT"
  DB=${DBP}$SCALE
  ADD_COUNTIES=0
  # BENCH_REUSE_DB=1: a database an earlier run of this scale loaded (kept: run.sh drops a database only before
  # loading it again) is used as it is — no demo load, no bulk tasks, Bench run finds the bench campaign by name
  if [ -n "${BENCH_REUSE_DB:-}" ] && [ "$(psql -h "$PGHOST" -U "$PGUSER" -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres)" = 1 ]; then
    echo "== $SCALE: reusing database $DB (BENCH_REUSE_DB)"
    export BENCH_URL=http://127.0.0.1:$PORT BENCH_JDBC="jdbc:postgresql://$PGHOST:5432/$DB?user=$PGUSER" \
           BENCH_SCALE=$SCALE BENCH_OUT=$OUT BENCH_BULK=$BULK BENCH_CLIENTS=$CLIENTS BENCH_ADD_COUNTIES=0
  else
    echo "== $SCALE: fresh database $DB"
    psql -h "$PGHOST" -U "$PGUSER" -q -c "DROP DATABASE IF EXISTS $DB" postgres
    rm -rf "$WORK/evidence-$SCALE"
    if [ "$SCALE" = city ] && [ -n "${BENCH_CITY_FROM_COUNTY:-}" ]; then
      # quicker on a busy machine: the county's database (after its run) plus 9 counties of units written straight
      # into the unit table, instead of the demo generator's CITY scale through the services
      psql -h "$PGHOST" -U "$PGUSER" -q -c "CREATE DATABASE $DB TEMPLATE ${DBP}county" postgres
      cp -r "$WORK/evidence-county" "$WORK/evidence-$SCALE" 2>/dev/null || true
      DEMO=COUNTY; ADD_COUNTIES=9
    else
      psql -h "$PGHOST" -U "$PGUSER" -q -c "CREATE DATABASE $DB" postgres
      if [ "$SCALE" = city ] && [ -n "${BENCH_CITY_UNITS_BY_SQL:-}" ]; then
        DEMO=COUNTY; ADD_COUNTIES=9   # the county demo, then 9 counties of units written straight into the unit table
      fi
    fi
    t0=$(date +%s)
    start_app "$SCALE" "$DEMO" "$OUT/app-load.log"
    wait_listening >/dev/null
    wait_log "$OUT/app-load.log" "演示账号"
    echo "   demo $DEMO loaded in $(( $(date +%s) - t0 )) s (migrations + demo through the app's services)"
    export BENCH_URL=http://127.0.0.1:$PORT BENCH_JDBC="jdbc:postgresql://$PGHOST:5432/$DB?user=$PGUSER" \
           BENCH_SCALE=$SCALE BENCH_OUT=$OUT BENCH_BULK=$BULK BENCH_CLIENTS=$CLIENTS BENCH_ADD_COUNTIES=$ADD_COUNTIES
    java -cp "$BENCH_CP" bench.Bench prepare
    stop_app
  fi
  [ "$LAUNCH" = cds ] && { train_cds "$SCALE" "$DEMO" "$OUT/app-cds-training.log"; echo "   CDS archive: $(du -h "$APP_DIR/app.jsa" | cut -f1)"; }
  STARTS=; START_CPU=
  for i in $(seq 1 "${BENCH_STARTS:-2}"); do
    start_app "$SCALE" "$DEMO" "$OUT/app-start$i.log"
    read -r ms cpu < <(wait_listening); STARTS="${STARTS:+$STARTS,}$ms"; START_CPU="${START_CPU:+$START_CPU,}$cpu"
    wait_log "$OUT/app-start$i.log" "演示账号"
    echo "   start-up $i to listening: $ms ms, $cpu ms CPU ($LAUNCH)"
    [ "$i" -lt "${BENCH_STARTS:-2}" ] && stop_app
  done
  BENCH_PID=$APP_PID BENCH_STARTUP_MS=$STARTS BENCH_STARTUP_CPU_MS=$START_CPU BENCH_LAUNCH=$LAUNCH java -cp "$BENCH_CP" bench.Bench run | tee "$OUT/console.txt"
  stop_app
  cp "$OUT/app-start2.log" "$OUT/app-run.log" 2>/dev/null || true
done
java -cp "$BENCH_CP" bench.Bench report "$RUN_DIR" "${SCALES[@]}" >/dev/null
echo "Results: $RUN_DIR/README.md"
