#!/usr/bin/env bash
# What writers pay for task_summary_tally's update trigger: 2,000 single-row UPDATE task statements in DO blocks on
# gjsm_city (a progress change, a light change, a version-only change), in a transaction rolled back; "without" has
# the trigger disabled inside that transaction (nothing else may use the database meanwhile: DDL locks task).
cd "$(dirname "$0")"
for v in with without with without with without; do
  if [ $v = without ]; then pre="ALTER TABLE task DISABLE TRIGGER task_summary_tally_on_update;"; else pre=""; fi
  ( echo "BEGIN;"; echo "$pre"; cat trig.sql; echo "ROLLBACK;" ) | psql -h 127.0.0.1 -U postgres -q gjsm_city 2>&1 | grep Time | tr '\n' ' ' | sed "s/^/$v: progress, light, version-only: /"; echo " load $(cut -d' ' -f1 /proc/loadavg)"
done
