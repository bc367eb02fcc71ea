"""A province's dashboard: all its units × all indicators of a resolution for one period, with the
target (plan), the % reached, the change on the same period last year (rebuilt through lineage for
units formed since) and the province's roll-up. A fixed handful of queries whatever the size, and the
table body written in one pass, so a province of a hundred communes answers in tens of milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from chitieu.indicators.choices import Dimension, Measure, Polarity
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import Period
from chitieu.lib.sql import in_ids
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_children

from .baselines import Baseline, baselines
from .choices import Status
from .models import Result, Rollup
from .progress import assess, change_percent, change_points
from .rollups import rollup_value

MAX_INDICATORS = 60


@dataclass
class Dashboard:
    unit: Unit
    period: Period
    indicators: list[Indicator]
    children: list[Unit]
    body_html: str
    totals_html: str
    reporting: int
    rebuilt: int
    rolled: int = 0  # cells showing the sum of the units below a child that reported nothing itself


EMPTY_CELL = f'<td class="s-{Status.NO_TARGET}"><span class="v">—</span><span class="p"></span><span class="c"></span></td>'
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
    children = unit_children(unit, on=min(period.end, unit.valid_to or period.end))
    child_ids = [c.pk for c in children]
    # Children with units under them (the provinces of the national dashboard, a province's
    # districts before 2025): where they report no figure of their own, the sum of their units
    # below stands in, from the roll-up table, and says so.
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
                .values_list("indicator_id", flat=True)
                .distinct()
            )
    indicators = list(
        Indicator.objects.filter(pk__in=ind_ids)
        .select_related("measure_unit")
        .order_by("field", "sort_order", "code")
    )[:MAX_INDICATORS]
    ids = [i.pk for i in indicators]
    current = {
        (u, i): (v, d)
        for u, i, v, d in Result.objects.cells(child_ids, period.code, ids).values_list(
            "unit_id", "indicator_id", "value", "denominator"
        )
    }
    year = period.year_period() or period
    targets = _plan_targets(child_ids, ids, period.code, year.code)
    prev = period.same_period_last_year()
    base = baselines(children, indicators, prev.code, with_sources=False) if prev else {}
    rolled: set[tuple[int, int]] = set()
    earlier: dict[tuple[int, int], Decimal] = {}
    if parents:
        by_ind = {i.pk: i for i in indicators}
        codes = [period.code] + ([prev.code] if prev else [])
        for r in Rollup.objects.filter(unit_id__in=parents, indicator_id__in=ids, period__in=codes):
            key = (r.unit_id, r.indicator_id)
            value = rollup_value(r, by_ind[r.indicator_id])
            if value is None:
                continue
            if r.period == period.code:
                if key not in current:
                    current[key] = (value, None)
                    rolled.add(key)
            else:
                earlier[key] = value
        for key in rolled:  # a sum compared with the same sum last year, not with an own figure
            if key in earlier and key not in base:
                base[key] = Baseline(earlier[key])
    # A year's plan is judged pro rata for flows at a month or quarter; the period's own plan is not.
    year_elapsed = Decimal(1) if year.code == period.code else period.elapsed_fraction_of_year()
    # What each column needs, worked out once rather than per cell.
    one = Decimal(1)
    columns = [
        (
            ind.pk,
            Polarity(ind.polarity),
            ind.measure,
            year_elapsed if ind.measure == Measure.FLOW else one,
            ind.measure_unit.dimension == Dimension.PERCENT,
            ind.measure == Measure.COUNT_MEETING,
        )
        for ind in indicators
    ]
    with translation.override(lang):  # the template's legend says the same, from the catalogue
        rolled_title = escape(gettext("summed from the units below (the unit reported no figure of its own)"))
    points = " đ" if lang == "vi" else " pp"  # điểm phần trăm / percentage points
    rows = []
    rebuilt = 0
    reporting = set()
    no_value = (None, None)
    # One reverse() for all rows: a slug cannot contain the placeholder's underscores.
    unit_href = reverse("reporting:unit_detail", args=["__code__"])
    for c in children:
        cpk = c.pk
        href = unit_href.replace("__code__", escape(c.code))
        cells = [f'<th scope="row"><a href="{href}?period={period.code}">{escape(c.name)}</a></th>']
        for ipk, polarity, measure, share, is_pct, is_count in columns:
            key = (cpk, ipk)
            v, den = current.get(key, no_value)
            if v is None:
                cells.append(EMPTY_CELL)
                continue
            reporting.add(cpk)
            t = targets.get(key)
            pct, status = "", Status.NO_TARGET
            if t is not None:
                a = assess(
                    v, t[0], polarity=polarity, kind=t[1], measure=measure, elapsed=one if t[2] else share
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
            if key in rolled:
                cells.append(
                    f'<td class="s-{status} rolled" title="{rolled_title}"><span class="v">Σ {value}</span>'
                    f'<span class="p">{pct}</span><span class="c">{change}</span></td>'
                )
                continue
            cells.append(
                f'<td class="s-{status}"><span class="v">{value}</span>'
                f'<span class="p">{pct}</span><span class="c">{change}</span></td>'
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    totals = {
        r.indicator_id: r for r in Rollup.objects.filter(unit=unit, indicator_id__in=ids, period=period.code)
    }
    total_cells = []
    for ind in indicators:
        row = totals.get(ind.pk)
        tv = rollup_value(row, ind)
        n = row.reporting if row else 0
        shown = _fmt(tv, lang)
        if tv is None and row is not None and ind.threshold is not None:
            shown = f"{row.meeting}/{n} ✓"  # units meeting the standard, of those reporting
        total_cells.append(
            f'<td><span class="v">{shown or "—"}</span><span class="p">{n}/{len(children)}</span></td>'
        )
    return Dashboard(
        unit=unit,
        period=period,
        indicators=indicators,
        children=children,
        body_html="".join(rows),
        totals_html="".join(total_cells),
        reporting=len(reporting),
        rebuilt=rebuilt,
        rolled=len(rolled),
    )
