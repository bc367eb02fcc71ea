"""The dashboard alone, in-process, on the database the settings point at (no pytest, no load).

    CHITIEU_HOME=/tmp/x .venv/bin/chitieu generate --provinces 3 --communes 300 --indicators 40 --months 12
    CHITIEU_HOME=/tmp/x .venv/bin/python bench/bench_dashboard.py [--requests 60] [--period 2026-06]
    DATABASE_URL=postgres://… .venv/bin/python bench/bench_dashboard.py

For the unit with the most units under it (or ``--unit CODE``) and the period with the most results
below it (or ``--period``), with and without its resolution: the selector alone
(``dashboard.province_dashboard``) and the whole page through Django's test ``Client`` (middleware, view,
template), p50 / p95 over ``--requests`` runs after a warm-up, with the number of cells and queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.settings")


def _ms(samples: list[float]) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return f"p50 {statistics.median(s) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--unit", help="unit code (default: the one with the most units under it)")
    p.add_argument("--period", help="period code (default: the one with the most results below)")
    p.add_argument("--requests", type=int, default=60)
    args = p.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    from chitieu.indicators.models import Resolution
    from chitieu.lib.periods import parse_period
    from chitieu.orgs.models import Unit
    from chitieu.reporting.dashboard import province_dashboard
    from chitieu.reporting.models import Rollup

    setup_test_environment()
    if args.unit:
        unit = Unit.objects.get(code=args.unit)
    else:
        top = (
            Unit.objects.filter(valid_to=None, parent__isnull=False)
            .annotate(n=Count("children"))
            .order_by("-n", "code")
            .first()
        )
        unit = top
    period = (
        args.period
        or (
            Rollup.objects.filter(unit=unit)
            .values("period")
            .annotate(n=Count("id"))
            .order_by("-n", "-period")
            .first()["period"]
        )
    )
    user = get_user_model().objects.filter(
        is_superuser=True
    ).first() or get_user_model().objects.create_superuser("bench-dashboard", "", "bench-dashboard-password")
    client = Client()
    client.force_login(user)
    resolution = Resolution.objects.filter(unit=unit).first()
    print(f"{connection.vendor}: {unit.code} ({unit.children.count()} units below), period {period}")
    for res in [None, resolution] if resolution else [None]:
        label = f"resolution {res.pk}" if res else "indicators reported"
        query = f"?period={period}" + (f"&resolution={res.pk}" if res else "")
        url = reverse("reporting:unit_dashboard", args=[unit.code]) + query
        p_obj = parse_period(period)
        for _ in range(5):
            board = province_dashboard(unit, p_obj, res)
            assert client.get(url).status_code == 200
        cells = len(board.children) * len(board.indicators)
        sel, page = [], []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            province_dashboard(unit, p_obj, res)
            sel.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            r = client.get(url)
            page.append(time.perf_counter() - t0)
            assert r.status_code == 200
        with CaptureQueriesContext(connection) as q:
            client.get(url)
        print(f"  {label}: {len(board.children)} rows × {len(board.indicators)} indicators = {cells} cells")
        print(f"    selector  {_ms(sel)}")
        print(f"    page      {_ms(page)}  ({len(q.captured_queries)} queries)")


if __name__ == "__main__":
    main()
