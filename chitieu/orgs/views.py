from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from chitieu.indicators.models import Resolution, Target
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.reporting.models import Result
from chitieu.reporting.selectors import progress_table
from chitieu.reporting.services import window_rule_for

from .models import Unit
from .selectors import former_units_tree, unit_ancestors, unit_children, unit_tree


def _parse_day(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def home(request):
    on = _parse_day(request.GET.get("on"))
    rows = unit_tree(on=on)
    return render(
        request,
        "orgs/home.html",
        {
            "rows": rows,
            "former": former_units_tree() if on is None else [],
            "on": on or timezone.localdate(),
            "bad_date": bool(request.GET.get("on")) and on is None,
        },
    )


def unit_periods(unit: Unit) -> list[str]:
    """Periods for which the unit has results, newest first."""
    codes = set(Result.objects.filter(unit=unit).values_list("period", flat=True).distinct())
    return sorted(codes, key=lambda c: parse_period(c).sort_key, reverse=True)


def unit_detail(request, code: str):
    unit = get_object_or_404(Unit, code=code)
    periods = unit_periods(unit)
    raw = request.GET.get("period") or (periods[0] if periods else "")
    period = None
    period_error = ""
    if raw:
        try:
            period = parse_period(raw)
        except PeriodError:
            period_error = raw
    resolutions = list(
        Resolution.objects.filter(
            Q(unit=unit) | Q(pk__in=Target.objects.filter(unit=unit).values("resolution"))
        )
        .select_related("term")
        .distinct()
    )
    resolution = None
    if request.GET.get("resolution"):
        try:
            resolution = next(r for r in resolutions if str(r.pk) == request.GET["resolution"])
        except StopIteration:
            raise Http404 from None
    groups = progress_table(unit, period, resolution=resolution) if period else []
    ctx = {
        "unit": unit,
        "ancestors": unit_ancestors(unit),
        "children": unit_children(unit),
        "former_children": [c for c in unit.children.all() if c.valid_to is not None],
        "periods": periods,
        "period": period,
        "period_error": period_error,
        "resolutions": resolutions,
        "resolution": resolution,
        "groups": groups,
        "window_rule": window_rule_for(unit),
        "predecessors": [e.predecessor for e in unit.predecessor_edges.select_related("predecessor")],
        "successors": [e.successor for e in unit.successor_edges.select_related("successor")],
    }
    template = "orgs/_progress.html" if request.htmx else "orgs/unit_detail.html"
    return render(request, template, ctx)
