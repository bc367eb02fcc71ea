import re
import time

from django.core.management.base import BaseCommand, CommandError

from chitieu.synth.load import GenerateError, load
from chitieu.synth.plan import make_plan


def _month(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise CommandError(f"--end must be a month such as 2026-06, not {text!r}")
    return int(m[1]), int(m[2])


class Command(BaseCommand):
    help = (
        "Generate a synthetic national data set (provinces, communes, indicators, monthly/quarterly/annual "
        "results, annual targets, one resolution per province) straight into the database, then rebuild "
        "the roll-ups. Deterministic for a seed. For load tests and benchmarks, not for production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=int, default=34)
        parser.add_argument(
            "--communes", type=int, default=3321, help="communes, wards and special zones in all"
        )
        parser.add_argument("--indicators", type=int, default=300)
        parser.add_argument("--months", type=int, default=24, help="months of results, ending at --end")
        parser.add_argument("--end", default="2026-06", help="last month of results (default 2026-06)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--resolution-indicators", type=int, default=40, help="indicators in each province's resolution"
        )
        parser.add_argument("--missing", type=float, default=0.03, help="share of figures not reported")
        parser.add_argument(
            "--predecessors",
            type=float,
            default=3.1,
            help="old communes per new commune on average (the country before 1 July 2025, linked by "
            "lineage, reports the periods that ended before then); 0: no old units, new ones report "
            "only from their first period",
        )
        parser.add_argument(
            "--replace", action="store_true", help="delete data an earlier run generated, then generate"
        )

    def handle(self, *args, **o):
        if o["predecessors"] < 0:
            raise CommandError("--predecessors must not be negative")
        if not 0 <= o["missing"] < 1:
            raise CommandError("--missing must lie in [0, 1)")
        if o["communes"] < o["provinces"]:
            raise CommandError("--communes must be at least --provinces (every province has a commune)")
        if min(o["provinces"], o["indicators"], o["months"]) < 1 or o["resolution_indicators"] < 0:
            raise CommandError("--provinces, --indicators and --months must be at least 1")
        t0 = time.perf_counter()
        plan = make_plan(
            seed=o["seed"],
            provinces=o["provinces"],
            communes=o["communes"],
            indicators=o["indicators"],
            months=o["months"],
            end=_month(o["end"]),
            resolution_indicators=o["resolution_indicators"],
            missing=o["missing"],
            predecessors=o["predecessors"],
        )
        first, last = plan.periods[0].code, plan.periods[-1].code
        self.stdout.write(
            f"chitieu generate: seed {o['seed']}, {o['provinces']} provinces, {o['communes']} communes, "
            f"{o['indicators']} indicators, {o['months']} months ({first} … {last})"
        )
        try:
            report = load(plan, replace=o["replace"], log=self.stdout.write)
        except GenerateError as exc:
            raise CommandError(str(exc)) from None
        if report.removed:
            gone = ", ".join(f"{n} {t}" for t, n in sorted(report.removed.items()))
            self.stdout.write(f"removed earlier generated rows: {gone}")
        c = report.counts
        slots = c["results"] + c["missing"]
        self.stdout.write(
            f"created {c['units']} units, {c['indicators']} indicators, {c['resolutions']} resolutions, "
            f"{c['targets']} targets, {c['results']} results ({c['missing']} of {slots} not reported, "
            f"{100 * c['missing'] / max(1, slots):.1f}%), {c['rollups']} roll-up rows"
        )
        for label, counter in report.details.items():
            self.stdout.write(f"  {label}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))
        elapsed = time.perf_counter() - t0
        self.stdout.write(
            f"done in {elapsed:.1f} s ({c['results'] / max(elapsed, 1e-9):,.0f} results/s overall)"
        )
