from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, DatabaseError

from chitieu.ops.backups import BackupError, create_backup, format_size, silence_stdout


class Command(BaseCommand):
    help = (
        "Back up chitieu's database to FILE while chitieu keeps running: SQLite through its online backup "
        "API (checked with integrity_check), PostgreSQL through pg_dump --format=custom. The file appears "
        "only when complete."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup file to write")
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help=f"default: {DEFAULT_DB_ALIAS}")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"]).expanduser().absolute()
        try:
            summary = create_backup(path, force=options["force"], alias=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except (OSError, sqlite3.Error, DatabaseError) as exc:
            raise CommandError(str(BackupError(f"cannot back up to {path}: {exc}"))) from None
        try:
            self.stdout.write(
                f"chitieu backup: wrote {summary.path} ({format_size(summary.size)}, {len(summary.tables)} tables, "
                f"{summary.rows} rows) in {summary.seconds:.2f} s"
            )
        except BrokenPipeError:  # output piped into `head`
            silence_stdout()
