#!/usr/bin/env python3
"""Cut a JFR recording by a wall-clock window [from..to] (epoch ms) and summarise execution samples and socket reads.
usage: gjev_jfr.py file.jfr FROM TO [prefix-filter]"""
import json, subprocess, sys, collections, datetime
f, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def ms(t):
    # '2026-12-05T02:55:01.123456789Z' or with offset
    t = t.replace('Z', '+00:00')
    if '.' in t:
        head, rest = t.split('.', 1)
        frac = ''.join(ch for ch in rest if ch.isdigit())
        tz = rest[len(frac):]
        t = head + '.' + frac[:6] + tz
    return int(datetime.datetime.fromisoformat(t).timestamp() * 1000)
def events(kind):
    out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '64', '--events', kind, f], capture_output=True, text=True).stdout
    return json.loads(out)['recording']['events']
def frames(e):
    st = e['values'].get('stackTrace') or {}
    res = []
    for fr in st.get('frames', []) or []:
        m = fr['method']
        res.append(m['type']['name'] + '.' + m['name'])
    return res
samples = [e for e in events('jdk.ExecutionSample') if lo <= ms(e['values']['startTime']) <= hi]
print('execution samples in window:', len(samples))
top = collections.Counter(); incl = collections.Counter(); threads = collections.Counter()
for e in samples:
    fr = frames(e)
    threads[e['values']['sampledThread']['javaName']] += 1
    if fr: top[fr[0]] += 1
    for m in set(fr):
        if 'gongjian' in m or m.startswith('org.postgresql') or m.startswith('org.springframework.jdbc') or 'StatementCounter' in m:
            incl[m] += 1
print('threads:', threads.most_common(5))
print('--- top frames (self)')
for m, n in top.most_common(30): print(f'{n:6d} {m}')
print('--- inclusive (gongjian / jdbc)')
for m, n in incl.most_common(45): print(f'{n:6d} {m}')
reads = [e for e in events('jdk.SocketRead') if lo <= ms(e['values']['startTime']) <= hi]
by = collections.Counter(); total = 0.0
for e in reads:
    d = e['values']['duration']
    # duration like 'PT0.0123S' or '12.3 ms'
    if isinstance(d, str) and d.startswith('PT'):
        secs = float(d[2:-1]) if d.endswith('S') else 0
    else:
        secs = float(d) / 1e9
    total += secs
    key = next((m for m in frames(e) if 'gongjian' in m and 'StatementCounter' not in m), '?')
    by[key] += secs
print(f'--- socket reads >threshold: {len(reads)} events, {total:.2f} s')
for m, s in by.most_common(15): print(f'{s:8.2f} s {m}')
