#!/usr/bin/env bash
# The harness's reads at city (gjsm_city: demo CITY + 100,000 bulk tasks, made by run.sh from main at 3fd9f51, run
# "base"), old and new jar alternately. old = main 3fd9f51 (/tmp/gjsm/old.jar), new = this branch (/tmp/gjsm/new.jar).
# The old jar after the new one ignores the new jar's migration (Flyway's *:future).
set -euo pipefail
cd "$(dirname "$0")/../../.."
for pair in "old1 /tmp/gjsm/old.jar 3fd9f51" "new1 /tmp/gjsm/new.jar summary" "old2 /tmp/gjsm/old.jar 3fd9f51" "new2 /tmp/gjsm/new.jar summary"; do
  set -- $pair
  echo "== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_REUSE_DB=1 BENCH_SKIP_BUILD=1 BENCH_JAR=$2 BENCH_APP_COMMIT=$3 BENCH_ONLY=reads BENCH_READS=400 BENCH_WARMUP_READS=1 \
    BENCH_APP_JAVA_OPTS="-Dspring.flyway.ignore-migration-patterns=*:future" \
    BENCH_STARTS=1 BENCH_PORT=18830 BENCH_DB_PREFIX=gjsm_ BENCH_RUN_DIR=bench/results/2026-12-05-summary-dashboard/$1 \
    ./bench/run.sh city > bench/results/2026-12-05-summary-dashboard/$1.log 2>&1
  grep -h "^| task list\|^| dashboard" bench/results/2026-12-05-summary-dashboard/$1/city/results.md | grep -v warm-up
done
