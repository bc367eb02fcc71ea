"""A chitieu installation to back up and restore, on the engine the test run uses.

SQLite: pytest-django's SQLite test database lives in memory, which has no file to back up, so the
SQLite site is a real installation on a temporary CHITIEU_HOME, driven the way a user drives it: the
`chitieu` console script in a new process. The test process reads and changes its database file with
the sqlite3 module.

PostgreSQL: the site is pytest-django's test database (a `transactional_db` test, so everything is
committed and pg_dump sees it); the commands run in-process through call_command.

Both expose the same small interface, so each scenario is written once and runs on either engine.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

ON_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
CHITIEU = str(Path(sys.executable).with_name("chitieu"))


@dataclass
class Outcome:
    code: int
    out: str
    err: str


class Site(Protocol):
    begin: str  # the statement that opens a write transaction

    def run(self, *args: str | Path) -> Outcome: ...
    def execute(self, *statements: str) -> None: ...
    def fetch(self, sql: str) -> list[tuple[Any, ...]]: ...
    def tables(self) -> dict[str, int]: ...
    def connect(self) -> Any: ...
    def backup_is_sound(self, path: Path) -> bool: ...


class SqliteSite:
    begin = "BEGIN IMMEDIATE"

    def __init__(self, home: Path) -> None:
        self.home = home
        self.db = home / "chitieu.sqlite3"

    def run(self, *args: str | Path) -> Outcome:
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CHITIEU_TEST_SQLITE_FILE"}}
        env["CHITIEU_HOME"] = str(self.home)
        done = subprocess.run(
            [CHITIEU, *map(str, args)],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        return Outcome(done.returncode, done.stdout, done.stderr)

    def connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.db, isolation_level=None, timeout=20, check_same_thread=False)

    def execute(self, *statements: str) -> None:
        conn = self.connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for sql in statements:
                conn.execute(sql)
            conn.execute("COMMIT")
        finally:
            conn.close()

    def fetch(self, sql: str) -> list[tuple[Any, ...]]:
        conn = self.connect()
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def tables(self) -> dict[str, int]:
        names = [
            r[0] for r in self.fetch("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {name: self.fetch(f'SELECT COUNT(*) FROM "{name}"')[0][0] for name in names}

    def backup_is_sound(self, path: Path) -> bool:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()


class PostgresSite:
    begin = "BEGIN"

    def run(self, *args: str | Path) -> Outcome:
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command(*map(str, args), stdout=out, stderr=err)
        except CommandError as exc:
            return Outcome(1, out.getvalue(), f"CommandError: {exc}\n")
        return Outcome(0, out.getvalue(), err.getvalue())

    def connect(self) -> Any:
        import psycopg

        s = connection.settings_dict
        return psycopg.connect(
            dbname=s["NAME"],
            host=s.get("HOST") or None,
            port=s.get("PORT") or None,
            user=s.get("USER") or None,
            password=s.get("PASSWORD") or None,
            autocommit=True,
        )

    def execute(self, *statements: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN")
            for sql in statements:
                cursor.execute(sql)
            cursor.execute("COMMIT")

    def fetch(self, sql: str) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    def tables(self) -> dict[str, int]:
        names = [r[0] for r in self.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {name: self.fetch(f'SELECT COUNT(*) FROM "{name}"')[0][0] for name in sorted(names)}

    def backup_is_sound(self, path: Path) -> bool:
        done = subprocess.run(["pg_restore", "--list", str(path)], capture_output=True)
        return done.returncode == 0 and b"TABLE public django_migrations" in done.stdout


def snapshot(site: Site) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every model of every installed app (m2m tables included), ordered by pk: the value
    of each concrete field, as stored."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        columns = ", ".join(f'"{f.column}"' for f in meta.concrete_fields)
        rows[meta.label] = site.fetch(f'SELECT {columns} FROM "{meta.db_table}" ORDER BY "{meta.pk.column}"')
    return rows
