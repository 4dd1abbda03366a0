#!/usr/bin/env bash
# old and new jar alternately on one county database (gjap_county), harness of b5ac2bd
cd /work/wt/approve
run() { # $1 label $2 jar $3 commit
  echo "== $1 start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_REUSE_DB=1 BENCH_SKIP_BUILD=1 BENCH_JAR=$2 BENCH_APP_COMMIT=$3 BENCH_ONLY=create,update,floor BENCH_STARTS=1 \
    BENCH_PORT=18820 BENCH_DB_PREFIX=gjap_ BENCH_RUN_DIR=bench/results/2026-12-05-approve/$1 ./bench/run.sh county
  echo "== $1 end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
}
run run6-old-3fd9f51 /tmp/approve/old.jar 3fd9f51
run run7-new-ec2a5fd /tmp/approve/new2.jar ec2a5fd
run run8-old-3fd9f51 /tmp/approve/old.jar 3fd9f51
run run9-new-ec2a5fd /tmp/approve/new2.jar ec2a5fd
