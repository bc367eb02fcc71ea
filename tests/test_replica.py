"""A real PostgreSQL streaming replica: the dashboards read from it, every write goes to the primary.

The test builds its own throwaway primary and hot standby on loopback (initdb, pg_basebackup -R),
whatever database the rest of the suite uses, then runs chitieu against them in new processes
(DATABASE_URL = the primary, DATABASE_REPLICA_URL = the standby): `chitieu migrate`, `chitieu demo`,
and a script that requests Vĩnh Hưng's dashboard, saves results through the primary and watches the
change replay to the standby. The servers run as the `postgres` OS user when the test runs as root
(PostgreSQL refuses root). Both are stopped and their directory removed even when the test fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

CHITIEU = str(Path(sys.executable).with_name("chitieu"))
SETUP_TIMEOUT = 30  # seconds for any one server step (initdb, start, base backup)
CHITIEU_TIMEOUT = 120  # seconds for any one chitieu process


def _pg_bin() -> Path | None:
    configured = os.environ.get("CHITIEU_PG_BIN")
    candidates = [Path(configured)] if configured else []
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    )
    return next((p for p in candidates if (p / "initdb").exists() and (p / "pg_basebackup").exists()), None)


PG_BIN = _pg_bin()
AS_ROOT = os.geteuid() == 0


@pytest.fixture(autouse=True)
def _postgresql_binaries():
    # This machine kind ships the PostgreSQL server: missing binaries are a broken setup, not a skip.
    if PG_BIN is None:
        pytest.fail("PostgreSQL server binaries (initdb, pg_basebackup) are not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg(tool: str, *args: str, cwd: Path, timeout: float = SETUP_TIMEOUT) -> None:
    """Run a PostgreSQL tool as the postgres OS user (as ourselves when not root)."""
    cmd = [str(PG_BIN / tool), *args]
    if AS_ROOT:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if out.returncode:
        raise RuntimeError(f"{tool} {' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")


def _configure(datadir: Path, socket_dir: Path, port: int) -> None:
    with (datadir / "postgresql.conf").open("a") as conf:
        conf.write(
            textwrap.dedent(f"""
            # chitieu replica test
            listen_addresses = '127.0.0.1'
            port = {port}
            unix_socket_directories = '{socket_dir}'
            wal_level = replica
            max_wal_senders = 4
            max_replication_slots = 4
            hot_standby = on
            max_connections = 30
            shared_buffers = 32MB
            fsync = off
            """)
        )


def _query(port: int, sql: str, db: str = "postgres"):
    import psycopg

    with psycopg.connect(
        f"postgresql://postgres@127.0.0.1:{port}/{db}", connect_timeout=3, autocommit=True
    ) as conn:
        cur = conn.execute(sql)
        return cur.fetchone() if cur.description else None


def _wait_for(what: str, check, timeout: float = SETUP_TIMEOUT):
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            if result := check():
                return result
        except Exception as exc:  # the server is still starting
            last = exc
        time.sleep(0.1)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what} (last error: {last})")


def _stop(datadir: Path, base: Path) -> None:
    if not (datadir / "postmaster.pid").exists():
        return
    with contextlib.suppress(Exception):
        _pg("pg_ctl", "stop", "-D", str(datadir), "-m", "immediate", "-w", "-t", "10", cwd=base, timeout=15)
    pidfile = datadir / "postmaster.pid"
    if pidfile.exists():  # pg_ctl could not stop it: kill the postmaster we started, by its pid
        with contextlib.suppress(Exception):
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGKILL)


def _log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="module")
def cluster():
    """A primary and a streaming hot standby on free loopback ports; yields their database URLs."""
    base = Path(tempfile.mkdtemp(prefix="chitieu-replica-"))
    primary, standby = base / "primary", base / "standby"
    if AS_ROOT:
        shutil.chown(base, "postgres", "postgres")
    timings: dict[str, float] = {}
    t0 = time.monotonic()
    try:
        (base / "hba").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n"
        )
        _pg(
            "initdb", "-D", str(primary), "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8",
            "--no-sync", "--no-instructions", cwd=base,
        )  # fmt: skip
        shutil.copyfile(base / "hba", primary / "pg_hba.conf")
        p_port, s_port = _free_port(), _free_port()
        while s_port == p_port:
            s_port = _free_port()
        _configure(primary, base, p_port)
        _pg(
            "pg_ctl", "start", "-D", str(primary), "-l", str(base / "primary.log"), "-w", "-t", "30", cwd=base
        )
        _query(p_port, "CREATE DATABASE chitieu")
        timings["primary up"] = time.monotonic() - t0

        _pg(
            "pg_basebackup", "-D", str(standby), "-R", "-X", "stream", "-c", "fast", "-C", "-S", "chitieu_test",
            "-h", "127.0.0.1", "-p", str(p_port), "-U", "postgres", "--no-sync", cwd=base,
        )  # fmt: skip
        # The copy carries the primary's settings: the later lines win.
        with (standby / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {s_port}\nhot_standby = on\n")
        _pg(
            "pg_ctl", "start", "-D", str(standby), "-l", str(base / "standby.log"), "-w", "-t", "30", cwd=base
        )
        _wait_for("the standby to be in recovery", lambda: _query(s_port, "SELECT pg_is_in_recovery()")[0])
        _wait_for(
            "the primary to stream to the standby",
            lambda: _query(p_port, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")[0],
        )
        timings["standby streaming"] = time.monotonic() - t0
        yield {
            "primary": f"postgres://postgres@127.0.0.1:{p_port}/chitieu",
            "replica": f"postgres://postgres@127.0.0.1:{s_port}/chitieu",
            "base": base,
            "timings": timings,
        }
    except Exception as exc:
        logs = "\n".join(f"--- {n}.log\n{_log_tail(base / f'{n}.log')}" for n in ("primary", "standby"))
        raise RuntimeError(f"could not build the primary and its standby: {exc}\n{logs}") from exc
    finally:
        _stop(standby, base)
        _stop(primary, base)
        shutil.rmtree(base, ignore_errors=True)


def _chitieu_env(cluster, home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "DATABASE_REPLICA_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "CHITIEU_TEST_SQLITE_FILE",
            "CHITIEU_PRODUCTION",
        }
    }
    env.update(
        CHITIEU_HOME=str(home),
        DATABASE_URL=cluster["primary"],
        DATABASE_REPLICA_URL=cluster["replica"],
        DJANGO_SETTINGS_MODULE="chitieu.settings",
    )
    return env


# Runs in a new process against the primary and its standby, after `chitieu migrate` and `chitieu demo`.
SCRIPT = r"""
import time
from decimal import Decimal

