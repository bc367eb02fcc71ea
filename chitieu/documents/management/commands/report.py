from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chitieu.documents import render_appendix_xlsx, render_report_docx
from chitieu.documents.builder import ReportError, build_report
from chitieu.indicators.models import Resolution
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.meetings.models import Conference
from chitieu.orgs.models import Unit


class Command(BaseCommand):
    help = (
        "Write the draft report of a unit for a resolution and a period as .docx "
        "(Party format by default, --family state for the People's Committee format)."
    )

    def add_arguments(self, parser):
        parser.add_argument("unit", help="unit code, e.g. kinh-mon")
        parser.add_argument("resolution", help="resolution id, or its number and symbol (28-NQ/HU)")
        parser.add_argument("period", help="period code, e.g. 2022-H1")
        parser.add_argument("--out", type=Path, required=True, help="the .docx file to write")
        parser.add_argument("--family", choices=["party", "state"], default="party")
        parser.add_argument("--conference", type=int, help="conference id (its limitations and tasks)")
        parser.add_argument("--xlsx", type=Path, help="also write the appendix as .xlsx here")
        parser.add_argument(
            "--with-personnel",
            action="store_true",
            help="include personnel votes (only for readers allowed to see personnel matters)",
        )

    def handle(
        self, *args, unit, resolution, period, out, family, conference, xlsx, with_personnel, **options
    ):
        u = Unit.objects.filter(code=unit).first()
        if u is None:
            raise CommandError(f"no unit has the code “{unit}”")
        res = Resolution.objects.filter(unit=u, number=resolution).first()
        if res is None and resolution.isdigit():
            res = Resolution.objects.filter(pk=int(resolution)).first()
        if res is None:
            raise CommandError(f"no resolution “{resolution}” for {u.name}")
        try:
            p = parse_period(period)
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        conf = None
        if conference is not None:
            conf = Conference.objects.filter(pk=conference, unit=u).first()
            if conf is None:
                raise CommandError(f"no conference {conference} of {u.name}")
        else:
            conf = Conference.objects.filter(unit=u, period=p.code).order_by("-date").first()
        if out.suffix.lower() != ".docx":
            raise CommandError(f"{out}: the report is a Word file; name it .docx")
        try:
            ctx = build_report(
                unit=u,
                resolution=res,
                period=p.code,
                family=family,
                conference=conf,
                show_personnel=with_personnel,
            )
        except ReportError as exc:
            raise CommandError(str(exc)) from None
        out.parent.mkdir(parents=True, exist_ok=True)
        render_report_docx(ctx, out)
        self.stdout.write(f"chitieu report: wrote {out}")
        if xlsx is not None:
            render_appendix_xlsx(ctx, xlsx)
            self.stdout.write(f"chitieu report: wrote {xlsx}")
