from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.access.scope import check, get_unit_for_user, restrict
from chitieu.i18n import current_lang
from chitieu.lib.periods import PeriodError, PeriodKind, parse_period, periods_in_year
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_children, unit_subtree_subquery
from chitieu.reporting.models import Result
from chitieu.reporting.selectors import indicator_history
from chitieu.reporting.services import target_save

from . import charts
from .choices import BASIS_ORDER, Basis, Measure
from .forms import TargetRowForm, UnitPickForm
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
    form = UnitPickForm(request.GET or None, units=restrict(Unit.objects.all(), request.user, field="pk"))
    form.fields["unit"].suggest(units)
    unit = units[0] if units else None
    raw = request.GET.get("unit", "").strip()
    if raw and Unit.objects.filter(code=raw).exists():
        unit = get_unit_for_user(request.user, raw, "view")  # a link's code: 404 outside one's units
    elif form.is_bound and form.is_valid() and form.cleaned_data["unit"] is not None:
        unit = form.cleaned_data["unit"]
    elif form.is_bound and not form.is_valid():
        unit = None
    history = indicator_history(indicator, unit) if unit else []
    targets = (
        list(Target.objects.filter(indicator=indicator, unit=unit).order_by("period", "basis"))
        if unit
        else []
    )
    chart = _chart(history, targets, indicator, request.GET.get("freq"))
    if chart is not None:
        chart.frequency_links = [
            {
                "label": FREQUENCY_LABELS[k],
                "current": k is chart.frequency,
                "query": urlencode({"unit": unit.code, "freq": k.value}),
            }
            for k in chart.frequencies
        ]
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "form": form,
            "unit": unit,
            "history": history,
            "targets": targets,
            "chart": chart,
            "chart_title": _("{indicator} in {unit}, {frequency}").format(
                indicator=indicator.name, unit=unit.name, frequency=FREQUENCY_LABELS[chart.frequency]
            )
            if chart
            else "",
        },
    )


FREQUENCY_LABELS = {
    PeriodKind.YEAR: gettext_lazy("by year"),
    PeriodKind.HALF: gettext_lazy("by half year"),
    PeriodKind.QUARTER: gettext_lazy("by quarter"),
    PeriodKind.NINE_MONTHS: gettext_lazy("first nine months"),
    PeriodKind.MONTH: gettext_lazy("by month"),
    PeriodKind.TERM: gettext_lazy("by term"),
}


def _chart(history, targets, indicator: Indicator, freq: str | None):
    """The history chart of one frequency (see charts.py), from the rows the page already holds."""
    lang = current_lang()
    points = []
    for r in history:
        p = charts.parse_or_none(r.period)
        if p is not None:
            points.append(
                charts.Point(
                    p, r.value, estimate=r.status == "estimate", rebuilt=getattr(r, "rebuilt", False)
                )
            )
    marks = []
    basis_labels = dict(Basis.choices)
    for t in targets:
        p = charts.parse_or_none(t.period)
        if p is not None and t.value is not None:
            marks.append(
                charts.TargetMark(
                    p, t.value, t.basis, t.basis_label or str(basis_labels.get(t.basis, t.basis))
                )
            )
    try:
        frequency = PeriodKind(freq) if freq else None
    except ValueError:
        frequency = None
    return charts.history_chart(
        points, marks, frequency=frequency, lang=lang, flow=indicator.measure == Measure.FLOW
    )


def resolution_detail(request, pk: int):
    resolution = get_object_or_404(Resolution.objects.select_related("unit", "term"), pk=pk)
    check(request.user, "view", resolution.unit)
    targets = (
        Target.objects.filter(resolution=resolution)
        .select_related("indicator__measure_unit", "unit")
        .prefetch_related("amendments__amendment")
        .order_by("number", "indicator__field", "indicator__sort_order", "period", "basis")
    )
    from chitieu.reporting.selectors import resolution_scorecard

    periods = sorted(
        set(Result.objects.filter(unit=resolution.unit).values_list("period", flat=True)),
        key=lambda c: parse_period(c).sort_key,
        reverse=True,
    )
    covered = resolution.period_code
    periods = [c for c in periods if not covered or parse_period(covered).contains(parse_period(c))]
    period = None
    raw = request.GET.get("period") or (periods[0] if periods else "")
    if raw:
        try:
            period = parse_period(raw)
        except PeriodError:
            raise Http404 from None
    card = resolution_scorecard(resolution, period) if period else None
    return render(
        request,
        "indicators/resolution_detail.html",
        {
            "resolution": resolution,
            "targets": targets,
            "amendments": resolution.amendments.prefetch_related("changes__target__indicator"),
            "card": card,
            "period": period,
            "periods": periods,
        },
    )


def _target_periods(unit: Unit, resolution: Resolution) -> list:
    """What a target's period field offers: the resolution's own period and the periods inside it
    (a term's years, a year's halves and quarters), else the unit's reportable ones."""
    from chitieu.reporting.calendar import unit_reportable_periods

    if resolution.period_code:
        own = parse_period(resolution.period_code)
        years = range(own.year, (own.end_year or own.year) + 1)
        inside = [p for y in years for p in periods_in_year(y) if p.kind in _TARGET_KINDS]
        return [own, *sorted(inside, key=lambda p: p.sort_key, reverse=True)]
    return unit_reportable_periods(unit)


_TARGET_KINDS = {PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.NINE_MONTHS}


def targets_edit(request, pk: int):
    """Enter or correct a resolution's targets for its unit, one row per indicator and basis."""
    resolution = get_object_or_404(Resolution.objects.select_related("unit", "term"), pk=pk)
    check(request.user, "manage", resolution.unit)
    unit = resolution.unit
    period = resolution.period_code
    existing = list(Target.objects.filter(resolution=resolution).select_related("indicator", "unit"))
    indicators = list(
        Indicator.objects.select_related("measure_unit").order_by("field", "sort_order", "code")
    )
    # One row per stored target (a resolution may set targets for the units below its own).
    existing.sort(key=lambda t: (t.unit_id != unit.pk, t.unit.name, t.indicator.sort_order, t.basis))
    rows = [(f"t{t.pk}", t) for t in existing]
    extra = 3
    units = Unit.objects.filter(pk__in=unit_subtree_subquery(unit.pk))
    suggestions = [unit, *unit_children(unit)]
    offered = _target_periods(unit, resolution)
    row_kwargs = {
        "indicators": indicators,
        "default_period": period,
        "units": units,
        "default_unit": unit,
        "periods": offered,
    }
    data = request.POST if request.method == "POST" else None
    forms_ = [
        TargetRowForm(data, prefix=p, instance=None if data is not None else t, **row_kwargs) for p, t in rows
    ] + [TargetRowForm(data, prefix=f"new{i}", required=False, **row_kwargs) for i in range(extra)]
    for f in forms_:
        f.fields["unit"].suggest(suggestions)
        f.fields["unit"].widget.scope = f"under:{unit.code}"
    if data is not None and all(f.is_valid() for f in forms_):
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
                            unit=cd["unit"] or unit,
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
