#!/usr/bin/env python3
"""jdk.SocketRead events (>= threshold) whose stack passes through a filter frame, summed by the first gongjian frame."""
import re, subprocess, sys, collections
f = sys.argv[1]; filt = sys.argv[2] if len(sys.argv) > 2 else 'TaskImporter.importWorkbook'
out = subprocess.run(['jfr', 'print', '--events', 'jdk.SocketRead', '--stack-depth', '200', f], capture_output=True, text=True).stdout
tot = collections.Counter(); cnt = collections.Counter()
for e in out.split('jdk.SocketRead')[1:]:
    m = re.search(r'duration = ([\d.]+) (\w+)', e)
    if not m: continue
    d = float(m.group(1)) * {'s': 1000, 'ms': 1, 'us': 0.001, 'ns': 1e-6}.get(m.group(2), 1)
    frames = re.findall(r'^\s+([\w$.<>/]+)\(.*?line:', e, re.M)
    if not any(filt in fr for fr in frames): continue
    g = [fr for fr in frames if 'gongjian' in fr]
    key = ' < '.join(g[:3])
    tot[key] += d; cnt[key] += 1
print('total ms', round(sum(tot.values())), 'events', sum(cnt.values()))
for k, v in tot.most_common(20): print(round(v), cnt[k], k)
