from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from chitieu.access.scope import can, get_unit_for_user, unit_ids_for
from chitieu.indicators.models import Resolution, Target
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.reporting.models import Result, SubmissionStatus
from chitieu.reporting.selectors import progress_table
from chitieu.reporting.services import window_rule_for
from chitieu.reporting.workflow import children_status, submission_of

from .models import Unit
from .selectors import TreeRow, former_units_tree, unit_ancestors, unit_children, unit_tree


def _parse_day(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def _scoped(rows: list[TreeRow], ids: set[int] | None) -> list[TreeRow]:
    """Only the units the user may see; a visible unit whose parent is hidden becomes a root."""
    if ids is None:
        return rows
    out, base = [], None
    for r in rows:
        if r.unit.pk not in ids:
            base = None
            continue
        if base is None or r.depth <= base[1]:
            base = (r, r.depth)
        out.append(TreeRow(r.unit, r.depth - base[1], r.name))
    return out


def home(request):
    on = _parse_day(request.GET.get("on"))
    ids = unit_ids_for(request.user, "view")
    return render(
        request,
        "orgs/home.html",
        {
            "rows": _scoped(unit_tree(on=on), ids),
            "former": _scoped(former_units_tree(), ids) if on is None else [],
            "on": on or timezone.localdate(),
            "bad_date": bool(request.GET.get("on")) and on is None,
        },
    )


def unit_periods(unit: Unit) -> list[str]:
    """Periods for which the unit has results, newest first."""
    codes = set(Result.objects.filter(unit=unit).values_list("period", flat=True).distinct())
    return sorted(codes, key=lambda c: parse_period(c).sort_key, reverse=True)


def unit_detail(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
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
        resolution = next((r for r in resolutions if str(r.pk) == request.GET["resolution"]), None)
        if resolution is None:
            raise Http404
    groups = progress_table(unit, period, resolution=resolution) if period else []
    sub = submission_of(unit, period.code) if period else None
    status = sub.status if sub else SubmissionStatus.DRAFT
    ctx = {
        "unit": unit,
        "ancestors": [a for a in unit_ancestors(unit) if can(request.user, "view", a)],
        "children": unit_children(unit),
        "periods": periods,
        "period": period,
        "period_error": period_error,
        "resolutions": resolutions,
        "resolution": resolution,
        "groups": groups,
        "unapproved": period is not None and status != SubmissionStatus.APPROVED and bool(groups),
        "window_rule": window_rule_for(unit),
        "predecessors": [e.predecessor for e in unit.predecessor_edges.select_related("predecessor")],
        "successors": [e.successor for e in unit.successor_edges.select_related("successor")],
        "submission": sub,
        "submission_status": status,
        "submission_label": dict(SubmissionStatus.choices)[status],
        "children_status": children_status(unit, period.code, on=min(period.end, unit.valid_to or period.end))
        if period and unit.children.exists()
        else None,
        "may_enter": can(request.user, "enter_results", unit),
        "may_approve": can(request.user, "approve", unit),
        "may_manage": can(request.user, "manage", unit),
    }
    template = "orgs/_progress.html" if request.htmx else "orgs/unit_detail.html"
    return render(request, template, ctx)
