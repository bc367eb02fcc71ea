from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, DatabaseError

from chitieu.ops.backups import (
    ENGINE_NAMES,
    BackupError,
    Summary,
    describe_database,
    inspect_backup,
    live_table_counts,
    pending_migrations,
    restore_backup,
    silence_stdout,
)


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Command(BaseCommand):
    help = (
        "Replace chitieu's data with a backup made by `chitieu backup`. The file is checked first (format, "
        "engine, integrity); --dry-run stops there and shows what would be restored."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a backup written by `chitieu backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask: replace the current data")
        parser.add_argument(
            "--dry-run", action="store_true", help="check FILE and list its tables and rows; change nothing"
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help=f"default: {DEFAULT_DB_ALIAS}")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"]).expanduser().absolute()
        alias = options["database"]
        try:
            self._handle(path, alias, yes=options["yes"], dry_run=options["dry_run"])
        except BrokenPipeError:  # output piped into `head`
            silence_stdout()
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except (OSError, sqlite3.Error, DatabaseError) as exc:
            raise CommandError(str(BackupError(f"cannot restore {path}: {exc}"))) from None

    def _handle(self, path: Path, alias: str, *, yes: bool, dry_run: bool) -> None:
        backup = inspect_backup(path, alias)
        target = describe_database(alias)
        what = f"{path} ({ENGINE_NAMES[backup.engine]}, {len(backup.tables)} tables, {backup.rows} rows)"
        if dry_run:
            current = live_table_counts(alias)
            self.stdout.write(f"chitieu restore --dry-run: {what} would replace the data in {target}:")
            self._table(backup, current)
            self.stdout.write("Nothing was changed.")
            return
        if not yes:
            if not _stdin_is_tty():
                raise BackupError(
                    f"restoring {path} replaces all the data in {target}: pass --yes to confirm"
                )
            try:
                answer = input(f"Replace all the data in {target} with {what}? Type “yes” to continue: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() != "yes":
                raise BackupError(f"restore of {path} cancelled: nothing was changed")
        started = time.monotonic()
        counts = restore_backup(path, alias)
        seconds = time.monotonic() - started
        restored = Summary(path, backup.engine, counts)
        self.stdout.write(
            f"chitieu restore: restored {what} into {target} in {seconds:.2f} s; rows per table now:"
        )
        self._table(restored, None)
        missing = pending_migrations(alias)
        if missing:
            self.stdout.write(
                f"Note: the restored data lacks {missing} migration(s) of this chitieu: run `chitieu migrate`."
            )

    def _table(self, summary: Summary, current: dict[str, int] | None) -> None:
        width = max((len(name) for name in summary.tables), default=5)
        if current is not None:
            self.stdout.write(f"  {'table':<{width}}  {'backup':>8}  {'now':>8}")
        for name, rows in summary.tables.items():
            line = f"  {name:<{width}}  {rows:>8}"
            if current is not None:
                line += f"  {current[name] if name in current else '-':>8}"
            self.stdout.write(line)
