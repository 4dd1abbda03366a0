#!/bin/bash
# usage: measure.sh <label> <jar>   — starts the jar on gjbr_city (port 18950), times sequential briefings
label=$1; jar=$2; out=/tmp/brmeasure/$label; mkdir -p $out
cd /work/wt-briefing
env GONGJIAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/gjbr_city" GONGJIAN_DB_USER=postgres GONGJIAN_DB_PASSWORD= \
  GONGJIAN_DEMO=true GONGJIAN_DEMO_SCALE=CITY GONGJIAN_SCHEDULING=false GONGJIAN_EVIDENCE_DIR=/tmp/brmeasure/evidence \
  java -XX:StartFlightRecording=filename=$out/app.jfr,settings=profile -jar $jar --server.port=18950 --management.server.port=18951 > $out/app.log 2>&1 &
pid=$!; echo $pid > $out/pid
until curl -s -o /dev/null --max-time 2 http://127.0.0.1:18950/login; do sleep 2; done
tok=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"admin","password":"Gongjian@2026"}' http://127.0.0.1:18950/api/v1/auth/tokens | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d.get("token") or d.get("accessToken") or d)')
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
get() { local sfx=".$1"; [ $1 = json ] && sfx=""; curl -s -o $out/briefing.$1 -w "%{http_code} %{time_total}\n" -H "Authorization: Bearer $tok" http://127.0.0.1:18950/api/v1/campaigns/2/briefings/2026-11$sfx; }
for w in 1 2; do get docx >/dev/null; get pdf >/dev/null; done
echo "load before: $(cat /proc/loadavg)" > $out/times.txt
for f in json docx pdf; do
  c0=$(cpu)
  for i in 1 2 3 4 5; do echo "$f $(get $f)" >> $out/times.txt; done
  c1=$(cpu); echo "$f cpu_ticks_5 $((c1-c0))" >> $out/times.txt
done
echo "load after: $(cat /proc/loadavg)" >> $out/times.txt
kill $pid; wait $pid 2>/dev/null
cat $out/times.txt
