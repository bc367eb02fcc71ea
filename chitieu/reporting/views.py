from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from chitieu.indicators.models import Indicator, Target
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.orgs.models import Unit

from .forms import ResultRowForm
from .models import Result
from .services import result_save


@login_required
def results_edit(request, code: str, period: str):
    """Enter or correct one unit's results for one period; all rows are saved or none."""
    unit = get_object_or_404(Unit, code=code)
    try:
        p = parse_period(period)
    except PeriodError:
        raise Http404(_("No such period.")) from None
    applicable = [p.code] + (
        [p.year_period().code] if p.year_period() and p.year_period().code != p.code else []
    )
    prev = p.same_period_last_year()
    ind_ids = set(Target.objects.filter(unit=unit, period__in=applicable).values_list("indicator", flat=True))
    ind_ids |= set(
        Result.objects.filter(unit=unit, period__in=[p.code] + ([prev.code] if prev else [])).values_list(
            "indicator", flat=True
        )
    )
    add_code = request.GET.get("add") or request.POST.get("add")
    if add_code:
        ind_ids |= set(Indicator.objects.filter(code=add_code).values_list("pk", flat=True))
    indicators = list(
        Indicator.objects.filter(pk__in=ind_ids)
        .select_related("measure_unit")
        .order_by("field", "sort_order", "code")
    )
    existing = {r.indicator_id: r for r in Result.objects.filter(unit=unit, period=p.code)}
    if request.method == "POST":
        rows = [
            (ind, ResultRowForm(request.POST, prefix=ind.code, indicator=ind, result=existing.get(ind.pk)))
            for ind in indicators
        ]
        if all(f.is_valid() for _i, f in rows):
            try:
                with transaction.atomic():
                    saved = 0
                    for ind, f in rows:
                        if not f.changed_row():
                            continue
                        cd = f.cleaned_data
                        try:
                            result_save(
                                actor=request.user,
                                indicator=ind,
                                unit=unit,
                                period=p.code,
                                value=cd["value"],
                                numerator=cd["numerator"],
                                denominator=cd["denominator"],
                                status=cd["status"],
                                note=cd["note"] or "",
                                expected_version=cd.get("version"),
                            )
                            saved += 1
                        except ValidationError as exc:
                            f.add_service_errors(exc)
                            raise
                messages.success(request, _("{n} results saved.").format(n=saved))
                return redirect(f"{unit_url(unit)}?period={p.code}")
            except ValidationError:
                pass
        messages.error(request, _("Nothing was saved: correct the marked fields."))
        status = 400
    else:
        rows = [
            (ind, ResultRowForm(prefix=ind.code, indicator=ind, result=existing.get(ind.pk)))
            for ind in indicators
        ]
        status = 200
    others = (
        Indicator.objects.exclude(pk__in=ind_ids).filter(~Q(aggregation="count_meeting")).order_by("name")
    )
    return render(
        request,
        "reporting/results_edit.html",
        {"unit": unit, "period": p, "rows": rows, "others": others},
        status=status,
    )


def unit_url(unit: Unit) -> str:
    from django.urls import reverse

    return reverse("unit_detail", args=[unit.code])
