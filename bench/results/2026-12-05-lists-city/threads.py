import os, sys, time, collections
pid = sys.argv[1]
def snap():
    d = {}
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            s = open(f"/proc/{pid}/task/{t}/stat").read()
        except Exception: continue
        name = s[s.index("(")+1:s.rindex(")")]
        f = s.rsplit(")", 1)[1].split()
        d[t] = (name, int(f[11]) + int(f[12]))
    return d
a = snap()
while not os.path.exists(sys.argv[2]): time.sleep(0.1)
b = snap()
g = collections.Counter()
import re
for t, (name, v) in b.items():
    g[re.sub(r"[-#]?\d+$", "", name)] += (v - a.get(t, (name, 0))[1]) * 10
for k, v in g.most_common(15): print(f"{v:7d} ms {k}")
