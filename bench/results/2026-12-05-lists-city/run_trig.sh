for v in new old new old new old; do
  if [ $v = old ]; then pre="$(cat old_updated.sql)"; else pre=""; fi
  ( echo "BEGIN;"; echo "$pre"; cat trig.sql; echo "ROLLBACK;" ) | psql -h 127.0.0.1 -U postgres -q gjls_city 2>&1 | grep Time | tr '\n' ' ' | sed "s/^/$v: progress-only, light change: /"; echo
done
