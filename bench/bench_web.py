"""HTTP throughput of chitieu under gunicorn, measured with wrk, on the national data set.

    .venv/bin/python bench/bench_web.py [--database-url URL] [--workers 2] [--threads 2]
        [--connections 50] [--low-connections 10] [--duration 30s] [--wrk-timeout 30s]
        [--period 2026-06] [--profile] [--provinces N --communes N --indicators N --months N]

Starts ``chitieu serve --workers 2`` on a free port, logs in through the login form (a real session
cookie), checks each route answers 200 with it, then runs ``wrk -t2 -c50 -d30s --latency`` against

  (a) a unit page: /units/<province>/?period=<p> (every indicator: ~300 rows of roll-ups)
  (b) a commune's unit page: /units/<commune>/?period=<p> (the page most users open)
  (c) an API list route: /api/v1/results/?unit=<province>&period=<p> (a province reports nothing itself:
      the route's fixed cost — session, user, access check, count)
  (d) the same route with data: /api/v1/results/?unit=<commune>&period=<p>&limit=50
  (e) the province dashboard: /units/<province>/dashboard/?period=<p>&resolution=<id>

and prints requests/s, p50/p99 latency, the count of non-200 answers (a Lua hook counts them: wrk itself
would count a redirect to the login page as a success), socket errors and timeouts (wrk --timeout 30s:
with wrk's default 2 s the slow answers would silently drop out of its figures). The same run measures
the floors (bench/floor/): gunicorn alone with a do-nothing WSGI callable, a static file, a trivial Django
view without and with the session and user read, and the base layout page; every route is printed as a
ratio of the trivial view with a session. Goals (issue 14): the pages and the dashboard ≥ 0.5× that
floor's throughput at 50 connections, p99 ≤ 2× the floor's p99 there and ≤ 150 ms at 10 connections;
the API list ≥ 0.5×; 0 errors and 0 timeouts. When a route misses, one request of it is profiled
in-process (cProfile, SQL queries counted) to show where the time goes.

Database: by default the PostgreSQL database ``chitieu_bench`` left by ``bench_national.py --keep``;
when it does not exist, a database ``chitieu_bench_web`` is created, loaded with ``chitieu generate``
(national sizes, or --provinces/--communes/…) and dropped at the end. Needs wrk (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = Path(__file__).resolve().parent / "floor"
CHITIEU = str(Path(sys.executable).with_name("chitieu"))
PASSWORD = "bench-web-password-1"
GOAL_P99_LOW_MS = 150.0  # p99 of a page at 10 connections (issue 14)

LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non200 = 0 end
function response(status, headers, body) if status ~= 200 then non200 = non200 + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non200") end
  io.write(string.format("non-200 responses: %d\\n", n))
end
"""

SHELL_SETUP = """
import json
from django.contrib.auth import get_user_model
from chitieu.indicators.models import Resolution
from chitieu.orgs.models import Unit
User = get_user_model()
user, _ = User.objects.get_or_create(username="bench-web", defaults={"is_staff": True, "is_superuser": True})
user.is_superuser = user.is_staff = True
user.set_password(%r)
user.save()
root = Unit.objects.get(code="vn")
province = Unit.objects.filter(parent=root, valid_to=None).order_by("code").first()
res = Resolution.objects.filter(unit=province).first()
commune = Unit.objects.filter(parent=province, valid_to=None).order_by("code").first()
print("JSON" + json.dumps({"province": province.code, "commune": commune.code, "resolution": res.pk if res else None}))
"""

