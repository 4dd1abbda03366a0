#!/usr/bin/env bash
# start a jar on the kept province database like run.sh's app_env: $1 jar, $2 port, $3 log, rest: extra JVM flags
jar=$1 port=$2 log=$3; shift 3
env GONGJIAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/gjpv_province" GONGJIAN_DB_USER=postgres GONGJIAN_DB_PASSWORD= \
  GONGJIAN_DEMO=true GONGJIAN_DEMO_SCALE=PROVINCE GONGJIAN_SCHEDULING=false GONGJIAN_EVIDENCE_DIR=${TMPDIR:-/tmp}/gjpv-evidence \
  java "$@" -jar "$jar" --server.port=$port --management.server.port=$((port + 1)) > "$log" 2>&1 &
echo $!
