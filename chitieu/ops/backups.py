"""Back up and restore chitieu's database: SQLite through the online backup API, PostgreSQL through
pg_dump / pg_restore.

A backup file carries its format in its first bytes (SQLite: b"SQLite format 3\\x00", pg_dump's custom
format: b"PGDMP"); restore detects it and refuses a file made for the other engine. Every error is a
BackupError whose message is one line naming the file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.db import DatabaseError, connections

Engine = Literal["sqlite", "postgresql"]

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
ENGINE_NAMES: dict[Engine, str] = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# A table every chitieu database has: a file without it is not a chitieu backup.
MARKER_TABLE = "django_migrations"
# pg_restore waits this long for a lock held by a running chitieu before giving up (and rolling back).
PG_LOCK_TIMEOUT = "30s"
SQLITE_BUSY_TIMEOUT = 20.0


class BackupError(Exception):
    """A failure to report as one line, without a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


@dataclass
class Summary:
    path: Path
    engine: Engine
    tables: dict[str, int] = field(default_factory=dict)
    size: int = 0
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def format_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def silence_stdout() -> None:
    """After a BrokenPipeError (output piped into `head`): the work is done; say nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _one_line(text: str | bytes) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # pg_dump / pg_restore put the useful part in the first error line.
    errors = [line for line in lines if "error" in line.lower()]
    return (errors or lines or ["no message"])[0]


# --- the current database ---------------------------------------------------------------------------


def current_engine(alias: str = "default") -> Engine:
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        return "sqlite"
    if vendor == "postgresql":
        return "postgresql"
    raise BackupError(f"chitieu backs up SQLite or PostgreSQL databases, not {vendor}")


def describe_database(alias: str = "default") -> str:
    conn = connections[alias]
    if current_engine(alias) == "sqlite":
        return f"the SQLite database {conn.settings_dict['NAME']}"
    s = conn.settings_dict
    return f"the PostgreSQL database {s['NAME']} on {s.get('HOST') or 'localhost'}:{s.get('PORT') or 5432}"


def sqlite_database_path(alias: str = "default", *, must_exist: bool = True) -> Path:
    conn = connections[alias]
    if conn.is_in_memory_db():
        raise BackupError("the SQLite database is in memory: there is no file to back up or restore")
    path = Path(conn.settings_dict["NAME"])
    if must_exist and not path.is_file():
        raise BackupError(f"there is no SQLite database at {path} (run `chitieu migrate` first)")
    return path


# --- backup files -----------------------------------------------------------------------------------


def detect_format(path: Path) -> Engine:
    """The engine a backup file was made for, from its first bytes."""
    if not path.exists():
        raise BackupError(f"{path} does not exist")
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head:
        raise BackupError(f"{path} is empty: not a chitieu backup")
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is not a chitieu backup (neither a SQLite database nor a pg_dump archive)")


def _check_destination(dest: Path, force: bool) -> None:
    if dest.is_dir():
        raise BackupError(f"{dest} is a directory: give a file name")
    if not dest.parent.is_dir():
        raise BackupError(f"cannot write {dest}: the directory {dest.parent} does not exist")
    if dest.exists() and not force:
        raise BackupError(f"{dest} already exists: pass --force to overwrite it")


@contextmanager
def _temporary_beside(dest: Path) -> Iterator[Path]:
    """A temporary file in dest's directory (so the final rename is atomic), removed unless renamed."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    except OSError as exc:
        raise BackupError(f"cannot write in {dest.parent}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(tmp: Path, dest: Path, force: bool) -> None:
    """Move the complete temporary file to dest atomically; without force, never replace a file."""
    _fsync(tmp)
    if force:
        os.replace(tmp, dest)
    else:
        try:
            os.link(tmp, dest)  # fails if dest appeared meanwhile
        except FileExistsError:
            raise BackupError(f"{dest} already exists: pass --force to overwrite it") from None
        except OSError:  # a filesystem without hard links
            if dest.exists():
                raise BackupError(f"{dest} already exists: pass --force to overwrite it") from None
            os.replace(tmp, dest)
    try:
        _fsync(dest.parent)
    except OSError:
        pass  # some filesystems cannot fsync a directory


# --- SQLite -----------------------------------------------------------------------------------------


def _sqlite_open(path: Path, *, readonly: bool, create: bool = False) -> sqlite3.Connection:
    mode = "ro" if readonly else "rwc" if create else "rw"  # by default, never create a database
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=SQLITE_BUSY_TIMEOUT)


