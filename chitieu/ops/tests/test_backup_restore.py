"""`chitieu backup` and `chitieu restore` on the engine of the test run (see sites.py)."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from .sites import ON_SQLITE, Outcome, Site, snapshot

MUTATIONS = (
    "UPDATE orgs_unit SET name = name || ' (changed)'",
    "UPDATE reporting_result SET note = 'edited after the backup', version = version + 1",
    "DELETE FROM reporting_statedcomparison WHERE id IN "
    "(SELECT id FROM reporting_statedcomparison ORDER BY id LIMIT 3)",
    "DELETE FROM meetings_limitation_indicators",
    "INSERT INTO auth_group (name) VALUES ('added after the backup 1'), ('added after the backup 2')",
)


def refused(outcome: Outcome, *words: str) -> str:
    """The one-line error of a refused command: no traceback, every word in it."""
    assert outcome.code != 0, outcome.out
    assert "Traceback" not in outcome.err
    lines = outcome.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("CommandError: "), outcome.err
    for word in words:
        assert word in lines[0]
    return lines[0]


def assert_same_rows(now: dict, then: dict) -> None:
    assert now.keys() == then.keys()
    for label in then:
        assert now[label] == then[label], f"{label} differs"


def test_a_restore_brings_back_every_row_of_every_table_as_it_was_at_backup_time(
    site: Site, tmp_path: Path
) -> None:
    then, tables_then = snapshot(site), site.tables()
    assert sum(len(rows) for rows in then.values()) > 300  # the demo is there
    (tmp_path / "backups").mkdir()
    file = tmp_path / "backups" / "chitieu.backup"

    done = site.run("backup", file)

    assert done.code == 0, done.err
    rows = sum(n for name, n in tables_then.items() if not name.startswith("sqlite_"))
    assert re.fullmatch(
        rf"chitieu backup: wrote {re.escape(str(file))} \(.+, \d+ tables, {rows} rows\) in .+ s\n", done.out
    )
    assert site.backup_is_sound(file)
    assert list(file.parent.iterdir()) == [file]  # no temporary file left behind

    site.execute(*MUTATIONS)
    changed = snapshot(site)
    for label in ("orgs.Unit", "reporting.Result", "reporting.StatedComparison", "auth.Group"):
        assert changed[label] != then[label]
    assert changed["meetings.Limitation_indicators"] == []

    refused(site.run("restore", file), str(file), "--yes")  # not without a confirmation
    assert_same_rows(snapshot(site), changed)

    done = site.run("restore", file, "--yes")

    assert done.code == 0, done.err
    assert done.out.startswith(f"chitieu restore: restored {file} (")
    assert re.search(r"^  reporting_result +35$", done.out, re.M)
    assert_same_rows(snapshot(site), then)
    assert site.tables() == tables_then
    # The restored database carries on where the backup left off: ids, sequences, journal mode.
    site.execute("INSERT INTO auth_group (name) VALUES ('first after the restore')")
    assert len(site.fetch("SELECT id FROM auth_group")) == 1  # the backup held no group: only the new one
    if ON_SQLITE:
        assert site.fetch("PRAGMA journal_mode") == [("wal",)]


def test_backup_refuses_to_overwrite_an_existing_file_unless_forced(site: Site, tmp_path: Path) -> None:
    file = tmp_path / "precious.backup"
    file.write_text("keep me")

    refused(site.run("backup", file), str(file), "already exists", "--force")
    assert file.read_text() == "keep me"

    done = site.run("backup", file, "--force")
    assert done.code == 0, done.err
    assert site.backup_is_sound(file)


def test_a_backup_taken_while_another_connection_writes_is_a_consistent_snapshot(
    site: Site, tmp_path: Path
) -> None:
    """A writer commits pairs of groups (pair-N-a, pair-N-b) in one transaction each, before, during and
    after the backup; the backup holds complete pairs 0..k-1, with k strictly between the pairs written
    before the command started and the pairs written by the time it returned."""
    committed = 0
    stop = threading.Event()
    failure: list[BaseException] = []

    def write() -> None:
        nonlocal committed
        conn = site.connect()
        try:
            while not stop.is_set():
                conn.execute(site.begin)
                conn.execute(f"INSERT INTO auth_group (name) VALUES ('pair-{committed}-a')")
                conn.execute(f"INSERT INTO auth_group (name) VALUES ('pair-{committed}-b')")
                conn.execute("COMMIT")
                committed += 1
        except BaseException as exc:  # reported by the test
            failure.append(exc)
        finally:
            conn.close()

    def wait_for(pairs: int) -> None:
        deadline = time.monotonic() + 30
        while committed < pairs and not failure and time.monotonic() < deadline:
            time.sleep(0.005)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        wait_for(20)
        before = committed
        file = tmp_path / "busy.backup"
        done = site.run("backup", file)
        after_backup = committed
        wait_for(after_backup + 20)
    finally:
        stop.set()
        writer.join(30)
    assert not failure, failure
    assert done.code == 0, done.err
    assert site.backup_is_sound(file)  # SQLite: integrity_check says ok
    total = committed

    assert site.run("restore", file, "--yes").code == 0
    names = sorted(n for (n,) in site.fetch("SELECT name FROM auth_group WHERE name LIKE 'pair-%'"))
    pairs = {int(n.split("-")[1]) for n in names}
    k = len(pairs)
    assert pairs == set(range(k))
    assert names == sorted(f"pair-{i}-{half}" for i in range(k) for half in "ab")
    # Pairs were committed on both sides of the snapshot while the command ran.
    assert before < k < after_backup < total


def test_a_dry_run_lists_the_tables_and_rows_of_the_backup_and_changes_nothing(
    site: Site, tmp_path: Path
) -> None:
    file = tmp_path / "chitieu.backup"
    assert site.run("backup", file).code == 0
    site.execute(*MUTATIONS)
    changed, tables = snapshot(site), site.tables()

    done = site.run("restore", file, "--dry-run")

    assert done.code == 0, done.err
    assert done.out.startswith(f"chitieu restore --dry-run: {file} (")
    assert re.search(r"^  auth_group +0 +2$", done.out, re.M)  # in the backup, now
    assert re.search(r"^  meetings_limitation_indicators +5 +0$", done.out, re.M)
    assert re.search(r"^  orgs_unit +(\d+) +\1$", done.out, re.M)  # untouched by the mutations
    assert done.out.endswith("Nothing was changed.\n")
    assert_same_rows(snapshot(site), changed)
    assert site.tables() == tables


def test_restore_refuses_a_damaged_backup_and_keeps_the_data(site: Site, tmp_path: Path) -> None:
    file = tmp_path / "chitieu.backup"
    assert site.run("backup", file).code == 0
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(file.read_bytes()[: file.stat().st_size * 2 // 3])
    site.execute(*MUTATIONS)
    changed = snapshot(site)

    refused(site.run("restore", truncated, "--yes"), str(truncated))

    assert_same_rows(snapshot(site), changed)


# --- refusals decided from the file alone: in-process, without a database ----------------------------


def refusal(*args: str | Path) -> str:
    with pytest.raises(CommandError) as caught:
        call_command(*map(str, args))
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_restore_refuses_a_missing_file_naming_it(tmp_path: Path) -> None:
    file = tmp_path / "nowhere.backup"
    assert refusal("restore", file, "--yes") == f"{file} does not exist"


def test_restore_refuses_an_empty_file(tmp_path: Path) -> None:
    file = tmp_path / "empty.backup"
    file.touch()
    assert refusal("restore", file, "--yes") == f"{file} is empty: not a chitieu backup"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("Báo cáo kết quả thực hiện nghị quyết\n" * 20)
    assert refusal("restore", file, "--yes", "--dry-run") == (
        f"{file} is not a chitieu backup (neither a SQLite database nor a pg_dump archive)"
    )


def test_restore_refuses_a_sqlite_database_that_is_not_chitieus(tmp_path: Path) -> None:
    file = tmp_path / "other.sqlite3"
    with sqlite3.connect(file) as conn:
        conn.execute("CREATE TABLE expenses (amount integer)")
    message = refusal("restore", file, "--yes")
    assert str(file) in message
    if ON_SQLITE:
        assert message.endswith("is a SQLite database but not a chitieu backup (no django_migrations table)")


def test_restore_refuses_the_other_engines_backup(tmp_path: Path) -> None:
    file = tmp_path / "other-engine.backup"
    if ON_SQLITE:
        file.write_bytes(b"PGDMP\x01\x0e\x00" + bytes(200))  # the header of a pg_dump custom archive
        expected = f"{file} is a PostgreSQL backup, but chitieu's database is SQLite"
    else:
        with sqlite3.connect(file) as conn:
            conn.execute("CREATE TABLE django_migrations (id integer PRIMARY KEY, app text, name text)")
        expected = f"{file} is a SQLite backup, but chitieu's database is PostgreSQL"
    assert refusal("restore", file, "--yes") == expected
    assert refusal("restore", file, "--dry-run") == expected


def test_backup_refuses_a_directory_that_does_not_exist(tmp_path: Path) -> None:
    file = tmp_path / "missing" / "chitieu.backup"
    assert refusal("backup", file) == f"cannot write {file}: the directory {file.parent} does not exist"
