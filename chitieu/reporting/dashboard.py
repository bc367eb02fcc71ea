"""A province's dashboard: all its units × all indicators of a resolution for one period, with the
target (plan), the % reached, the change on the same period last year (rebuilt through lineage for
units formed since) and the province's roll-up.

A selector: it returns rows of cells (numbers already written in the reader's language, since the
dashboard formats thousands of them and the exact formatter is slower) and the template
``reporting/dashboard.html`` writes the table. A fixed handful of queries whatever the size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db import connection
from django.utils.safestring import SafeString

from chitieu.indicators.choices import Aggregation, Dimension, Measure, Polarity
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import Period
from chitieu.lib.sql import in_ids
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_children, unit_subtree_ids

from . import rollups
from .baselines import Baseline, baselines
from .choices import Status
from .models import Result, Rollup
from .progress import (
    Sums,
    TreeUnit,
    assess,
    change_percent,
    change_points,
    count_units,
    expected_share,
    figure_of,
    rolled_value,
)
from .rollups import rollup_value

MAX_INDICATORS = 60


class Cell(NamedTuple):
    """One unit × indicator as the template writes it: the CSS class of its status, the figure, the %
    of plan and the change on last year, all as written (numbers only, so marked safe: thousands of
    cells are not escaped one by one). A tuple the template unpacks in its loop
    (``{% for css, value, percent, change, rolled in row.cells %}``): one context lookup per field
    instead of two, and no caught exception per attribute (the engine tries ``cell["value"]`` first)."""

    css: str
    value: str
    percent: str
    change: str
    rolled: bool
    status: str


def cell(status: str, value: str, percent: str = "", change: str = "", rolled: bool = False) -> Cell:
    return Cell(
        f"s-{status} rolled" if rolled else f"s-{status}",
        SafeString(f"Σ {value}" if rolled else value),
        SafeString(percent),
        SafeString(change),
        rolled,
        status,
    )


EMPTY = cell(Status.NO_TARGET, "—")


@dataclass(frozen=True)
class Row:
    unit: Unit
    cells: list[Cell]


@dataclass(frozen=True)
class Total:
    """The roll-up of one indicator over the rows (as written, and the figure itself), and how many
    rows hold a figure."""

    value: str
    reporting: int
    figure: Decimal | None = None
    denominator: Decimal | None = None


@dataclass
class Dashboard:
    unit: Unit
    period: Period
    indicators: list[Indicator]
    children: list[Unit]
    rows: list[Row]
    totals: list[Total]
    reporting: int
    rebuilt: int
    rolled: int = 0  # cells showing the roll-up of the units below a child that reported nothing itself
    own: list[str] = field(default_factory=list)  # the unit's own figures, where it reported some


_VI = str.maketrans({",": ".", ".": ","})


def _fmt(value: Decimal | None, lang: str, decimals: int | None = None) -> str:
    """A table cell's number, fast: thousands grouped, at most two decimals, trailing zeros dropped.
    (The dashboard formats thousands of cells; vnnum.format_number is exact but slower.)"""
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else (2 if abs(value) < 100 else 1)
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_VI) if lang == "vi" else text


def _pct(value: Decimal, lang: str, signed: bool = False) -> str:
    text = f"{value:+,.1f}%" if signed else f"{value:,.1f}%"
    return text.translate(_VI) if lang == "vi" else text


def _plan_targets(
    unit_ids: list[int], indicator_ids: list[int], code: str, year_code: str
) -> dict[tuple[int, int], tuple[Decimal, str, bool]]:
    """(unit, indicator) → (plan value, kind, is the period's own plan): the period's own plan where
    there is one, else the year's."""
    units, unit_params = in_ids("unit_id", unit_ids)
    inds, ind_params = in_ids("indicator_id + 0", indicator_ids)  # + 0: stay on the unit index
    out: dict[tuple[int, int], tuple[Decimal, str, bool]] = {}
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT unit_id, indicator_id, value, kind, period FROM indicators_target "
            f"WHERE {units} AND {inds} AND period IN (%s, %s) AND basis = 'plan'",
            [*unit_params, *ind_params, code, year_code],
        )
        for u, i, v, k, p in cur.fetchall():
            own = p == code
            if own or (u, i) not in out:
                out[(u, i)] = (v if isinstance(v, Decimal) else Decimal(str(v)), k, own)
    return out


