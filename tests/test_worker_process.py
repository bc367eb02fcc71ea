"""`chitieu serve` runs the import worker beside gunicorn (issue 11, item 5): a queued import is
done by it, in its own process, and the worker stops with the server. Real processes on a fresh
CHITIEU_HOME (SQLite file), as a user runs them."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHITIEU = str(Path(sys.executable).with_name("chitieu"))
QUEUE = """
from chitieu.testing import make_world, make_user
from chitieu.imports import jobs
from chitieu.imports.tests.test_web import filled_template
from chitieu.reporting.models import Result
world = make_world()
Result.objects.create(indicator=world.rice, unit=world.district, period="2022-H1", value=31167)
clerk = make_user("clerk", superuser=True)
jobs.create_job(user=clerk, filename="huyen-d.xlsx", data=filled_template(world))
"""


def env_for(home):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["CHITIEU_HOME"] = str(home)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def job_status(home) -> str | None:
    with sqlite3.connect(home / "chitieu.sqlite3") as db:
        row = db.execute("SELECT status FROM imports_importjob").fetchone()
    return row[0] if row else None


def children_of(pid: int) -> list[str]:
    out = subprocess.run(["ps", "-o", "args=", "--ppid", str(pid)], capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line.strip()]


def test_serve_starts_the_worker_that_runs_a_queued_import_and_stops_it_on_exit(tmp_path):
    env = env_for(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [CHITIEU, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        workers = [c for c in children_of(server.pid) if "worker" in c]
        assert workers, children_of(server.pid)
        subprocess.run([CHITIEU, "shell", "-c", QUEUE], env=env, check=True, timeout=120)
        deadline = time.monotonic() + 60
        while job_status(tmp_path) not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.3)
        assert job_status(tmp_path) == "done"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    time.sleep(1)
    out = subprocess.run(["pgrep", "-f", f"worker --parent {server.pid}"], capture_output=True, text=True)
    assert out.stdout.strip() == "", "the worker outlived the server"


def test_an_api_write_during_a_long_sqlite_write_is_answered_503_busy_not_500(tmp_path):
    """Another connection holds SQLite's write lock (as a long import does); the API writer waits its
    timeout (1 s here, 20 s by default) and is told to retry."""
    env = env_for(tmp_path) | {"CHITIEU_SQLITE_TIMEOUT": "1"}
    setup = QUEUE.replace("jobs.create_job", "print(clerk.pk) or jobs.create_job")
    subprocess.run([CHITIEU, "migrate"], env=env, check=True, timeout=120, capture_output=True)
    subprocess.run([CHITIEU, "shell", "-c", setup], env=env, check=True, timeout=120, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [CHITIEU, "serve", "--port", str(port), "--workers", "1", "--no-worker", "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        import base64
        import json

        body = json.dumps({"indicator": "thu-ns", "unit": "huyen-d", "period": "2021", "value": "5"}).encode()
        auth = base64.b64encode(b"clerk:pw-clerk").decode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/results/",
            data=body,
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Basic {auth}",
                "Accept-Language": "en",
            },
        )
        lock = sqlite3.connect(tmp_path / "chitieu.sqlite3", isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
        try:
            try:
                urllib.request.urlopen(request, timeout=30)
                status, headers, text = 200, {}, ""
            except urllib.error.HTTPError as exc:
                status, headers, text = exc.code, dict(exc.headers), exc.read().decode()
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        assert status == 503 and headers.get("Retry-After") == "5", (status, text[:300])
        assert "busy" in json.loads(text)["detail"]
        created = urllib.request.urlopen(request, timeout=30)  # the lock is gone: the same write succeeds
        assert created.status == 201
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
