"""Small helpers for the few hand-written SQL statements on hot paths."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection


def in_ids(column: str, ids: Iterable[int]) -> tuple[str, list]:
    """``column`` is one of ``ids``: one array parameter on PostgreSQL (an IN list of a few hundred
    ids costs the ORM and the driver more than the query itself), an IN list elsewhere."""
    ids = sorted(set(ids))
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s::bigint[])", [ids]
    if not ids:
        return "1 = 0", []
    return f"{column} IN ({', '.join(['%s'] * len(ids))})", ids
