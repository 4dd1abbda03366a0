#!/usr/bin/env bash
# Old (a6f2579) and new jar back to back on one county database (kept from run1), create-only, warm:
# 300 parents + 2,700 subtasks of warm-up, the timed 500 + 4,500, 1,000 + 1,000 GET /api/v1/me, a profiled round.
set -euo pipefail
cd "$(dirname "$0")/../../.."
for pair in "old1 /tmp/cw-old.jar a6f2579" "new1 /tmp/cw-new.jar a6f2579+noRequestHandledEvent" "old2 /tmp/cw-old.jar a6f2579" "new2 /tmp/cw-new.jar a6f2579+noRequestHandledEvent"; do
  set -- $pair
  echo "== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_REUSE_DB=1 BENCH_SKIP_BUILD=1 BENCH_JAR=$2 BENCH_APP_COMMIT=$3 BENCH_ONLY=create BENCH_WARMUP_CREATES=300 \
    BENCH_STARTS=1 BENCH_PORT=18780 BENCH_DB_PREFIX=gjcw_ BENCH_RUN_DIR=bench/results/2026-12-05-create-warm/$1 \
    ./bench/run.sh county > bench/results/2026-12-05-create-warm/$1.log 2>&1
done
