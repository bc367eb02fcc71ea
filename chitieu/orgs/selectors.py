"""Reads over the unit tree: subtrees and ancestors by recursive CTE, the tree on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import Unit, UnitName

_SUBTREE_SQL = """
WITH RECURSIVE sub(id, depth) AS (
    SELECT id, 0 FROM orgs_unit WHERE id = %s
    UNION ALL
    SELECT u.id, sub.depth + 1 FROM orgs_unit u JOIN sub ON u.parent_id = sub.id
    {date_filter}
)
SELECT id, depth FROM sub
"""

# A unit and its ancestors, as up(id, parent_id, depth); depth 0 is the unit (parameter: its id).
UP_CTE = """
WITH RECURSIVE up(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM orgs_unit WHERE id = %s
    UNION ALL
    SELECT u.id, u.parent_id, up.depth + 1 FROM orgs_unit u JOIN up ON u.id = up.parent_id
)
"""
_ANCESTORS_SQL = UP_CTE + "SELECT id FROM up WHERE depth > 0 ORDER BY depth DESC"


def unit_subtree_ids(unit_id: int, *, on: dt.date | None = None, include_self: bool = True) -> list[int]:
    """Ids of a unit and everything below it (optionally only units existing on a date)."""
    params: list = [unit_id]
    date_filter = ""
    if on is not None:
        date_filter = "WHERE u.valid_from <= %s AND (u.valid_to IS NULL OR u.valid_to > %s)"
        params += [on, on]
    with connection.cursor() as cur:
        cur.execute(_SUBTREE_SQL.format(date_filter=date_filter), params)
        rows = cur.fetchall()
    return [r[0] for r in rows if include_self or r[1] > 0]


_SUBTREE_SUBQUERY = (
    "WITH RECURSIVE sub(id) AS (SELECT id FROM orgs_unit WHERE id = %s UNION ALL "
    "SELECT u.id FROM orgs_unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub"
)


def unit_subtree_subquery(unit_id: int) -> RawSQL:
    """A unit's subtree as a subquery for ``field__in=``: a province's thousands of ids written as an
    IN list cost Django tens of milliseconds to compile into every query that used them."""
    return RawSQL(_SUBTREE_SUBQUERY, [unit_id])


def unit_ancestor_ids(unit_id: int) -> list[int]:
    """Ids of a unit's ancestors, nearest first, in one query."""
    with connection.cursor() as cur:
        cur.execute(_ANCESTORS_SQL, [unit_id])
        return [r[0] for r in cur.fetchall()][::-1]


def unit_ancestors(unit: Unit) -> list[Unit]:
    """Ancestors from the root down to the unit's parent."""
    ids = unit_ancestor_ids(unit.pk)[::-1]
    by_id = Unit.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def units_existing_on(day: dt.date) -> QuerySet[Unit]:
    return Unit.objects.filter(Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day)))


def unit_children(unit: Unit, *, on: dt.date | None = None) -> list[Unit]:
    qs = unit.children.all()
    if on is not None:
        qs = qs.filter(Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gt=on)))
    return list(qs.order_by("kind", "name"))


def unit_name_on(unit: Unit, day: dt.date) -> str:
    for old in unit.names.all():
        if old.valid_from <= day < old.valid_to:
            return old.name
    return unit.name


@dataclass
class TreeRow:
    unit: Unit
    depth: int
    name: str


def unit_tree(*, on: dt.date | None = None) -> list[TreeRow]:
    """The whole tree as it stood on a date (today when None), depth-first, names as they were then."""
    day = on or dt.date.today()
    names = {old.unit_id: old.name for old in UnitName.objects.filter(valid_from__lte=day, valid_to__gt=day)}
    return _as_tree(list(units_existing_on(day)), names)


def former_units_tree(*, today: dt.date | None = None) -> list[TreeRow]:
    """Units that no longer exist (dissolved, merged), as the tree they formed."""
    day = today or dt.date.today()
    return _as_tree(list(Unit.objects.filter(valid_to__isnull=False, valid_to__lte=day)), {})


def _as_tree(units: list[Unit], names: dict[int, str]) -> list[TreeRow]:
    by_parent: dict[int | None, list[Unit]] = {}
    ids = {u.pk for u in units}
    for u in units:
        parent = u.parent_id if u.parent_id in ids else None
        by_parent.setdefault(parent, []).append(u)
    rows: list[TreeRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for u in sorted(by_parent.get(parent, []), key=lambda x: (x.level, names.get(x.pk, x.name))):
            rows.append(TreeRow(u, depth, names.get(u.pk, u.name)))
            walk(u.pk, depth + 1)

    walk(None, 0)
    return rows
