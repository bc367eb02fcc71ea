from __future__ import annotations

from django.shortcuts import render

from chitieu.access.scope import restrict, unit_ids_for
from chitieu.lib.periods import PeriodError, parse_any
from chitieu.orgs.models import Unit

from .forms import OverviewForm
from .selectors import overview_roots, unit_overview


def overview(request):
    """The home page: what is behind in the user's subtree for a period, each item a link."""
    roots = overview_roots(request.user)
    form = OverviewForm(request.GET or None, units=restrict(Unit.objects.all(), request.user, field="pk"))
    unit = roots[0] if roots else None
    period = None
    if form.is_bound and form.is_valid():
        unit = form.cleaned_data["unit"] or unit
    if request.GET.get("period"):
        try:
            period = parse_any(request.GET["period"])
        except PeriodError:
            form.add_error(None, form.period_message(request.GET["period"]))
    ov = unit_overview(request.user, unit, period) if unit else None
    form.suggest(roots)
    return render(
        request,
        "overview/overview.html",
        {
            "ov": ov,
            "roots": roots,
            "form": form,
            "nothing_at_all": unit is None and unit_ids_for(request.user, "view") is None,
        },
    )
