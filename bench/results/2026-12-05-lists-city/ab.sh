#!/usr/bin/env bash
# ab.sh JAR LABEL : start JAR on gjls_city (port 18780), sequential probe (measure.py), then the harness's reads at
# 8 clients twice (a warm-up round and a timed one), stop. Output under /tmp/gjls/ab/LABEL/.
set -euo pipefail
JAR=$1; LABEL=$2; DB=${DB:-gjls_city}; PORT=18780
OUT=/tmp/gjls/ab/$LABEL; mkdir -p "$OUT"
STATE_DIR=${STATE_DIR:-/tmp/gjls/city-before/city}
HARNESS=/work/wt-lists-old/bench/load
env GONGJIAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGJIAN_DB_USER=postgres GONGJIAN_DB_PASSWORD= \
    GONGJIAN_DEMO=true GONGJIAN_DEMO_SCALE=CITY GONGJIAN_SCHEDULING=false GONGJIAN_EVIDENCE_DIR=/tmp/gjls/evidence \
    java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --management.server.port=$((PORT + 1)) >"$OUT/app.log" 2>&1 &
APP=$!
echo "$APP" > "$OUT/pid"
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/login" && break; sleep 0.5; done
COUNTY=$(psql -h 127.0.0.1 -U postgres -Atc "SELECT id FROM unit WHERE code = 'P01C01K01'" $DB)
echo "app $APP up; county $COUNTY; load $(cat /proc/loadavg)"
# harness rounds: BENCH_OUT must hold state.properties
mkdir -p "$OUT/h1" "$OUT/h2"; cp "$STATE_DIR/state.properties" "$OUT/h1/"; cp "$STATE_DIR/state.properties" "$OUT/h2/"
H="java -cp $HARNESS/target/classes:$HARNESS/target/lib/*"
export BENCH_URL=http://127.0.0.1:$PORT BENCH_JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" BENCH_SCALE=city \
  BENCH_CLIENTS=8 BENCH_ONLY=create,reads BENCH_PARENTS=8 BENCH_SUBTASKS=1 BENCH_READS=${READS:-400} BENCH_PID=$APP \
  BENCH_WARMUP_UPDATES=0 BENCH_APP_COMMIT=$LABEL
BENCH_OUT=$OUT/h1 $H bench.Bench run > "$OUT/h1/console.txt" 2>&1 || echo "harness round 1 failed"
EXTRA="task list: page 1, county user|/api/v1/campaigns/{campaign}/tasks|duchashi;task list: 100 by light + category, county user|/api/v1/campaigns/{campaign}/tasks?size=100&light={light}&category={cat}|duchashi" STATE=$STATE_DIR/state.properties COUNTY=$COUNTY python3 /tmp/gjls/measure.py $PORT $APP $DB ${PROBE_N:-40} "$LABEL sequential" | tee "$OUT/probe.md"
BENCH_OUT=$OUT/h2 $H bench.Bench run > "$OUT/h2/console.txt" 2>&1 || echo "harness round 2 failed"
grep -h "task list\|dashboard" "$OUT/h2/results.md" | tee "$OUT/harness.md"
