#!/usr/bin/env bash
# The county user's (示范县, unit 3, path /1/2/3/) category summary on gjsm_city, the old statement (TaskStore.summary
# at 3fd9f51) and the new one (task_summary_tally + the cooperating set), ten runs each with psql's \timing
# (planning included), alternately twice. The new one needs the new jar's migration applied.
cd "$(dirname "$0")"
for v in old new old new; do
  ( echo '\timing on'; for i in $(seq 10); do sed 's/^EXPLAIN (ANALYZE, BUFFERS, TIMING OFF)//' ${v}_summary_explain.sql; done ) \
    | psql -h 127.0.0.1 -U postgres -q gjsm_city | grep "^Time" | awk -v v=$v -v ld="$(cut -d' ' -f1 /proc/loadavg)" \
      '{a[NR]=$2} END {n=asort(a); printf "%s: median %.1f ms, min %.1f, max %.1f over %d, load %s\n", v, a[int((n+1)/2)], a[1], a[n], n, ld}'
done
