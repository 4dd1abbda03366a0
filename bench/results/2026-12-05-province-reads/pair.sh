#!/usr/bin/env bash
# harness reads (ab.sh), then a sequential probe on a fresh start of the same jar: $1 label, $2 jar, $3 commit label
set -u
cd "$(dirname "$0")"  # with ab.sh and start.sh beside it; the probe is 2026-12-05-lists-city/measure.py
./ab.sh "$1" "$2" "$3" > "$1.log" 2>&1
PID=$(./start.sh "$2" 18742 "app-probe-$1.log")
until curl -s -o /dev/null http://127.0.0.1:18742/login; do sleep 3; done
export STATE=before/province/state.properties COUNTY=3 \
       EXTRA="task list: page 1, county user (50)|/api/v1/campaigns/{campaign}/tasks|duchashi"
python3 ../2026-12-05-lists-city/measure.py 18742 $PID gjpv_province 20 "$1 probe, warm-up round" > "probe-$1-warm.md" 2>&1
python3 ../2026-12-05-lists-city/measure.py 18742 $PID gjpv_province 40 "$1 probe" > "probe-$1.md" 2>&1
kill $PID; while kill -0 $PID 2>/dev/null; do sleep 1; done  # not a child of this shell: no wait
