"""The same territory in an earlier period, through unit lineage.

A commune formed on 1 July 2025 reported nothing in 2024; its "same period last year" is rebuilt
from its predecessors: flows, stocks and counts are summed (each predecessor weighted by the share
that moved), ratios are rebuilt as Σnumerator / Σdenominator, and a value that cannot be combined
(an average with no numerator and denominator) is not rebuilt. Every rebuilt figure says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from chitieu.indicators.choices import Aggregation, Dimension, Measure
from chitieu.indicators.models import Indicator
from chitieu.lib.periods import parse_period
from chitieu.lib.sql import in_ids
from chitieu.orgs.models import Unit, UnitLineage

from .models import Result


@dataclass(frozen=True)
class Baseline:
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    rebuilt: bool = False
    sources: tuple[str, ...] = ()


def _edges_into(unit_ids: set[int], before) -> list[tuple[int, int, Decimal]]:
    """Lineage edges into these units dated after `before`. Raw SQL with one array parameter on
    PostgreSQL: the ORM's IN list of a few hundred ids cost more than the query itself."""
    where, params = in_ids("successor_id", unit_ids)
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT successor_id, predecessor_id, share FROM orgs_unitlineage WHERE date > %s AND {where}",
            [before, *params],
        )
        return cur.fetchall()


def _predecessor_weights(
    unit_ids: set[int], before, with_codes: bool = True
) -> tuple[dict[int, list[tuple[int, Decimal]]], dict[int, str]]:
    """For each unit, its predecessors' ids with the share carried, following lineage back past `before`
    (and, when asked, the predecessors' codes). Reads only the edges reachable from these units, one
    query per generation (a recursive CTE measured slower: the planner cannot size it and sorts every
    edge)."""
    edges: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    codes: dict[int, str] = {}
    frontier, seen = set(unit_ids), set()
    for _generation in range(10):
        frontier -= seen
        if not frontier:
            break
        seen |= frontier
        found = _edges_into(frontier, before)
        for succ, pred, share in found:
            edges[succ].append((pred, Decimal(share)))
        frontier = {pred for _s, pred, _sh in found}
    out: dict[int, list[tuple[int, Decimal]]] = {}
    for uid in unit_ids:
        acc: dict[int, Decimal] = defaultdict(Decimal)
        stack = [(uid, Decimal(1), 0)]
        while stack:
            node, weight, depth = stack.pop()
            preds = edges.get(node, [])
            if not preds or depth > 10:
                if node != uid:
                    acc[node] += weight
                continue
            for p, s in preds:
                stack.append((p, weight * s, depth + 1))
        out[uid] = list(acc.items())
    leaves = {pid for ws in out.values() for pid, _w in ws}
    if with_codes and leaves:
        codes = dict(Unit.objects.filter(pk__in=leaves).values_list("id", "code"))
    return out, codes


def baselines(
    units: list[Unit], indicators: list[Indicator], period: str, *, with_sources: bool = True
) -> dict[tuple[int, int], Baseline]:
    """The figure of each (unit, indicator) for `period`: the unit's own, else rebuilt through lineage.
    ``with_sources=False`` leaves out the predecessors' codes (a dashboard marks rebuilt figures
    without naming their sources, and saves a query)."""
    p = parse_period(period)
    ind_ids = {i.pk for i in indicators}
    by_ind = {i.pk: i for i in indicators}
    # Only units that existed during the period can have figures of their own for it (result_save
    # refuses others); a province of communes formed since skips these two queries.
    existed = {u.pk for u in units if u.valid_from <= p.end}
    out: dict[tuple[int, int], Baseline] = {}
    kept = defaultdict(lambda: Decimal(1))
    if existed:
        out = {
            (u, i): Baseline(v, n, d)
            for u, i, v, n, d in Result.objects.cells(existed, p.code, ind_ids).values_list(
                "unit_id", "indicator_id", "value", "numerator", "denominator"
            )
            if i in ind_ids
        }
        # A unit that gave part of itself away since then is compared with what it kept.
        for pred, share in UnitLineage.objects.filter(
            predecessor_id__in=existed, kind="transfer", date__gt=p.start
        ).values_list("predecessor_id", "share"):
            kept[pred] -= Decimal(share)
    for (uid, iid), b in list(out.items()):
        if uid in kept and kept[uid] < 1:
            k = kept[uid]
            if b.numerator is not None and b.denominator is not None:
                out[(uid, iid)] = Baseline(b.value, b.numerator * k, b.denominator * k, rebuilt=True)
            elif (
                by_ind[iid].aggregation in (Aggregation.SUM, Aggregation.COUNT_MEETING)
                and b.value is not None
            ):
                out[(uid, iid)] = Baseline(b.value * k, rebuilt=True)
    missing_units = {u.pk for u in units if u.valid_from > p.start}
    if not missing_units:
        return out
    weights, codes = _predecessor_weights(missing_units, p.start, with_codes=with_sources)
    if not any(weights.values()):
        return out
    sources_of = {
        uid: tuple(sorted(codes[pid] for pid, _w in ws)) if codes else () for uid, ws in weights.items()
    }
    for (uid, iid), (n, n_num, n_den, value, num, den) in _weighted_sums(weights, p.code, ind_ids).items():
        if (uid, iid) in out or n < len(weights[uid]):
            continue  # the unit's own figure; or a predecessor did not report: a partial sum would mislead
        ind = by_ind[iid]
        sources = sources_of[uid]
        if n_num == n and n_den == n:
            scale = 100 if ind.measure_unit.dimension == Dimension.PERCENT else 1
            out[(uid, iid)] = Baseline(
                num * scale / den if den else None, num, den, rebuilt=True, sources=sources
            )
        elif ind.measure in (Measure.FLOW, Measure.STOCK, Measure.COUNT_MEETING) and ind.aggregation in (
            Aggregation.SUM,
            Aggregation.COUNT_MEETING,
        ):
            out[(uid, iid)] = Baseline(value, rebuilt=True, sources=sources)
    return out