def province_dashboard(
    unit: Unit, period: Period, resolution: Resolution | None, *, lang: str = "vi"
) -> Dashboard:
    on = min(period.end, unit.valid_to or period.end)
    children = unit_children(unit, on=on)
    child_ids = [c.pk for c in children]
    # Children with units under them (the provinces of the national dashboard, a province's
    # districts before 2025): where they report no figure of their own, the roll-up of the units
    # below stands in, from the roll-up table, and says so (Σ).
    parents = set(Unit.objects.filter(parent_id__in=child_ids).values_list("parent_id", flat=True).distinct())
    if resolution is not None:
        ind_ids = Target.objects.filter(resolution=resolution).values("indicator_id")  # a subquery
    else:
        ind_ids = set(
            Result.objects.filter(unit__in=children, period=period.code)
            .values_list("indicator_id", flat=True)
            .distinct()[:MAX_INDICATORS]
        )
        if parents:
            ind_ids |= set(
                Rollup.objects.filter(unit_id__in=parents, period=period.code)
                .exclude(indicator__aggregation=Aggregation.NONE)
                .values_list("indicator_id", flat=True)
                .distinct()
            )
            # "X/Y xã đạt chuẩn" where the units below carry the flags it counts
            ind_ids |= set(
                Indicator.objects.filter(
                    aggregation=Aggregation.COUNT_MEETING, child_indicator_id__in=list(ind_ids)
                ).values_list("pk", flat=True)
            )
    indicators = list(
        Indicator.objects.filter(pk__in=ind_ids)
        .select_related("measure_unit")
        .order_by("field", "sort_order", "code")
    )[:MAX_INDICATORS]
    ids = [i.pk for i in indicators]
    weights = {i.weight_indicator_id for i in indicators if i.weight_indicator_id}
    current = {
        (u, i): (v, n, d)
        for u, i, v, n, d in Result.objects.cells(child_ids, period.code, set(ids) | weights).values_list(
            "unit_id", "indicator_id", "value", "numerator", "denominator"
        )
    }
    own_of_unit = {
        i: (v, n, d)
        for i, v, n, d in Result.objects.filter(
            unit=unit, period=period.code, indicator_id__in=ids
        ).values_list("indicator_id", "value", "numerator", "denominator")
    }
    year = period.year_period() or period
    targets = _plan_targets(child_ids, ids, period.code, year.code)
    prev = period.same_period_last_year()
    base = baselines(children, indicators, prev.code, with_sources=False) if prev else {}
    below: dict[tuple[int, int], Rollup] = {}
    earlier: dict[tuple[int, int], Decimal] = {}
    by_ind = {i.pk: i for i in indicators}
    if parents:
        codes = [period.code] + ([prev.code] if prev else [])
        for r in Rollup.objects.filter(unit_id__in=parents, indicator_id__in=ids, period__in=codes):
            if r.period == period.code:
                below[(r.unit_id, r.indicator_id)] = r
            else:
                value = rollup_value(r, by_ind[r.indicator_id])
                if value is not None:
                    earlier[(r.unit_id, r.indicator_id)] = value
    counts = counts_below(
        unit, on, period, [i for i in indicators if i.aggregation == Aggregation.COUNT_MEETING]
    )
    # The one rule, cell by cell: the child's own figure, else the roll-up of its units below; the
    # Sums of each cell add up to the total row.
    figures: dict[tuple[int, int], tuple[Decimal | None, Decimal | None, bool]] = {}
    sums: dict[tuple[int, int], Sums] = {}
    nothing = (None, None, None)
    plain = [
        (i.pk, i) for i in indicators if i.aggregation != Aggregation.COUNT_MEETING or i.pk not in counts
    ]
    for cpk in child_ids:
        for ind in indicators:
            ipk = ind.pk
            if ind.aggregation == Aggregation.COUNT_MEETING and ipk in counts:
                key = (cpk, ipk)
                x, y = counts[ipk].get(cpk, (None, None))
                own = current.get(key)
                if own is not None and own[0] is not None:
                    x, y = own[0], own[2]
                if y:
                    figures[key] = (x, y, own is None or own[0] is None)
                    sums[key] = Sums(total=x, reporting=1, denominator=y)
        for ipk, ind in plain:
            key = (cpk, ipk)
            v, n, d = current.get(key, nothing)
            if v is None and n is None and key not in below:
                continue  # nothing reported, nothing below: the common empty cell, decided cheaply
            w = current.get((cpk, ind.weight_indicator_id), nothing)[0] if ind.weight_indicator_id else None
            own = rollups.contribution(ind, v, n, d, weight=w)
            fig, is_rolled = figure_of(own, rollups.sums_of(below.get(key)) if key in below else None)
            if not fig:
                if v is not None:
                    figures[key] = (v, d, False)  # a value that adds nothing up (a flag, a percent)
                continue
            value = v if not is_rolled else rolled_value(fig, ind.aggregation, scale=rollups.scale_of(ind))
            if value is None and v is None:
                continue
            figures[key] = (value, d if not is_rolled else None, is_rolled)
            sums[key] = fig
    for key, (_v, _d, is_rolled) in figures.items():
        if is_rolled and key in earlier and key not in base:
            base[key] = Baseline(earlier[key])  # a roll-up compared with the same roll-up last year
    # What each column needs, worked out once rather than per cell: the share of a year's (or a
    # longer) plan expected by now, for flows; the period's own plan is judged directly.
    columns = [
        (
            ind.pk,
            Polarity(ind.polarity),
            ind.measure,
            expected_share(period, year, season=ind.season or None) if ind.measure == Measure.FLOW else None,
            ind.measure_unit.dimension == Dimension.PERCENT,
            ind.measure == Measure.COUNT_MEETING,
        )
        for ind in indicators
    ]
    points = " đ" if lang == "vi" else " pp"  # điểm phần trăm / percentage points
    rows = []
    rebuilt = 0
    reporting = set()
    rolled = 0
    no_value = (None, None, False)
    for c in children:
        cpk = c.pk
        cells = []
        for ipk, polarity, measure, expected, is_pct, is_count in columns:
            key = (cpk, ipk)
            v, den, is_rolled = figures.get(key, no_value)
            if v is None:
                cells.append(EMPTY)
                continue
            reporting.add(cpk)
            rolled += is_rolled
            t = targets.get(key)
            pct, status = "", Status.NO_TARGET
            if t is not None:
                a = assess(
                    v,
                    t[0],
                    polarity=polarity,
                    kind=t[1],
                    measure=measure,
                    expected=None if t[2] else expected,
                )
                status = a.status
                if a.percent is not None:
                    pct = _pct(a.percent, lang)
            b = base.get(key)
            change = ""
            if b is not None and b.value is not None:
                ch = change_points(v, b.value) if is_pct else change_percent(v, b.value)
                if ch is not None:
                    if is_pct:
                        change = ("+" if ch > 0 else "") + _fmt(ch, lang, 1) + points
                    else:
                        change = _pct(ch, lang, signed=True)
                    if b.rebuilt:
                        change += "‡"
                        rebuilt += 1
            value = _fmt(v, lang)
            if is_count and den is not None:
                value += "/" + _fmt(den, lang)
            cells.append(cell(status, value, pct, change, is_rolled))
        rows.append(Row(c, cells))
    total_cells = [_total(ind, children, figures, sums, counts, lang) for ind in indicators]
    own_cells = [_own(ind, own_of_unit.get(ind.pk), lang) for ind in indicators] if own_of_unit else []
    return Dashboard(
        unit=unit,
        period=period,
        indicators=indicators,
        children=children,
        rows=rows,
        totals=total_cells,
        reporting=len(reporting),
        rebuilt=rebuilt,
        rolled=rolled,
        own=own_cells,
    )


