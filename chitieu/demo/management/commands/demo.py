from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from chitieu.demo.loader import DEMO_PASSWORD, DEMO_USERNAME, DemoError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: the five seed articles read through the extractor and the inbox's accept path, "
        "their conferences, and a draft report for each. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reports-dir",
            type=Path,
            default=None,
            help="where to write the draft reports (default $CHITIEU_HOME/demo-reports)",
        )

    def handle(self, *args, **options):
        out = options["reports_dir"] or Path(settings.CHITIEU_HOME) / "demo-reports"
        try:
            report = load_demo(reports_dir=out)
        except DemoError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"chitieu demo: {report.summary()}.")
        for path in report.reports:
            self.stdout.write(f"  draft report: {path}")
        self.stdout.write(f"Log in as “{DEMO_USERNAME}” with password “{DEMO_PASSWORD}” to enter figures.")
