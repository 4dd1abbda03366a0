#!/usr/bin/env bash
# Old and new summary statement on $DB (campaign $C), per scope: 10 runs each in one psql session with \timing
# (planning included), alternately old new old new ($ROUNDS pairs); median, min, max and the 1-minute load average.
DB=${DB:-gjsum_city} C=${C:-2} ROUNDS=${ROUNDS:-2}
cd "$(dirname "$0")"
for p in ${SCOPES:-/1/2/3/ /1/2/3/179/ /1/2/3/34/35/38/}; do
  for r in $(seq $ROUNDS); do
    for v in old new; do
      ( echo '\timing on'; for i in $(seq 10); do ./statements.sh $v $C "$p%"; done ) \
        | psql -h 127.0.0.1 -U postgres -q $DB | grep "^Time" | awk -v v=$v -v p=$p -v r=$r -v ld="$(cut -d' ' -f1 /proc/loadavg)" \
          '{a[NR]=$2} END {n=asort(a); printf "%-18s round %s %s: median %7.1f ms, min %7.1f, max %7.1f over %d, load %s\n", p, r, v, (a[n/2]+a[n/2+1])/2, a[1], a[n], n, ld}'
    done
  done
done
