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

from chitieu.indicators.models import Indicator
from chitieu.lib.periods import parse_period
from chitieu.orgs.models import Unit, UnitLineage

from .models import Result


@dataclass(frozen=True)
class _Row:
    unit_id: int
    indicator_id: int
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None


@dataclass(frozen=True)
class Baseline:
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    rebuilt: bool = False
    sources: tuple[str, ...] = ()


def _predecessor_weights(unit_ids: set[int], before) -> dict[int, list[tuple[int, Decimal]]]:
    """For each unit, its predecessors' ids with the share carried, following lineage back past `before`.
    Reads only the edges reachable from these units, one query per generation."""
    edges: dict[int, list[tuple[int, Decimal, object]]] = defaultdict(list)
    frontier, seen = set(unit_ids), set()
    for _generation in range(10):
        frontier -= seen
        if not frontier:
            break
        seen |= frontier
        found = list(
            UnitLineage.objects.filter(successor_id__in=frontier, date__gt=before).values_list(
                "successor_id", "predecessor_id", "share", "date"
            )
        )
        for succ, pred, share, date in found:
            edges[succ].append((pred, Decimal(share), date))
        frontier = {pred for _s, pred, _sh, _d in found}
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
            for p, s, _d in preds:
                stack.append((p, weight * s, depth + 1))
        out[uid] = list(acc.items())
    return out


def baselines(units: list[Unit], indicators: list[Indicator], period: str) -> dict[tuple[int, int], Baseline]:
    """The figure of each (unit, indicator) for `period`: the unit's own, else rebuilt through lineage."""
    p = parse_period(period)
    ids = {u.pk for u in units}
    ind_ids = {i.pk for i in indicators}
    by_ind = {i.pk: i for i in indicators}
    out: dict[tuple[int, int], Baseline] = {
        (u, i): Baseline(v, n, d)
        for u, i, v, n, d in Result.objects.filter(
            unit_id__in=ids, period=p.code, indicator_id__in=ind_ids
        ).values_list("unit_id", "indicator_id", "value", "numerator", "denominator")
        if i in ind_ids
    }
    # A unit that gave part of itself away since then is compared with what it kept.
    kept = defaultdict(lambda: Decimal(1))
    for pred, share in UnitLineage.objects.filter(
        predecessor_id__in=ids, kind="transfer", date__gt=p.start
    ).values_list("predecessor_id", "share"):
        kept[pred] -= Decimal(share)
    for (uid, iid), b in list(out.items()):
        if uid in kept and kept[uid] < 1:
            k = kept[uid]
            if b.numerator is not None and b.denominator is not None:
                out[(uid, iid)] = Baseline(b.value, b.numerator * k, b.denominator * k, rebuilt=True)
            elif by_ind[iid].aggregation in ("sum", "count_meeting") and b.value is not None:
                out[(uid, iid)] = Baseline(b.value * k, rebuilt=True)
    missing_units = {u.pk for u in units if u.valid_from > p.start}
    if not missing_units:
        return out
    weights = _predecessor_weights(missing_units, p.start)
    pred_ids = {pid for ws in weights.values() for pid, _w in ws}
    if not pred_ids:
        return out
    pred_results = defaultdict(dict)
    codes = dict(Unit.objects.filter(pk__in=pred_ids).values_list("id", "code"))
    for row in Result.objects.filter(
        unit_id__in=pred_ids, period=p.code, indicator_id__in=ind_ids
    ).values_list("unit_id", "indicator_id", "value", "numerator", "denominator"):
        if row[1] in ind_ids:
            pred_results[row[1]][row[0]] = _Row(*row)
    for uid in missing_units:
        for iid in ind_ids:
            if (uid, iid) in out:
                continue
            ind = by_ind[iid]
            parts = [(pred_results[iid].get(pid), w) for pid, w in weights.get(uid, [])]
            parts = [(r, w) for r, w in parts if r is not None]
            if not parts or len(parts) < len(weights.get(uid, [])):
                continue  # a predecessor did not report: a partial sum would mislead
            sources = tuple(sorted(codes[r.unit_id] for r, _w in parts))
            if all(r.numerator is not None and r.denominator is not None for r, _w in parts):
                num = sum(r.numerator * w for r, w in parts)
                den = sum(r.denominator * w for r, w in parts)
                scale = 100 if ind.measure_unit.dimension == "percent" else 1
                value = num * scale / den if den else None
                out[(uid, iid)] = Baseline(value, num, den, rebuilt=True, sources=sources)
            elif ind.measure in ("flow", "stock", "count_meeting") and ind.aggregation in (
                "sum",
                "count_meeting",
            ):
                value = sum(r.value * w for r, w in parts if r.value is not None)
                out[(uid, iid)] = Baseline(value, rebuilt=True, sources=sources)
    return out
