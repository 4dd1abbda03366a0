#!/usr/bin/env python3
"""Sum durations of blocking events of the main thread in a window: park, monitor, socket, GC."""
import json, subprocess, sys, collections
sys.path.insert(0, '.')
from importlib import import_module
f, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
jw = open('jfr_window.py').read()
import datetime
def ms(t):
    t = t.replace('Z', '+00:00')
    if '.' in t:
        head, rest = t.split('.', 1)
        frac = ''.join(ch for ch in rest if ch.isdigit())
        tz = rest[len(frac):]
        t = head + '.' + frac[:6] + tz
    return int(datetime.datetime.fromisoformat(t).timestamp() * 1000)
def secs(d):
    if isinstance(d, str) and d.startswith('PT'):
        s = d[2:-1]
        if 'M' in s:
            m, s = s.split('M'); return float(m)*60 + float(s or 0)
        return float(s)
    return float(d)/1e9
kinds = sys.argv[4].split(',') if len(sys.argv) > 4 else ['jdk.ThreadPark','jdk.JavaMonitorEnter','jdk.JavaMonitorWait','jdk.SocketRead','jdk.SocketWrite','jdk.GarbageCollection','jdk.SafepointBegin','jdk.ThreadSleep']
for k in kinds:
    out = subprocess.run(['jfr','print','--json','--stack-depth','40','--events',k,f],capture_output=True,text=True).stdout
    ev = json.loads(out)['recording']['events']
    ev = [e for e in ev if lo <= ms(e['values']['startTime']) <= hi]
    tot = sum(secs(e['values'].get('duration','PT0S')) for e in ev)
    by = collections.Counter()
    for e in ev:
        th = (e['values'].get('eventThread') or {}).get('javaName','?')
        st = e['values'].get('stackTrace') or {}
        fr = [x['method']['type']['name']+'.'+x['method']['name'] for x in (st.get('frames') or [])]
        key = th + ' ' + next((m for m in fr if 'gongjian' in m and 'StatementCounter' not in m and 'CGLIB' not in m), fr[0] if fr else '?')
        by[key] += secs(e['values'].get('duration','PT0S'))
    print(f'{k}: {len(ev)} events {tot:.2f}s')
    for m,s in by.most_common(int(__import__("os").environ.get("TOP","8"))): print(f'   {s:7.2f}s {m}')
