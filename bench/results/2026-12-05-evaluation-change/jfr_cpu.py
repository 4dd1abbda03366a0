#!/usr/bin/env python3
import json, subprocess, sys, collections, datetime
f, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def ms(t):
    t = t.replace('Z', '+00:00')
    if '.' in t:
        head, rest = t.split('.', 1)
        frac = ''.join(ch for ch in rest if ch.isdigit()); tz = rest[len(frac):]
        t = head + '.' + frac[:6] + tz
    return int(datetime.datetime.fromisoformat(t).timestamp() * 1000)
out = subprocess.run(['jfr','print','--json','--stack-depth','96','--events','jdk.ExecutionSample',f],capture_output=True,text=True).stdout
ev = [e for e in json.loads(out)['recording']['events'] if lo <= ms(e['values']['startTime']) <= hi]
c = collections.Counter()
for e in ev:
    fr = [x['method']['type']['name'].split('/')[-1]+'.'+x['method']['name'] for x in (e['values'].get('stackTrace') or {}).get('frames') or []]
    full = [x['method']['type']['name'] for x in (e['values'].get('stackTrace') or {}).get('frames') or []]
    idx = next((i for i,t in enumerate(full) if 'gongjian' in t and 'CGLIB' not in t and 'StatementCounter' not in t and 'Lambda' not in t and 'EvaluationBench' not in t), None)
    if idx is None: c['(none) '+ (fr[0] if fr else '?')] += 1; continue
    callee = fr[idx-1] if idx > 0 else '(self)'
    c[fr[idx] + ' -> ' + callee] += 1
print(len(ev), 'samples')
for k,n in c.most_common(int(sys.argv[4]) if len(sys.argv)>4 else 60): print(f'{n:5d} {k}')
