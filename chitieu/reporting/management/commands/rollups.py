import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chitieu.reporting.rollups import rebuild_all


class _Undo(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Recompute every roll-up from the results and repair the rows that differ (result_save keeps them "
        "up to date; this checks that, or repairs the table after a direct database change)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="report the rows that differ and change nothing; exit status 1 when some do",
        )

    def handle(self, *args, check: bool, **options):
        started = time.perf_counter()
        try:
            with transaction.atomic():
                done = rebuild_all()
                if check:
                    raise _Undo
        except _Undo:
            pass
        seconds = time.perf_counter() - started
        detail = f"{done.deleted} extra, {done.updated} wrong, {done.inserted} missing"
        if check and done.repaired:
            raise CommandError(f"chitieu rollups: {done.repaired} of {done.rows} rows differ ({detail})")
        verb = "checked" if check else ("repaired" if done.repaired else "checked, all correct:")
        self.stdout.write(f"chitieu rollups: {verb} {done.rows} rows ({detail}) in {seconds:.1f} s")