def _total(ind: Indicator, children: list[Unit], figures: dict, sums: dict, counts: dict, lang: str) -> Total:
    """The total row: the indicator's rule applied to the rows above it — their Sums added up, the
    X/Y counts added up, the flags counted — and how many rows hold a figure."""
    keys = [(c.pk, ind.pk) for c in children]
    n = sum(1 for k in keys if figures.get(k, (None,))[0] is not None)
    if ind.aggregation == Aggregation.COUNT_MEETING:
        parts = [figures[k] for k in keys if k in figures]
        if not parts:
            return Total("", 0)
        x = sum((p[0] or Decimal(0) for p in parts), Decimal(0))
        y = sum((p[1] or Decimal(0) for p in parts), Decimal(0))
        return Total(f"{_fmt(x, lang)}/{_fmt(y, lang)}", n, x, y)
    if ind.aggregation == Aggregation.NONE:
        if ind.threshold is None or not n:
            return Total("", n)
        flags = [figures[k][0] for k in keys if k in figures]
        limit = ind.threshold
        met = sum(1 for f in flags if (f <= limit if ind.polarity == Polarity.LOWER else f >= limit))
        return Total(f"{met}/{len(flags)} ✓", n, Decimal(met), Decimal(len(flags)))
    total = sum((sums[k] for k in keys if k in sums), Sums())
    value = rolled_value(total, ind.aggregation, scale=rollups.scale_of(ind))
    return Total(_fmt(value, lang), n, value)


