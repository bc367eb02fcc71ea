from __future__ import annotations

import csv
import json

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from chitieu.access.scope import check
from chitieu.lib.safecells import csv_row

from . import filters
from .context import DEMO_REQUEST_ID
from .filters import AuditFilterForm
from .presentation import describe
from .selectors import audit_entries


def _scoped(request):
    """The entries the user may read, newest first: the one selector the list and its CSV share
    (it leaves out other units' entries and the personnel votes the user may not see)."""
    return audit_entries(request.user).select_related("actor")


def _entries(request):
    """The readable entries narrowed by the page's filters (presentation only: the scope is above)."""
    scoped = _scoped(request)
    form = AuditFilterForm(request.GET, people=filters.people(scoped))
    valid = form.is_valid()
    unit = form.cleaned_data.get("unit")
    if unit is not None:
        check(request.user, "view", unit)  # a unit the user may not see is not found (404)
    return filters.apply(scoped, form.cleaned_data), unit, form, valid


def audit_list(request):
    qs, unit, form, valid = _entries(request)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    sample_hidden = 0
    if not form.cleaned_data.get("sample"):
        sample_hidden = (
            filters.apply(_scoped(request), form.cleaned_data | {"sample": True})
            .filter(request_id=DEMO_REQUEST_ID)
            .count()
        )
    query = request.GET.copy()
    query.pop("page", None)
    with_sample = query.copy()
    with_sample["sample"] = "on"
    return render(
        request,
        "audit/audit_list.html",
        {
            "page": page,
            "rows": describe(page.object_list),
            "unit": unit,
            "form": form,
            "query": query.urlencode(),
            "sample_hidden": sample_hidden,
            "sample_query": with_sample.urlencode(),
        },
        status=200 if valid else 400,
    )


def audit_export(request):
    """The same entries as CSV (UTF-8 with BOM so Excel reads Vietnamese); text that begins like a
    formula gets a leading apostrophe (chitieu.lib.safecells)."""
    qs, _unit, _form, _valid = _entries(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="nhat-ky-thay-doi.csv"'
    response.write("\ufeff")
    w = csv.writer(response)
    w.writerow(
        [  # the header
            "at",
            "actor",
            "action",
            "object_type",
            "object_id",
            "object",
            "unit",
            "reason",
            "ip",
            "request_id",
            "before",
            "after",
        ]
    )
    for e in qs.iterator():
        w.writerow(
            csv_row(
                [
                    e.at.isoformat(),
                    e.actor_name,
                    e.action,
                    e.object_type,
                    e.object_id,
                    e.object_repr,
                    e.unit.code if e.unit else "",
                    e.reason,
                    e.ip or "",
                    e.request_id,
                    json.dumps(e.before, ensure_ascii=False),
                    json.dumps(e.after, ensure_ascii=False),
                ]
            )
        )
    return response
