"""How a long import on SQLite treats the other writers (issue 11, item 7).

Starts `chitieu serve` (gunicorn + the import worker) on a fresh SQLite home, queues an import of
ROWS results, and while it runs sends one API write every half second (token auth). Prints how
long the import held the write lock and what each write got (status, latency).

    .venv/bin/python bench/sqlite_busy.py [--rows 20000] [--timeout 20]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

CHITIEU = str(Path(sys.executable).with_name("chitieu"))
SETUP = """
import io, openpyxl
from decimal import Decimal
from chitieu.orgs.models import Unit
from chitieu.indicators.models import Indicator, MeasureUnit
from chitieu.imports.layout import HEADER_ROW, RESULT_COLUMNS, RESULTS_SHEET, TARGET_COLUMNS, TARGETS_SHEET
from chitieu.imports import jobs
from chitieu.testing import make_world, make_user
from rest_framework.authtoken.models import Token
ROWS = {rows}
w = make_world()
admin = make_user("bench", superuser=True)
print("TOKEN", Token.objects.create(user=admin).key)
units = [Unit.objects.create(code=f"xa-b{{i}}", name=f"Xã B{{i}}", kind="commune", parent=w.district, valid_from=w.district.valid_from) for i in range(20)]
inds = [Indicator.objects.create(code=f"ct-{{i}}", name=f"Chỉ tiêu {{i}}", measure_unit=w.tonnes, field="economy", measure="flow", aggregation="sum") for i in range(100)]
periods = [f"2022-{{m:02d}}" for m in range(1, 13)]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = RESULTS_SHEET
for i, (t, _k) in enumerate(RESULT_COLUMNS, start=1): ws.cell(row=HEADER_ROW, column=i, value=t)
wt = wb.create_sheet(TARGETS_SHEET)
for i, (t, _k) in enumerate(TARGET_COLUMNS, start=1): wt.cell(row=HEADER_ROW, column=i, value=t)
n = 0
for p in periods:
    for u in units:
        for ind in inds:
            if n >= ROWS: break
            ws.append([u.code, u.name, ind.code, ind.name, "tấn", p, n % 997 + 1, None, None, "thực hiện", "", None]); n += 1
buf = io.BytesIO(); wb.save(buf)
print("JOB", jobs.create_job(user=admin, filename="bench.xlsx", data=buf.getvalue()).pk)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--timeout", type=float, default=20)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="chitieu-busy-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env |= {"CHITIEU_HOME": str(home), "CHITIEU_SQLITE_TIMEOUT": str(args.timeout)}
    subprocess.run([CHITIEU, "migrate"], env=env, check=True, capture_output=True)
    port = free_port()
    # the worker is started by serve; the job is queued only once the server is up
    server = subprocess.Popen(
        [CHITIEU, "serve", "--port", str(port), "--workers", "2", "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        out = subprocess.run(
            [CHITIEU, "shell", "-c", SETUP.format(rows=args.rows)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        token = next(line.split()[1] for line in out.splitlines() if line.startswith("TOKEN"))
        db = sqlite3.connect(home / "chitieu.sqlite3")
        writes = []
        started = time.monotonic()
        q = 0
        while True:
            status = db.execute("SELECT status, started_at, finished_at FROM imports_importjob").fetchone()
            if status[0] in ("done", "failed"):
                break
            q += 1
            body = json.dumps(
                {
                    "indicator": f"ct-{q % 100}",
                    "unit": "huyen-d",
                    "period": f"2019-{(q // 100) % 12 + 1:02d}",
                    "value": str(q),
                }
            )
            phase = "reading"
            for f in (home / "imports").glob("*.progress"):
                try:
                    _done, total = map(int, f.read_text().split())
                    phase = "writing" if total else "reading"
                except (OSError, ValueError):
                    pass
            req = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1/results/",
                data=body.encode(),
                headers={"Content-Type": "application/json", "Authorization": f"Token {token}"},
            )
            t0 = time.monotonic()
            try:
                code = urllib.request.urlopen(req, timeout=120).status
            except urllib.error.HTTPError as exc:
                code = exc.code
            writes.append((phase, code, time.monotonic() - t0))
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        print(f"rows {args.rows}, SQLite timeout {args.timeout} s: import {status[0]} after {elapsed:.1f} s")
        by = {}
        for phase, code, lat in writes:
            by.setdefault((phase, code), []).append(lat)
        for (phase, code), lats in sorted(by.items()):
            print(
                f"  while the import was {phase}: API writes answered {code}: {len(lats)}, "
                f"latency p50 {statistics.median(lats):.2f} s, max {max(lats):.2f} s"
            )
    finally:
        server.terminate()
        server.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
