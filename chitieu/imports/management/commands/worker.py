"""chitieu worker [--once]: run the queued spreadsheet imports (see chitieu/imports/worker.py)."""

import signal

from django.core.management.base import BaseCommand

from chitieu.imports.worker import Stop, work


class Command(BaseCommand):
    help = (
        "Run the spreadsheet imports queued by the web page, one at a time, each in a child process "
        "with a time and memory limit; a job that dies is marked failed with the reason. "
        "`chitieu serve` starts one; start more (here or on other machines) to import in parallel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run the jobs queued now, then exit")
        parser.add_argument(
            "--parent", type=int, default=None, help="exit when this process (the server) is gone"
        )
        parser.add_argument("--poll", type=float, default=1.0, help="seconds between looks for new jobs")

    def handle(self, *args, once, parent, poll, **options):
        stop = Stop()
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        ran = work(once=once, parent=parent, poll=poll, stop=stop)
        if once or options["verbosity"] > 1:
            self.stdout.write(f"chitieu worker: {ran} import(s) run")
