from __future__ import annotations

import csv
import json

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from chitieu.access.scope import get_unit_for_user
from chitieu.lib.safecells import csv_row

from .selectors import audit_entries


def _entries(request):
    unit = None
    if request.GET.get("unit"):
        unit = get_unit_for_user(request.user, request.GET["unit"], "view")
    qs = audit_entries(
        request.user,
        unit=unit,
        object_type=request.GET.get("object_type", ""),
        object_id=request.GET.get("object_id", ""),
    )
    return qs, unit


def audit_list(request):
    qs, unit = _entries(request)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request, "audit/audit_list.html", {"page": page, "unit": unit, "query": request.GET.urlencode()}
    )


def audit_export(request):
    """The same entries as CSV (UTF-8 with BOM so Excel reads Vietnamese); text that begins like a
    formula gets a leading apostrophe (chitieu.lib.safecells)."""
    qs, unit = _entries(request)
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
