from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from chitieu.access.scope import check, get_unit_for_user, restrict
from chitieu.lib.periods import parse_period
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result
from chitieu.reporting.selectors import indicator_history
from chitieu.reporting.services import target_save

from .choices import BASIS_ORDER
from .forms import TargetRowForm
from .models import Indicator, Resolution, Target


def indicator_list(request):
    indicators = Indicator.objects.select_related("measure_unit", "parent").order_by(
        "field", "sort_order", "code"
    )
    return render(request, "indicators/indicator_list.html", {"indicators": indicators})


def indicator_detail(request, code: str):
    indicator = get_object_or_404(Indicator.objects.select_related("measure_unit"), code=code)
    unit_ids = restrict(Result.objects.filter(indicator=indicator), request.user).values_list(
        "unit", flat=True
    )
    units = list(Unit.objects.filter(pk__in=unit_ids.distinct()).order_by("name"))
    unit = None
    if request.GET.get("unit"):
        unit = get_unit_for_user(request.user, request.GET["unit"], "view")
    elif units:
        unit = units[0]
    history = indicator_history(indicator, unit) if unit else []
    targets = (
        list(Target.objects.filter(indicator=indicator, unit=unit).order_by("period", "basis"))
        if unit
        else []
    )
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "units": units,
            "unit": unit,
            "history": history,
            "targets": targets,
            "chart": _chart(history, indicator),
        },
    )


def _chart(history: list[Result], indicator: Indicator) -> dict | None:
    """Bar-chart geometry for an inline SVG (no JavaScript needed)."""
    points = [r for r in history if r.value is not None]
    if not points:
        return None
    top = max(abs(r.value) for r in points) or 1
    width, height, bar_gap = 640, 220, 12
    bar = max(12, min(80, (width - 40) // max(1, len(points)) - bar_gap))
    bars = []
    for i, r in enumerate(points):
        h = float(abs(r.value) / top) * (height - 50)
        x = 30 + i * (bar + bar_gap)
        bars.append({"x": x, "y": height - 25 - h, "h": h, "w": bar, "result": r, "label_x": x + bar / 2})
    return {"width": max(width, 40 + len(points) * (bar + bar_gap)), "height": height, "bars": bars}


def resolution_detail(request, pk: int):
    resolution = get_object_or_404(Resolution.objects.select_related("unit", "term"), pk=pk)
    check(request.user, "view", resolution.unit)
    targets = (
        Target.objects.filter(resolution=resolution)
        .select_related("indicator__measure_unit", "unit")
        .order_by("indicator__field", "indicator__sort_order", "period", "basis")
    )
    return render(
        request, "indicators/resolution_detail.html", {"resolution": resolution, "targets": targets}
    )


def targets_edit(request, pk: int):
    """Enter or correct a resolution's targets for its unit, one row per indicator and basis."""
    resolution = get_object_or_404(Resolution.objects.select_related("unit", "term"), pk=pk)
    check(request.user, "manage", resolution.unit)
    unit = resolution.unit
    period = resolution.period_code
    existing = {
        (t.indicator_id, t.basis): t
        for t in Target.objects.filter(resolution=resolution).select_related("indicator")
    }
    indicators = list(
        Indicator.objects.select_related("measure_unit").order_by("field", "sort_order", "code")
    )
    rows = []
    for (_ind_id, _basis), t in sorted(
        existing.items(), key=lambda kv: (kv[1].indicator.sort_order, kv[0][1])
    ):
        rows.append((f"t{t.pk}", t))
    extra = 3
    if request.method == "POST":
        forms_ = [
            TargetRowForm(request.POST, prefix=p, indicators=indicators, default_period=period)
            for p, _t in rows
        ] + [
            TargetRowForm(
                request.POST, prefix=f"new{i}", indicators=indicators, default_period=period, required=False
            )
            for i in range(extra)
        ]
        if all(f.is_valid() for f in forms_):
            try:
                with transaction.atomic():
                    saved = 0
                    for f in forms_:
                        if not f.has_data():
                            continue
                        cd = f.cleaned_data
                        try:
                            target_save(
                                actor=request.user,
                                indicator=cd["indicator"],
                                unit=unit,
                                period=cd["period"],
                                basis=cd["basis"],
                                value=cd["value"],
                                kind=cd["kind"],
                                resolution=resolution,
                                basis_label=cd["basis_label"],
                                note=cd["note"],
                            )
                            saved += 1
                        except ValidationError as exc:
                            f.add_service_errors(exc)
                            raise
                messages.success(request, _("{n} targets saved.").format(n=saved))
                return redirect("indicators:resolution_detail", pk=resolution.pk)
            except ValidationError:
                pass
    else:
        forms_ = [
            TargetRowForm(prefix=p, indicators=indicators, default_period=period, instance=t) for p, t in rows
        ] + [
            TargetRowForm(prefix=f"new{i}", indicators=indicators, default_period=period, required=False)
            for i in range(extra)
        ]
    return render(
        request,
        "indicators/targets_edit.html",
        {
            "resolution": resolution,
            "forms": forms_,
            "bases": BASIS_ORDER,
            "period": parse_period(period) if period else None,
        },
        status=400 if request.method == "POST" else 200,
    )