PROFILE = """
import cProfile, io, json, os, pstats, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
url = sys.argv[1]
c = Client()
c.force_login(get_user_model().objects.get(username="bench-web"))
for _ in range(3):
    assert c.get(url).status_code == 200
with CaptureQueriesContext(connection) as q:
    t0 = time.perf_counter(); c.get(url); wall = time.perf_counter() - t0
queries = list(q.captured_queries)
sql_ms = sum(float(x["time"]) for x in queries) * 1000
prof = cProfile.Profile()
prof.enable()
for _ in range(10):
    c.get(url)
prof.disable()
s = io.StringIO()
st = pstats.Stats(prof, stream=s)
st.sort_stats("cumulative").print_stats("/chitieu/", 25)
st.sort_stats("tottime").print_stats(12)
print(f"one request: {wall * 1000:.1f} ms wall, {len(queries)} SQL queries taking {sql_ms:.1f} ms")
slow = sorted(queries, key=lambda x: -float(x["time"]))[:3]
for x in slow:
    print(f"  {float(x['time']) * 1000:.1f} ms: {x['sql'][:220]}")
print(s.getvalue())
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], env: dict[str, str], **kw) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, **kw)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{' '.join(cmd[:3])} failed (exit {done.returncode})")
    return done.stdout


def pg_admin(server: str, sql: str, fetch: bool = False):
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if fetch else None


def pg_has_data(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            return bool(
                conn.execute(
                    "SELECT EXISTS (SELECT 1 FROM orgs_unit WHERE code = 'vn' AND note LIKE %s)",
                    ["[chitieu generate]%"],
                ).fetchone()[0]
            )
    except psycopg.Error:
        return False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **kw):
        return None


def login(base: str) -> str:
    """Log in through the form; returns the Cookie header value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    data = urllib.parse.urlencode(
        {"username": "bench-web", "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    req = urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": f"{base}/login/"})
    try:
        opener.open(req)
    except urllib.error.HTTPError as exc:  # the 302 to the home page
        if exc.code != 302:
            raise
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise SystemExit("login failed: no session cookie")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def check(url: str, cookie: str) -> int:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        resp = opener.open(urllib.request.Request(url, headers={"Cookie": cookie}))
        return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except urllib.error.URLError:
        return 0  # not listening (yet)


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    value, unit = float(m[1]), m[2]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, cookie: str, args: argparse.Namespace, lua: Path, connections: int | None = None) -> dict:
    """One wrk run; slower answers than --wrk-timeout are counted as timeouts, not dropped silently
    (wrk's default 2 s timeout leaves them out of its latency figures)."""
    c = connections or args.connections
    cmd = [
        "wrk", f"-t{min(args.threads, c)}", f"-c{c}", f"-d{args.duration}", "--latency",
        "--timeout", args.wrk_timeout, "-s", str(lua), url,
    ]  # fmt: skip
    if cookie:
        cmd[-1:-1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    print("\n".join("    " + line for line in out.rstrip().splitlines()), flush=True)
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", out, re.M))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    connect, read, write, timeouts = (int(x) for x in errors.groups()) if errors else (0, 0, 0, 0)
    return {
        "connections": c,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "requests": int(re.search(r"(\d+) requests in", out)[1]),
        "p50_ms": _ms(lat["50"]),
        "p99_ms": _ms(lat["99"]),
        "non200": int(re.search(r"non-200 responses: (\d+)", out)[1]),
        "socket_errors": connect + read + write,
        "timeouts": timeouts,
        "raw": out,
    }


def drain(base: str) -> None:
    """Wait until the server has answered what a finished wrk run left queued: gunicorn's sync workers
    still serve the requests of connections wrk has closed, and the next run would start behind them."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        t0 = time.perf_counter()
        check(f"{base}/healthz", "")
        if time.perf_counter() - t0 < 0.1:
            return
        time.sleep(0.2)


def _line(name: str, r: dict) -> str:
    return (
        f"  {name:26s} c={r['connections']:<3d} {r['rps']:8.1f} req/s   p50 {r['p50_ms']:7.1f} ms   "
        f"p99 {r['p99_ms']:7.1f} ms   non-200 {r['non200']}   socket errors {r['socket_errors']}   "
        f"timeouts {r['timeouts']}"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pg-server", default="postgres://postgres@127.0.0.1:5432")
    p.add_argument("--database-url", help="default: chitieu_bench (from bench_national.py --keep) if loaded")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--duration", default="30s")
    p.add_argument("--wrk-timeout", default="30s", help="answers slower than this count as timeouts")
    p.add_argument("--low-connections", type=int, default=10)
    p.add_argument("--period", default="2026-06")
    p.add_argument("--provinces", type=int, default=34)
    p.add_argument("--communes", type=int, default=3321)
    p.add_argument("--indicators", type=int, default=300)
    p.add_argument("--months", type=int, default=24)
    p.add_argument("--profile", action="store_true", help="profile one request of every route, met or not")
    args = p.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    home = Path(tempfile.mkdtemp(prefix="chitieu-bench-web-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATABASE_REPLICA_URL"}}
    env.update(CHITIEU_HOME=str(home), ALLOWED_HOSTS="127.0.0.1,localhost,testserver")
    # The floor routes (bench/floor/floor_urls.py) are served beside the product's, by the same server.
    env.update(DJANGO_SETTINGS_MODULE="floor_settings", PYTHONPATH=str(FLOOR))
    created = None
    url = args.database_url or f"{args.pg_server}/chitieu_bench"
    if args.database_url and not pg_has_data(url):
        # It makes a superuser and serves the database: only one that `chitieu generate` filled.
        raise SystemExit(
            f"{url} holds no country made by `chitieu generate` (no unit 'vn' marked [chitieu generate]): "
            "refusing to benchmark a database that is not the benchmark's"
        )
    if not args.database_url and not pg_has_data(url):
        created = "chitieu_bench_web"
        url = f"{args.pg_server}/{created}"
        pg_admin(args.pg_server, f"DROP DATABASE IF EXISTS {created} WITH (FORCE)")
        pg_admin(args.pg_server, f"CREATE DATABASE {created}")
    env["DATABASE_URL"] = url
    server = raw = None
    try:
        if created:
            print(f"generating the national data set into {url} …", flush=True)
            run([CHITIEU, "migrate", "-v0"], env)
            sizes = ["--provinces", str(args.provinces), "--communes", str(args.communes),
                     "--indicators", str(args.indicators), "--months", str(args.months)]  # fmt: skip
            print(run([CHITIEU, "generate", *sizes], env).rstrip(), flush=True)
        else:
            print(f"reusing {url}", flush=True)
        info = run([CHITIEU, "shell", "-c", SHELL_SETUP % PASSWORD], env)
        info = json.loads(info.split("JSON", 1)[1])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [CHITIEU, "serve", "--workers", str(args.workers), "--port", str(port), "--no-migrate"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        for _ in range(150):
            if check(f"{base}/healthz", "") == 200:
                break
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        else:
            raise SystemExit("the server did not come up")
        cookie = login(base)
        prov, period = info["province"], args.period
        com = info["commune"]
        routes = {
            "unit page": f"/units/{prov}/?period={period}",
            "commune page": f"/units/{com}/?period={period}",
            "API results list": f"/api/v1/results/?unit={prov}&period={period}",
            "API commune results": f"/api/v1/results/?unit={com}&period={period}&limit=50",
            "province dashboard": f"/units/{prov}/dashboard/?period={period}"
            + (f"&resolution={info['resolution']}" if info["resolution"] else ""),
        }
        lua = home / "count.lua"
        lua.write_text(LUA)

        # The floors, measured in the same run: gunicorn alone, a static file, Django with no session,
        # Django with the session and the user read (the floor the goals are set against), the layout.
        raw_port = free_port()
        raw = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "raw_wsgi:application", "--chdir", str(FLOOR),
             "--workers", str(args.workers), "--bind", f"127.0.0.1:{raw_port}", "--log-level", "warning"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        for _ in range(100):
            if check(f"http://127.0.0.1:{raw_port}/", "") == 200:
                break
            time.sleep(0.1)
        floors = {
            "raw gunicorn": (f"http://127.0.0.1:{raw_port}/", ""),
            "static file": (f"{base}/static/css/chitieu.css", ""),
            "trivial view, no session": (f"{base}/_floor/anonymous", ""),
            "trivial view, session": (f"{base}/_floor/trivial", cookie),
            "layout page": (f"{base}/_floor/layout", cookie),
        }
        floor_results = {}
        for name, (url_, cookie_) in floors.items():
            if check(url_, cookie_) != 200:
                raise SystemExit(f"floor {name} {url_} did not answer 200")
            print(f"wrk -c{args.connections} floor {name}: {url_}", flush=True)
            floor_results[name] = wrk(url_, cookie_, args, lua)
            drain(base)
        results, low = {}, {}
        for name, path in routes.items():
            status = check(base + path, cookie)
            if status != 200:
                raise SystemExit(f"{name} {path} answered {status} with the session cookie")
            for _ in range(5):  # warm both workers
                check(base + path, cookie)
            print(f"wrk -c{args.connections} {name}: {path}", flush=True)
            results[name] = wrk(base + path, cookie, args, lua)
            print(_line(name, results[name]), flush=True)
            drain(base)
            if name != "API results list":
                print(f"wrk -c{args.low_connections} {name}: {path}", flush=True)
                low[name] = wrk(base + path, cookie, args, lua, connections=args.low_connections)
                drain(base)
    finally:
        for proc in (server, raw):
            if proc is None:
                continue
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)

    floor = floor_results["trivial view, session"]
    load1, load5, _ = os.getloadavg()
    print(f"\n== Floors (gunicorn {args.workers} sync workers, {os.cpu_count()} cores, wrk and PostgreSQL on "
          f"the same machine, wrk --timeout {args.wrk_timeout}; load average {load1:.2f} / {load5:.2f})")  # fmt: skip
    for name, r in floor_results.items():
        print(_line(name, r) + f"   ÷ floor {r['rps'] / floor['rps']:.2f}")
    print(
        f"\n== Routes against the floor (trivial view with a session: {floor['rps']:.1f} req/s, p99 "
        f"{floor['p99_ms']:.1f} ms at c={args.connections}). Goals (issue 14): pages ≥ 0.5 × its throughput, "
        f"p99 ≤ 2 × its p99 and ≤ {GOAL_P99_LOW_MS:.0f} ms at c={args.low_connections}; the API list ≥ 0.5 ×; "
        "0 errors, 0 timeouts"
    )
    missed = []
    for name, r in results.items():
        ratio = r["rps"] / floor["rps"]
        clean = r["non200"] == 0 and not r["socket_errors"] and not r["timeouts"]
        ok = ratio >= 0.5 and clean
        extra = ""
        if name in low:
            lo = low[name]
            ok = ok and r["p99_ms"] <= 2 * floor["p99_ms"] and lo["p99_ms"] <= GOAL_P99_LOW_MS
            ok = ok and lo["non200"] == 0 and not lo["socket_errors"] and not lo["timeouts"]
            extra = (
                f"   p99 ÷ floor's {r['p99_ms'] / floor['p99_ms']:.2f}"
                f"   c={args.low_connections}: p99 {lo['p99_ms']:.1f} ms, {lo['rps']:.1f} req/s, timeouts {lo['timeouts']}"
            )
        if not ok:
            missed.append(name)
        print(_line(name, r) + f"   ÷ floor {ratio:.3f}{extra}   {'met' if ok else 'MISSED'}")
    for name in results if args.profile else missed:
        print(f"\n== Where the time goes: {name} ({routes[name]}), cProfile of 10 requests in-process")
        out = run(
            [sys.executable, "-c", PROFILE, routes[name]],
            {**env, "DJANGO_SETTINGS_MODULE": "chitieu.settings"},
        )
        print(out.rstrip())
    if created:
        pg_admin(args.pg_server, f"DROP DATABASE IF EXISTS {created} WITH (FORCE)")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
