"""chitieu import FILE [--as USERNAME] [--dry-run]: check a filled template and write it, all or nothing."""

from __future__ import annotations

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from chitieu.imports.importer import import_workbook
from chitieu.imports.jobs import scope_for

BAR_WIDTH = 30
# Files with at least this many rows to write get a progress bar on stderr.
BAR_MIN_ROWS = 200


class Command(BaseCommand):
    help = (
        "Import results and targets from a filled chitieu template (.xlsx). Every cell is checked first; "
        "on any error nothing is written and the command exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx workbook")
        parser.add_argument(
            "--as",
            dest="as_user",
            metavar="USERNAME",
            help="the user the figures are entered as (required unless there is exactly one superuser)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check everything, including the save rules, but write nothing",
        )

    def _actor(self, username: str | None):
        User = get_user_model()
        if username:
            try:
                return User.objects.get(**{User.USERNAME_FIELD: username})
            except User.DoesNotExist:
                raise CommandError(_("There is no user “{name}”.").format(name=username)) from None
        supers = list(User.objects.filter(is_superuser=True, is_active=True)[:2])
        if len(supers) != 1:
            raise CommandError(_("Say who imports with --as USERNAME."))
        return supers[0]

    def handle(self, *args, **options):
        path = options["file"]
        if not os.path.isfile(path):
            raise CommandError(_("There is no file {path}.").format(path=path))
        actor = self._actor(options["as_user"])
        allowed_results, allowed_targets = scope_for(actor)
        err = self.stderr
        shown = [False]

        tty = err.isatty()
        last_step = [-1]

        def progress(done: int, total: int) -> None:
            if total < BAR_MIN_ROWS:
                return
            if tty:  # redraw in place every ten rows
                if done != total and done % 10:
                    return
            else:  # one line per tenth, so a log stays readable
                step = 10 * done // total
                if step == last_step[0]:
                    return
                last_step[0] = step
            filled = BAR_WIDTH * done // total
            bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
            err.write(f"\r{bar}" if tty else bar, ending="" if tty else "\n")
            err.flush()
            shown[0] = tty

        report = import_workbook(
            path,
            actor=actor,
            allowed_results=allowed_results,
            allowed_targets=allowed_targets,
            progress=progress,
            filename=os.path.basename(path),
            dry_run=options["dry_run"],
        )
        if shown[0]:
            err.write("")
        for issue in report.findings:  # soft validation findings: reported, never refusing the file
            err.write(_("finding") + f" {issue}")
        if report.errors:
            for issue in report.errors:
                err.write(str(issue))
            raise CommandError(report.summary(), returncode=1)
        self.stdout.write(report.summary())