import django

django.setup()

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connections, router, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, setup_test_environment

from chitieu.dbrouter import replica_reads
from chitieu.indicators.models import Indicator
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.services import result_save

setup_test_environment()  # lets django.test.Client through ALLOWED_HOSTS
primary, replica = connections["default"], connections["replica"]


def scalar(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


def wait_replayed(timeout=10.0):
    # Wait until the standby has replayed everything the primary has written so far.
    target = scalar(primary, "SELECT pg_current_wal_lsn()::text")
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        behind = scalar(replica, f"SELECT pg_wal_lsn_diff('{target}', pg_last_wal_replay_lsn())")
        if behind is not None and behind <= 0:
            return time.monotonic() - t0
        time.sleep(0.02)
    raise AssertionError(f"the standby has not replayed {target} after {timeout} s")


assert scalar(primary, "SELECT pg_is_in_recovery()") is False
assert scalar(replica, "SELECT pg_is_in_recovery()") is True
assert primary.settings_dict["PORT"] != replica.settings_dict["PORT"]

# The router: a @replica_reads view reads from the standby, and its writes still go to the primary.
@replica_reads
def probe(request):
    db = router.db_for_read(Result)
    return db, scalar(connections[db], "SELECT pg_is_in_recovery()"), router.db_for_write(Result)

assert probe(RequestFactory().get("/")) == ("replica", True, "default")
assert probe(RequestFactory().post("/")) == ("default", False, "default")  # never a form's POST
assert router.db_for_read(Result) == "default"  # outside such a view

admin = get_user_model().objects.create_superuser("replica-admin", "admin@example.vn", "x-Replica-2024")
wait_replayed()
client = Client(HTTP_ACCEPT_LANGUAGE="vi")
client.force_login(admin)
URL = "/units/vinh-hung/dashboard/"


def dashboard():
    with CaptureQueriesContext(primary) as on_primary, CaptureQueriesContext(replica) as on_replica:
        response = client.get(URL, {"period": "2024-H1"})
    assert response.status_code == 200, response.status_code
    return response.content.decode(), [q["sql"] for q in on_primary], [q["sql"] for q in on_replica]


body, p_sql, r_sql = dashboard()
assert "Xã Vĩnh Bình" in body and '>15/19<' in body, body
assert '>9/10<' in body, body  # the roll-up: 9 of 10 units reporting
for table in ("reporting_result", "reporting_rollup", "orgs_unit", "indicators_indicator"):
    assert any(table in q for q in r_sql), (table, r_sql)
    assert not any(table in q for q in p_sql), (table, p_sql)
print(f"dashboard: {len(r_sql)} queries on the replica, {len(p_sql)} on the primary (session, user)")

# Writes go to the primary: a changed figure and a new one, through result_save.
units = {u.code: u for u in Unit.objects.filter(code__in=["vh-vinh-binh", "vh-thi-tran-vinh-hung"])}
criteria = Indicator.objects.get(code="ntm-nang-cao-tieu-chi")
standard = Indicator.objects.get(code="ntm-dat-chuan")
with CaptureQueriesContext(replica) as during_save, transaction.atomic():
    changed = result_save(
        actor=admin, indicator=criteria, unit=units["vh-vinh-binh"], period="2024-H1",
        value=Decimal(17), denominator=Decimal(19),
    ).object
    result_save(
        actor=admin, indicator=standard, unit=units["vh-thi-tran-vinh-hung"], period="2024-H1",
        value=Decimal(1),
    )
assert not during_save.captured_queries, during_save.captured_queries
assert Result.objects.using("default").get(pk=changed.pk).value == 17

t0 = time.monotonic()
while Result.objects.using("replica").get(pk=changed.pk).value != 17:
    assert time.monotonic() - t0 < 10, "the change has not reached the replica after 10 s"
    time.sleep(0.02)
lag = time.monotonic() - t0
wait_replayed()
rollup = Rollup.objects.using("replica").get(unit__code="vinh-hung", indicator=standard, period="2024-H1")
assert rollup.reporting == 10, rollup.reporting
print(f"replication: the change was readable on the replica after {lag * 1000:.0f} ms")

body, p_sql, r_sql = dashboard()
assert '>17/19<' in body and '>15/19<' not in body, body
assert '>10/10<' in body, body
assert not any("reporting_result" in q for q in p_sql), p_sql

# The replica itself refuses writes.
for attempt in (
    lambda: Result.objects.using("replica").filter(pk=changed.pk).update(value=0),
    lambda: scalar(replica, "CREATE TABLE chitieu_should_not_exist (id int) "),
):
    try:
        with transaction.atomic(using="replica"):
            attempt()
    except DatabaseError as exc:
        assert "read-only transaction" in str(exc), exc
    else:
        raise AssertionError("a write on the replica succeeded")
assert Result.objects.using("default").get(pk=changed.pk).value == 17
print("replica: writes refused (read-only transaction)")
print("REPLICA OK")
"""


def test_dashboards_read_from_a_streaming_replica_and_writes_go_to_the_primary(cluster, tmp_path):
    env = _chitieu_env(cluster, tmp_path / "home")
    times = dict(cluster["timings"])
    steps = [
        ("migrate", [CHITIEU, "migrate", "--no-input", "-v", "0"]),
        ("demo", [CHITIEU, "demo"]),
        ("script", [sys.executable, "-c", SCRIPT]),
    ]
    for name, cmd in steps:
        t0 = time.monotonic()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=CHITIEU_TIMEOUT)
        times[name] = time.monotonic() - t0
        assert out.returncode == 0, (
            f"{name} failed ({out.returncode}):\n{out.stdout[-4000:]}\n{out.stderr[-4000:]}\n"
            f"--- standby.log\n{_log_tail(cluster['base'] / 'standby.log')}"
        )
    assert "REPLICA OK" in out.stdout
    print(out.stdout)
    print(", ".join(f"{k} {v:.1f} s" for k, v in times.items()))
