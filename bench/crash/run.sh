#!/usr/bin/env bash
# Issue #16 crash harness: ./bench/crash/run.sh [1|2|both]   (default both)
# Builds the jar (CRASH_SKIP_BUILD=1 to reuse target/gongjian-*.jar), makes a fresh PostgreSQL database per mode
# (gj_crash_1node / gj_crash_2node, the demo county loaded by the app), runs CrashHarness.java: 64 clients creating and
# submitting reports with Idempotency-Keys and retries, SIGKILL of a node mid-run, restart (1 node) or survivor only
# (2 nodes behind the harness's round-robin proxy), retries to completion, reconciliation in SQL.
# Ports: 18110-18111 nodes, 18120-18121 management, 18130 proxy. Logs: target/crash/<mode>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODES=${1:-both}
PGHOST=${CRASH_PGHOST:-127.0.0.1}
PGUSER=${CRASH_PGUSER:-postgres}
if [ -z "${CRASH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -Dmaven.test.skip=true
fi
JAR=$(ls target/gongjian-*.jar | grep -v original | head -1)
status=0
for n in $( [ "$MODES" = both ] && echo "1 2" || echo "$MODES" ); do
  DB=gj_crash_${n}node
  psql -h "$PGHOST" -U "$PGUSER" -q -c "DROP DATABASE IF EXISTS $DB" postgres
  psql -h "$PGHOST" -U "$PGUSER" -q -c "CREATE DATABASE $DB" postgres
  rm -rf "target/crash/${n}node"; mkdir -p "target/crash/${n}node"
  echo "== $n node(s), database $DB"
  CRASH_JAR=$JAR CRASH_DB=$DB CRASH_WORK=target/crash/${n}node \
    java bench/crash/CrashHarness.java "$n" | tee "target/crash/${n}node/result.txt" || status=1
done
exit $status