def sqlite_table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name"
        )
    ]
    return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def _sqlite_check(conn: sqlite3.Connection, path: Path, what: str) -> dict[str, int]:
    """integrity_check, the marker table, and the row counts of a SQLite file."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(f"{path} {what} fails SQLite's integrity check: {problems[0]}")
    tables = sqlite_table_counts(conn)
    if MARKER_TABLE not in tables:
        raise BackupError(f"{path} is a SQLite database but not a chitieu backup (no {MARKER_TABLE} table)")
    return tables


def backup_sqlite(source: Path, dest: Path, *, force: bool = False) -> Summary:
    """Copy a live SQLite database (WAL, possibly being written) to dest, verified, atomically."""
    started = time.monotonic()
    _check_destination(dest, force)
    with _temporary_beside(dest) as tmp:
        try:
            with closing(_sqlite_open(source, readonly=False)) as src, closing(sqlite3.connect(tmp)) as dst:
                # pages=-1: every page in one step, i.e. in one read transaction of the source: a
                # consistent snapshot that WAL lets writers carry on past.
                src.backup(dst, pages=-1)
                # The copy is a standalone file: no -wal/-shm beside it.
                dst.execute("PRAGMA journal_mode=DELETE").fetchall()
            with closing(_sqlite_open(tmp, readonly=True)) as copy:
                tables = _sqlite_check(copy, dest, "(the new copy)")
        except sqlite3.Error as exc:
            raise BackupError(f"cannot back up {source} to {dest}: {exc}") from None
        _publish(tmp, dest, force)
    return Summary(dest, "sqlite", tables, dest.stat().st_size, time.monotonic() - started)


def inspect_sqlite(path: Path) -> Summary:
    try:
        with closing(_sqlite_open(path, readonly=True)) as conn:
            tables = _sqlite_check(conn, path, "")
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite backup: {exc}") from None
    return Summary(path, "sqlite", tables, path.stat().st_size)


def restore_sqlite(path: Path, target: Path) -> dict[str, int]:
    """Copy the backup's pages into the live database file, in one write transaction.

    The target keeps its path, its journal mode (WAL) and its -wal/-shm files; running chitieu processes
    see either the old data or the restored data, never a mixture. A missing target (a fresh install) is
    created, in WAL mode like the ones Django creates.
    """
    fresh = not target.exists()
    try:
        with (
            closing(_sqlite_open(path, readonly=True)) as src,
            closing(_sqlite_open(target, readonly=False, create=fresh)) as dst,
        ):
            src.backup(dst, pages=-1)
            if fresh:
                dst.execute("PRAGMA journal_mode=WAL").fetchall()
            return sqlite_table_counts(dst)
    except sqlite3.Error as exc:
        raise BackupError(f"cannot restore {path} into {target}: {exc}") from None


# --- PostgreSQL -------------------------------------------------------------------------------------

_PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}
_COPY_RE = re.compile(rb"^COPY (?P<table>\S+) \(.*\) FROM stdin;$")


def _pg_program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def pg_environment(alias: str = "default") -> tuple[dict[str, str], str]:
    """The environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, …) and the database name for libpq tools."""
    s: dict[str, Any] = connections[alias].settings_dict
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if s.get(key):
            env[var] = str(s[key])
    for option, var in _PG_OPTION_ENV.items():
        if (s.get("OPTIONS") or {}).get(option):
            env[var] = str(s["OPTIONS"][option])
    return env, str(s["NAME"])


def _run(cmd: list[str], env: dict[str, str], path: Path, doing: str) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise BackupError(f"cannot run {cmd[0]} for {path}: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise BackupError(f"{doing} {path} failed: {_one_line(done.stderr)}")
    return done


def pg_archive_counts(path: Path) -> dict[str, int]:
    """Tables and row counts in a pg_dump custom archive, read from the COPY blocks pg_restore writes.

    COPY's text format escapes newlines, so each data line is one row. Nothing touches a database.
    """
    cmd = [_pg_program("pg_restore"), "--data-only", "--file=-", str(path)]
    counts: dict[str, int] = {}
    table: str | None = None
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise BackupError(f"cannot run pg_restore for {path}: {exc.strerror or exc}") from None
    assert proc.stdout is not None and proc.stderr is not None
    with proc:
        for line in proc.stdout:
            line = line.rstrip(b"\n")
            if table is None:
                match = _COPY_RE.match(line)
                if match:
                    name = match["table"].decode("utf-8", "replace").replace('"', "")
                    table = name.removeprefix("public.")
                    counts[table] = 0
            elif line == b"\\.":
                table = None
            else:
                counts[table] += 1
        stderr = proc.stderr.read()
    if proc.returncode != 0:
        raise BackupError(f"{path} is not a readable pg_dump archive: {_one_line(stderr)}")
    return dict(sorted(counts.items()))


def inspect_pg(path: Path) -> Summary:
    try:
        listing = subprocess.run(
            [_pg_program("pg_restore"), "--list", str(path)], capture_output=True, stdin=subprocess.DEVNULL
        )
    except OSError as exc:
        raise BackupError(f"cannot run pg_restore for {path}: {exc.strerror or exc}") from None
    if listing.returncode != 0:
        raise BackupError(f"{path} is not a readable pg_dump archive: {_one_line(listing.stderr)}")
    if not re.search(rb" TABLE \S+ " + MARKER_TABLE.encode() + rb" ", listing.stdout):
        raise BackupError(f"{path} is a pg_dump archive but not a chitieu backup (no {MARKER_TABLE} table)")
    return Summary(path, "postgresql", pg_archive_counts(path), path.stat().st_size)


def backup_pg(dest: Path, *, force: bool = False, alias: str = "default") -> Summary:
    started = time.monotonic()
    _check_destination(dest, force)
    env, dbname = pg_environment(alias)
    with _temporary_beside(dest) as tmp:
        cmd = [
            _pg_program("pg_dump"),
            "--format=custom",
            "--no-password",
            f"--file={tmp}",
            f"--dbname={dbname}",
        ]
        _run(cmd, env, dest, "pg_dump to")
        summary = inspect_pg(tmp)  # reads the whole archive back: a check that it is complete
        _publish(tmp, dest, force)
    summary.path = dest
    summary.size = dest.stat().st_size
    summary.seconds = time.monotonic() - started
    return summary


def restore_pg(path: Path, alias: str = "default") -> None:
    """pg_restore in one transaction: on any error the database keeps its old data."""
    env, dbname = pg_environment(alias)
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={PG_LOCK_TIMEOUT}".strip()
    cmd = [
        _pg_program("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--no-password",
        f"--dbname={dbname}",
        str(path),
    ]
    connections[alias].close()
    _run(cmd, env, path, "pg_restore of")


def live_table_counts(alias: str = "default") -> dict[str, int]:
    """Row counts of every table in the current database ({} for a SQLite file not yet created)."""
    if current_engine(alias) == "sqlite":
        path = sqlite_database_path(alias, must_exist=False)
        if not path.exists():
            return {}
        try:
            with closing(_sqlite_open(path, readonly=True)) as conn:
                return sqlite_table_counts(conn)
        except sqlite3.Error as exc:
            raise BackupError(f"cannot count the rows of {path}: {exc}") from None
    conn = connections[alias]
    try:
        with conn.cursor() as cursor:
            names = sorted(t.name for t in conn.introspection.get_table_list(cursor) if t.type == "t")
            counts = {}
            for name in names:
                cursor.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(name)}")
                counts[name] = cursor.fetchone()[0]
    except DatabaseError as exc:
        raise BackupError(f"cannot count the rows of {describe_database(alias)}: {exc}") from None
    return counts


# --- the operations the commands run ----------------------------------------------------------------


def create_backup(dest: Path, *, force: bool = False, alias: str = "default") -> Summary:
    _check_destination(dest, force)  # before touching the database
    if current_engine(alias) == "sqlite":
        source = sqlite_database_path(alias)
        live = source.resolve()
        if dest.resolve() in {live, *(live.with_name(live.name + x) for x in ("-wal", "-shm", "-journal"))}:
            raise BackupError(f"{dest} is the live database (or its WAL files): choose another file")
        return backup_sqlite(source, dest, force=force)
    return backup_pg(dest, force=force, alias=alias)


def inspect_backup(path: Path, alias: str = "default") -> Summary:
    """Check that path is a chitieu backup for the current engine; its tables and row counts."""
    engine = current_engine(alias)
    found = detect_format(path)
    if found != engine:
        raise BackupError(
            f"{path} is a {ENGINE_NAMES[found]} backup, but chitieu's database is {ENGINE_NAMES[engine]}"
        )
    return inspect_sqlite(path) if engine == "sqlite" else inspect_pg(path)


def restore_backup(path: Path, alias: str = "default") -> dict[str, int]:
    """Replace the current data with the backup's (check it with inspect_backup first); the new counts."""
    if current_engine(alias) == "sqlite":
        target = sqlite_database_path(alias, must_exist=False)
        if path.resolve() == target.resolve():
            raise BackupError(f"{path} is the live database itself, not a backup of it")
        connections[alias].close()
        return restore_sqlite(path, target)
    restore_pg(path, alias)
    return live_table_counts(alias)


def pending_migrations(alias: str = "default") -> int:
    """How many migrations the restored data lacks (0 when it is up to date or cannot be told)."""
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connections[alias])
        return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except Exception:  # only a hint after the restore
        return 0
