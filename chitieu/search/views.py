from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chitieu.access.scope import get_unit_for_user
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_subquery

from .fields import unit_options_html
from .selectors import indicators_matching, units_matching


def search(request):
    """Units and indicators by name or code, diacritics and case ignored ("vinh hung")."""
    q = request.GET.get("q", "").strip()[:100]
    units = units_matching(request.user, q, limit=50) if q else []
    indicators = indicators_matching(q, limit=50) if q else []
    return render(
        request,
        "search/search.html",
        {"search_query": q, "units": units, "indicators": indicators},
    )


def unit_options(request):
    """The <option>s of a unit picker for what has been typed (htmx refills its datalist)."""
    field = request.GET.get("field", "unit")
    q = request.GET.get(field, "").strip()[:100]
    queryset = None
    scope = request.GET.get("scope", "")
    if scope.startswith("under:"):
        root = get_unit_for_user(request.user, scope.removeprefix("under:"), "view")
        queryset = Unit.objects.filter(pk__in=unit_subtree_subquery(root.pk))
    units = units_matching(request.user, q, limit=20, queryset=queryset) if q else []
    return HttpResponse(unit_options_html(units))
