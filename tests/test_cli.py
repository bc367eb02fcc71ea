"""The `chitieu` console script, run as a user runs it: a new process on a fresh CHITIEU_HOME."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

CHITIEU = str(Path(sys.executable).with_name("chitieu"))


def run(*args, home, timeout=120):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env["CHITIEU_HOME"] = str(home)
    return subprocess.run([CHITIEU, *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_help_lists_the_commands(tmp_path):
    out = run("--help", home=tmp_path)
    assert out.returncode == 0
    for cmd in ("serve", "demo", "extract", "migrate"):
        assert cmd in out.stdout


def test_demo_creates_and_migrates_a_wal_sqlite_database_on_first_run(tmp_path):
    out = run("demo", home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "chitieu demo: created" in out.stdout
    db = tmp_path / "chitieu.sqlite3"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM reporting_result").fetchone()[0] > 30
    again = run("demo", home=tmp_path)
    assert "nothing new" in again.stdout and "updated nothing" in again.stdout


def test_serve_refuses_a_port_out_of_range_with_a_one_line_message(tmp_path):
    out = run("serve", "--port", "70000", home=tmp_path)
    assert out.returncode == 2
    assert "--port" in out.stderr and "Traceback" not in out.stderr


def test_manage_py_commands_pass_through(tmp_path):
    out = run("check", home=tmp_path)
    assert out.returncode == 0 and "no issues" in out.stdout


@pytest.mark.parametrize("bad", ["not a url", "mysql://x"])
def test_a_bad_database_url_is_a_clear_error(tmp_path, bad):
    env = {**os.environ, "CHITIEU_HOME": str(tmp_path), "DATABASE_URL": bad}
    out = subprocess.run([CHITIEU, "check"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert (
        out.stderr.startswith("chitieu: configuration error: DATABASE_URL") and "Traceback" not in out.stderr
    )
