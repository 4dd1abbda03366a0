#!/usr/bin/env bash
# The old and the new statement's output on $DB for both campaigns and several scopes, compared line by line.
DB=${DB:-gjsum_city}
cd "$(dirname "$0")"
for c in 1 2; do
  for p in /1/2/ /1/2/3/ /1/2/3/179/ /1/2/3/34/ /1/2/3/34/35/38/ /1/2/3/20/ /1/2/3/30/ /1/2/3/23/; do
    o=$(./statements.sh old $c "$p%" | psql -h 127.0.0.1 -U postgres -Atq $DB)
    n=$(./statements.sh new $c "$p%" | psql -h 127.0.0.1 -U postgres -Atq $DB)
    printf 'campaign %s scope %-18s categories %2s tasks %6s  %s\n' $c "$p" "$(echo -n "$o" | grep -c .)" \
      "$(echo "$o" | awk -F'|' '{s+=$2} END {print s+0}')" "$([ "$o" = "$n" ] && echo same || echo DIFFERENT)"
  done
done
