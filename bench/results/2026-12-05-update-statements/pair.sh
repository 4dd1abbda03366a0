#!/bin/sh
# The second, shorter pair (old jar, then new), on the database the first pair loaded.
for run in old2:/tmp/upd-old.jar:79aacf2 new2:/tmp/upd-new2.jar:b90fb15; do
  name=${run%%:*}; rest=${run#*:}; jar=${rest%%:*}; commit=${rest#*:}
  uptime
  BENCH_REUSE_DB=1 BENCH_SKIP_BUILD=1 BENCH_JAR=$jar BENCH_APP_COMMIT=$commit BENCH_ONLY=update BENCH_STARTS=1 \
    BENCH_PARENTS=200 BENCH_WARMUP_UPDATES=500 BENCH_UPDATES=1000 BENCH_PORT=18820 BENCH_DB_PREFIX=gj_upd_ \
    BENCH_RUN_DIR=bench/results/2026-12-05-update-statements/$name ./bench/run.sh county
  uptime
done