_WEIGHTED_SUMS_PG = """
SELECT w.successor, r.indicator_id, COUNT(*), COUNT(r.numerator), COUNT(r.denominator),
       SUM(r.value * w.share), SUM(r.numerator * w.share), SUM(r.denominator * w.share)
FROM unnest(%s::bigint[], %s::bigint[], %s::numeric[]) AS w(successor, predecessor, share)
JOIN reporting_result r ON r.unit_id = w.predecessor AND r.period = %s
WHERE r.indicator_id + 0 = ANY(%s::bigint[])
GROUP BY w.successor, r.indicator_id
"""


def _weighted_sums(
    weights: dict[int, list[tuple[int, Decimal]]], period: str, ind_ids: set[int]
) -> dict[tuple[int, int], tuple[int, int, int, Decimal, Decimal, Decimal]]:
    """For each (unit, indicator): how many predecessors reported, how many with a numerator and with a
    denominator, and Σ value × share, Σ numerator × share, Σ denominator × share — summed by the
    database in one query (a province's new communes have a few hundred predecessors and thousands of
    figures; only the sums travel)."""
    edges = [(uid, pid, w) for uid, ws in weights.items() for pid, w in ws]
    if not edges or not ind_ids:
        return {}
    out = {}
    vendor = connection.vendor
    if vendor == "postgresql":  # three array parameters, however many edges
        with connection.cursor() as cur:
            cur.execute(
                _WEIGHTED_SUMS_PG,
                [
                    [e[0] for e in edges],
                    [e[1] for e in edges],
                    [e[2] for e in edges],
                    period,
                    sorted(ind_ids),
                ],
            )
            return {(uid, iid): tuple(rest) for uid, iid, *rest in cur.fetchall()}
    for start in range(0, len(edges), 2000):  # keeps every statement under the engines' parameter limits
        chunk = edges[start : start + 2000]
        rows = ", ".join(["(CAST(%s AS BIGINT), CAST(%s AS BIGINT), CAST(%s AS NUMERIC))"] * len(chunk))
        inds = ", ".join(["%s"] * len(ind_ids))
        sql = f"""
            WITH w(successor, predecessor, share) AS (VALUES {rows})
            SELECT w.successor, r.indicator_id, COUNT(*), COUNT(r.numerator), COUNT(r.denominator),
                   SUM(r.value * w.share), SUM(r.numerator * w.share), SUM(r.denominator * w.share)
            FROM w JOIN reporting_result r ON r.unit_id = w.predecessor AND r.period = %s
            WHERE r.indicator_id + 0 IN ({inds})
            GROUP BY w.successor, r.indicator_id
        """
        params = [x for e in chunk for x in (e[0], e[1], str(e[2]))] + [period, *sorted(ind_ids)]
        with connection.cursor() as cur:
            cur.execute(sql, params)
            for uid, iid, n, n_num, n_den, value, num, den in cur.fetchall():
                if vendor == "sqlite":  # SQLite sums in floating point
                    value, num, den = (None if x is None else Decimal(repr(x)) for x in (value, num, den))
                out[(uid, iid)] = (n, n_num, n_den, value, num, den)
    return out
