from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from chitieu.demo.loader import DEMO_PASSWORD, DEMO_USERNAME, DemoError, default_articles, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: the five seed reviews (figures, targets, conferences, votes, limitations and "
        "tasks) from chitieu's own data, and a draft report for each. Where the seed articles are at hand "
        "(--articles, or CHITIEU_DEMO_ARTICLES), each is also filed in the document inbox with every "
        "figure linked to its place in the text. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reports-dir",
            type=Path,
            default=None,
            help="where to write the draft reports (default $CHITIEU_HOME/demo-reports)",
        )
        parser.add_argument(
            "--articles",
            type=Path,
            default=None,
            metavar="DIR",
            help="a folder holding the seed articles, to file them in the inbox and link every figure "
            "(default: CHITIEU_DEMO_ARTICLES when that folder exists)",
        )
        parser.add_argument(
            "--no-articles", action="store_true", help="load from chitieu's own data only, filing no article"
        )

    def handle(self, *args, **options):
        out = options["reports_dir"] or Path(settings.CHITIEU_HOME) / "demo-reports"
        articles = None if options["no_articles"] else (options["articles"] or default_articles())
        if options["articles"] is not None and not options["articles"].is_dir():
            raise CommandError(f"--articles {options['articles']}: not a folder")
        try:
            report = load_demo(reports_dir=out, articles=articles)
        except DemoError as exc:
            raise CommandError(str(exc)) from None
        for warning in report.warnings:
            self.stderr.write(f"chitieu demo: {warning}")
        self.stdout.write(f"chitieu demo: {report.summary()}.")
        if articles is not None:
            self.stdout.write(f"  articles filed in the inbox from {articles}")
        for path in report.reports:
            self.stdout.write(f"  draft report: {path}")
        self.stdout.write(f"Log in as “{DEMO_USERNAME}” with password “{DEMO_PASSWORD}” to enter figures.")
