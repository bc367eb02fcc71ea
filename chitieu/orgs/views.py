from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.utils import timezone

from chitieu.access.scope import unit_ids_for

from .selectors import TreeRow, former_units_tree, unit_tree


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


def tree(request):
    on = _parse_day(request.GET.get("on"))
    ids = unit_ids_for(request.user, "view")
    return render(
        request,
        "orgs/tree.html",
        {
            "rows": _scoped(unit_tree(on=on), ids),
            "former": _scoped(former_units_tree(), ids) if on is None else [],
            "on": on or timezone.localdate(),
            "bad_date": bool(request.GET.get("on")) and on is None,
        },
    )
