#!/usr/bin/env bash
# probe.sh JAR LABEL : start JAR on gjsm_city (port 18830, as run.sh's app_env), warm every read kind with WARM
# sequential rounds of measure.py, then a timed sequential round of N requests per kind (app and DB CPU per request),
# optionally under a JFR profile (JFR=1), stop. Output: /tmp/gjsm/probe/LABEL/.
set -euo pipefail
JAR=$1; LABEL=$2; DB=gjsm_city; PORT=18830
DIR=$(cd "$(dirname "$0")" && pwd)
OUT=/tmp/gjsm/probe/$LABEL; mkdir -p "$OUT"
JFR_OPTS=""
env GONGJIAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGJIAN_DB_USER=postgres GONGJIAN_DB_PASSWORD= \
    GONGJIAN_DEMO=true GONGJIAN_DEMO_SCALE=CITY GONGJIAN_SCHEDULING=false GONGJIAN_EVIDENCE_DIR=/tmp/gjsm/evidence \
    java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --management.server.port=$((PORT + 1)) \
    --spring.flyway.ignore-migration-patterns='*:future' >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/login" && break; sleep 0.5; done
export STATE=/tmp/gjsm/base/city/state.properties COUNTY=$(psql -h 127.0.0.1 -U postgres -Atc "SELECT id FROM unit WHERE code = 'P01C01K01'" $DB)
export EXTRA="task list: page 1, county user|/api/v1/campaigns/{campaign}/tasks|duchashi"
for i in $(seq 1 "${WARM:-2}"); do python3 "$DIR/measure.py" $PORT $APP $DB "${N:-100}" "$LABEL warm-up $i" > "$OUT/warm$i.md"; done
if [ -n "${JFR:-}" ]; then jcmd $APP JFR.start name=p settings=profile filename="$OUT/profile.jfr" >/dev/null; fi
python3 "$DIR/measure.py" $PORT $APP $DB "${N:-100}" "$LABEL timed" | tee "$OUT/probe.md"
if [ -n "${JFR:-}" ]; then jcmd $APP JFR.stop name=p >/dev/null; fi