def _own(ind: Indicator, own: tuple | None, lang: str) -> str:
    """The unit's own reported figure, shown under the total row where it has one."""
    if own is None or own[0] is None:
        return ""
    text = _fmt(own[0], lang)
    if ind.measure == Measure.COUNT_MEETING and own[2] is not None:
        text += "/" + _fmt(own[2], lang)
    return text


def counts_below(unit: Unit, on, period: Period, indicators: list[Indicator]) -> dict[int, dict]:
    """ "X/Y xã đạt chuẩn" for every unit under ``unit``, per count indicator: Y the units of the counted
    kinds existing at the period's end, X those whose flag meets the standard; a unit that reported
    its own X/Y stands for its subtree (progress.count_units). Two queries, whatever the size."""
    if not indicators:
        return {}
    ids = unit_subtree_ids(unit.pk, on=on)
    tree = [
        TreeUnit(pk, parent if pk != unit.pk else None, kind)
        for pk, parent, kind in Unit.objects.filter(pk__in=ids).values_list("pk", "parent_id", "kind")
    ]
    wanted = {i.pk for i in indicators} | {i.child_indicator_id for i in indicators if i.child_indicator_id}
    found: dict[tuple[int, int], tuple] = {}
    for u, i, v, d in Result.objects.filter(
        unit_id__in=ids, period=period.code, indicator_id__in=wanted
    ).values_list("unit_id", "indicator_id", "value", "denominator"):
        found[(u, i)] = (v, d)
    out = {}
    for ind in indicators:
        flags = {u: v for (u, i), (v, _d) in found.items() if i == ind.child_indicator_id}
        own = {
            u: (v, d)
            for (u, i), (v, d) in found.items()
            if i == ind.pk and v is not None and d is not None and u != unit.pk
        }
        kinds = {k.strip() for k in ind.child_kinds.split(",") if k.strip()}
        out[ind.pk] = count_units(
            tree, kinds=kinds, flags=flags, own=own, threshold=ind.threshold, polarity=ind.polarity
        )
    return out
