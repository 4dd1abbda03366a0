import re, sys, collections, gzip
log = open("bench/results/2026-12-05-approve/pairs2-console.txt").read()
runs = re.findall(r'== (run\S+) start (\S+) .*?\n(?:.*\n)*?== \1 end (\S+)', log)
samples = [l.rstrip('\n').split('|', 2) for l in gzip.open("bench/results/2026-12-05-approve/lock-waits.txt.gz", "rt") if l.count('|') >= 2]
for name, start, end in runs:
    c = collections.Counter()
    for t, ev, q in samples:
        if start <= t[:8] <= end:
            key = 'cockpit_refresh' if 'cockpit_refresh' in q else ('task chain lock (parent)' if 'FROM task WHERE id IN' in q else q[:50])
            c[key] += 1
    print(name, start, end, dict(c))
