#!/usr/bin/env bash
# one harness reads run on the kept province database: $1 label, $2 jar, $3 commit label
cd "$(dirname "$0")/../../.."
BENCH_REUSE_DB=1 BENCH_SKIP_BUILD=1 BENCH_JAR=$2 BENCH_APP_COMMIT=$3 BENCH_ONLY=reads BENCH_STARTS=1 BENCH_READS=${READS:-400} \
BENCH_PORT=18740 BENCH_DB_PREFIX=gjpv_ BENCH_RUN_DIR=bench/results/2026-12-05-province-reads/$1 ./bench/run.sh province
