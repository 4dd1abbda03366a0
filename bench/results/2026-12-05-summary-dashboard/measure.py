#!/usr/bin/env python3
"""Sequential reads against a running app: wall ms per request (p50/p95), app CPU ms per request (/proc/<pid>/stat),
DB CPU ms per request (the app's backends + the postmaster's reaped children). Usage:
measure.py PORT APP_PID DB N [label]"""
import json, os, subprocess, sys, time, urllib.request, statistics
port, pid, db, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
label = sys.argv[5] if len(sys.argv) > 5 else ""
base = f"http://127.0.0.1:{port}"
HZ = os.sysconf("SC_CLK_TCK")
def psql(q):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", q, db], capture_output=True, text=True).stdout.split()
def token(user):
    req = urllib.request.Request(base + "/api/v1/auth/tokens", data=json.dumps({"username": user, "password": "Gongjian@2026"}).encode(),
                                 headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["token"]
def cpu(p):
    f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000 / HZ, (int(f[13]) + int(f[14])) * 1000 / HZ
def postmaster():
    return open("/var/lib/postgresql/15/main/postmaster.pid").readline().strip()
def db_cpu():
    total = 0
    for b in psql(f"SELECT pid FROM pg_stat_activity WHERE datname = '{db}' AND pid <> pg_backend_pid()"):
        try: total += cpu(b)[0]
        except Exception: pass
    return total + cpu(postmaster())[1]
state = dict(l.split("=", 1) for l in open(os.environ["STATE"]).read().splitlines() if "=" in l and not l.startswith("#"))
campaign = state["campaign"].strip()
county = os.environ["COUNTY"]
admin, office = token("admin"), token("duchashi")
leads = psql(f"SELECT DISTINCT lead_unit_id FROM task WHERE campaign_id = {campaign} ORDER BY 1")
CATS = ["脱贫攻坚", "生态环保", "社会稳定", "民生改善", "城市社区治理", "人才工作", "改革创新", "项目建设", "招商引资"]
LIGHTS = ["GREEN", "GREEN", "GREEN", "YELLOW", "RED", "DONE"]
import urllib.parse
work = [
    ("login page (no auth)", lambda i: ("/login", None)),
    ("GET /api/v1/me (admin)", lambda i: ("/api/v1/me", admin)),
    ("task list: 100 of a lead unit", lambda i: (f"/api/v1/campaigns/{campaign}/tasks?size=100&leadUnitId={leads[i % len(leads)]}", admin)),
    ("task list: 100 by light + category", lambda i: (f"/api/v1/campaigns/{campaign}/tasks?size=100&light={LIGHTS[i % 5]}&category=" + urllib.parse.quote(CATS[i % len(CATS)]), admin)),
    ("task list: page 1 unfiltered (50)", lambda i: (f"/api/v1/campaigns/{campaign}/tasks", admin)),
    ("dashboard: whole campaign (admin)", lambda i: (f"/api/v1/campaigns/{campaign}/dashboard", admin)),
    ("dashboard: county (unitId)", lambda i: (f"/api/v1/campaigns/{campaign}/dashboard?unitId={county}", office)),
]
extra = os.environ.get("EXTRA")
if extra:  # label|path|user
    for e in extra.split(";"):
        l, p, u = e.split("|")
        tok = admin if u == "admin" else office if u == "duchashi" else token(u)
        work.append((l, (lambda p, t: lambda i: (p.replace("{campaign}", campaign).replace("{cat}", urllib.parse.quote(CATS[i % len(CATS)])).replace("{light}", LIGHTS[i % 5]), t))(p, tok)))
only = os.environ.get("ONLY")
print(f"# {label} load {open('/proc/loadavg').read().strip()}")
print("| request | n | p50 ms | p95 ms | max ms | app CPU ms/req | DB CPU ms/req | bytes |")
print("|---|---|---|---|---|---|---|---|")
for name, f in work:
    if only and not any(o in name for o in only.split(",")):
        continue
    for i in range(min(5, n)):  # warm each path a little
        path, tok = f(i)
        r = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + tok} if tok else {})
        urllib.request.urlopen(r).read()
    times = []
    a0, d0 = cpu(pid)[0], db_cpu()
    size = 0
    for i in range(n):
        path, tok = f(i)
        r = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + tok} if tok else {})
        t = time.perf_counter()
        body = urllib.request.urlopen(r).read()
        times.append((time.perf_counter() - t) * 1000)
        size = len(body)
    a1, d1 = cpu(pid)[0], db_cpu()
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
    print(f"| {name} | {n} | {q(0.5):.1f} | {q(0.95):.1f} | {times[-1]:.1f} | {(a1 - a0) / n:.1f} | {(d1 - d0) / n:.1f} | {size} |")
print(f"# load after {open('/proc/loadavg').read().strip()}")
