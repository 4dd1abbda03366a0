#!/usr/bin/env bash
# Reads at city scale (county template + 9 counties of units + 100,000 bulk tasks, run1's database), old and new jar
# alternately: old = a6f2579 + publish-request-handled-events=false (/tmp/cw-new.jar), new = + the cooperating set by key (/tmp/cr-new.jar, built from a worktree of a6f2579 with both changes applied).
set -euo pipefail
cd "$(dirname "$0")/../../.."
for pair in "old1 /tmp/cw-new.jar a6f2579+noRequestHandledEvent" "new1 /tmp/cr-new.jar a6f2579+noRequestHandledEvent+cooperatingByKey" "old2 /tmp/cw-new.jar a6f2579+noRequestHandledEvent" "new2 /tmp/cr-new.jar a6f2579+noRequestHandledEvent+cooperatingByKey"; do
  set -- $pair
  echo "== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_REUSE_DB=1 BENCH_SKIP_BUILD=1 BENCH_JAR=$2 BENCH_APP_COMMIT=$3 BENCH_ONLY=reads BENCH_READS=400 BENCH_WARMUP_READS=1 \
    BENCH_STARTS=1 BENCH_PORT=18780 BENCH_DB_PREFIX=gjcw_ BENCH_RUN_DIR=bench/results/2026-12-05-city-reads/$1 \
    ./bench/run.sh city > bench/results/2026-12-05-city-reads/$1.log 2>&1
done
