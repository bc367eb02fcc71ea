"""The progress table of a unit for a period: results against every target basis, the same
period last year, and the roll-up of the unit's children. A fixed number of queries whatever
the number of indicators."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.choices import (
    BASIS_ORDER,
    FIELD_ORDER,
    Aggregation,
    Basis,
    Dimension,
    Field,
    Measure,
    Polarity,
)
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import Period, PeriodKind, parse_period
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_children

from .baselines import Baseline, baselines
from .choices import MET_STATUSES, ComparisonKind, StatedBasis, Status
from .models import Result, StatedComparison
from .models import Rollup as RollupRow
from .progress import Assessment, Rollup, assess, assess_share, change_percent, change_points, expected_share
from .rollups import rollup_value


def _decimals(percent: Decimal) -> int:
    """Show a percentage with as many decimals as the source wrote it with (106%, 59,9%, 100,51%)."""
    exp = percent.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 1


@dataclass
class BasisCell:
    basis: str
    target: Target | None
    assessment: Assessment | None
    stated_percent: Decimal | None = None  # as the source wrote it, when it could not be computed
    stated_qualifier: str = ""
    decimals: int = 1  # the stated percentage's own precision, else one decimal
    written: str = ""  # the basis as the source wrote it ("kế hoạch thị xã")
    target_period: Period | None = None  # the period the target is for (the year's plan at H1)
    in_force: Decimal | None = None  # the target's value in force for the period (amendments)

    @property
    def derived(self) -> bool:
        """The target was worked back from a stated percentage, not adopted."""
        return bool(self.target is not None and self.target.derived)

    @property
    def from_stated(self) -> bool:
        """Assessed on the percentage the source states, neither value nor target being known."""
        return self.stated_percent is not None and self.assessment is not None

    @property
    def target_value(self) -> Decimal | None:
        if self.in_force is not None:
            return self.in_force
        return self.target.value if self.target is not None else None

    @property
    def share_phrase(self) -> str:
        """ "đạt 51,7% kế hoạch năm — đúng tiến độ" (the wording of every page and document)."""
        from .wording import share_phrase

        return share_phrase(self)

    @property
    def basis_label(self) -> str:
        if self.target is not None and self.target.basis_label:
            return self.target.basis_label
        return self.written or str(dict(Basis.choices).get(self.basis, self.basis))


@dataclass
class ProgressRow:
    indicator: Indicator
    depth: int
    result: Result | None
    previous: Result | None
    bases: list[BasisCell]
    change: Decimal | None  # % change, or points for percentage indicators
    change_is_points: bool
    change_stated: bool
    status: Status
    rollup: Rollup | None = None
    rollup_count: tuple[int, int] | None = None
    stated: list[StatedComparison] = field(default_factory=list)
    change_rebuilt: Baseline | None = None  # last year's figure rebuilt from predecessor units

    @property
    def value(self) -> Decimal | None:
        return self.result.value if self.result else None

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def on_pace(self) -> bool:
        return any(c.assessment and c.assessment.on_pace for c in self.bases)


@dataclass
class FieldGroup:
    field: str
    label: str
    rows: list[ProgressRow]


def _applicable_periods(p: Period) -> list[str]:
    """Target periods that apply to a result period, most specific first."""
    codes = [p.code]
    y = p.year_period()
    if y is not None and y.code != p.code:
        codes.append(y.code)
    return codes


def _is_percent(ind: Indicator) -> bool:
    return ind.measure_unit.dimension == Dimension.PERCENT


def review_date(unit: Unit, period: Period):
    """The date of the unit's latest conference reviewing the period, when it falls inside it: a
    mid-term review's figures are judged against the time elapsed by then."""
    from chitieu.meetings.models import Conference

    date = (
        Conference.objects.filter(unit=unit, period=period.code)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    return date if date is not None and date < period.end else None


def targets_in_force(unit: Unit, on) -> dict[int, Decimal]:
    """Target id → its value on a date, for the unit's targets an amendment dated later changed (the
    old value was then in force). One query for all."""
    from chitieu.indicators.models import AmendedTarget

    out: dict[int, Decimal] = {}
    for change in (
        AmendedTarget.objects.filter(target__unit=unit, amendment__date__gt=on)
        .select_related("amendment")
        .order_by("amendment__date", "id")
    ):
        out.setdefault(change.target_id, change.old_value)  # the earliest later amendment's old value
    return out


def progress_table(
    unit: Unit, period: Period, *, resolution: Resolution | None = None, as_of=None
) -> list[FieldGroup]:
    """``as_of``: the date the figures stand at, when earlier than the period's end (a mid-term
    review); by default the date of the unit's conference reviewing the period, if inside it."""
    prev = period.same_period_last_year()
    periods = [period.code] + ([prev.code] if prev else [])
    results = {
        (r.indicator_id, r.period): r
        for r in Result.objects.filter(unit=unit, period__in=periods).select_related("indicator")
    }
    stated_by_result: dict[int, list[StatedComparison]] = defaultdict(list)
    for s in StatedComparison.objects.filter(result__unit=unit, result__period=period.code):
        stated_by_result[s.result_id].append(s)

    target_periods = _applicable_periods(period)
    tq = Q(period__in=target_periods)
    # Term targets (congress resolutions) apply to every period inside the term.
    term_targets = [
        t
        for t in Target.objects.filter(unit=unit, period__regex=r"^[0-9]{4}-[0-9]{4}$").exclude(
            period__in=target_periods
        )
        if _term_contains(t.period, period)
    ]
    targets_qs = Target.objects.filter(Q(unit=unit) & tq).select_related("resolution")
    if resolution is not None:
        targets_qs = targets_qs.filter(resolution=resolution)
        term_targets = [t for t in term_targets if t.resolution_id == resolution.pk]
    targets: dict[int, dict[str, Target]] = defaultdict(dict)
    for t in sorted(
        list(targets_qs) + term_targets, key=lambda t: _specificity(t.period, target_periods), reverse=True
    ):
        targets[t.indicator_id][t.basis] = t  # most specific period wins

    if as_of is None:
        as_of = review_date(unit, period)
    in_force_of = targets_in_force(unit, as_of or period.end)
    if resolution is None:
        ind_ids = {iid for (iid, _pc) in results} | set(targets)
    else:
        ind_ids = set(targets)  # only what the resolution sets targets for

    children = unit_children(unit, on=min(period.end, unit.valid_to or period.end))
    # What the units below reported comes from the roll-up table (kept up to date by result_save):
    # one row per indicator, however many units there are.
    below: dict[int, RollupRow] = {}
    if children:
        below = {r.indicator_id: r for r in RollupRow.objects.filter(unit=unit, period=period.code)}
    count_indicators = list(
        Indicator.objects.filter(aggregation=Aggregation.COUNT_MEETING, child_indicator_id__in=list(below))
    )  # "X/Y xã đạt chuẩn" wherever the units below carry the flags it counts
    own_ids = set(ind_ids)
    if resolution is None:
        ind_ids |= {i.pk for i in count_indicators} | set(below)

    indicators = {
        i.pk: i for i in Indicator.objects.filter(pk__in=ind_ids).select_related("measure_unit", "parent")
    }
    counts: dict[int, tuple] = {}
    if children:
        from .dashboard import counts_below

        on = min(period.end, unit.valid_to or period.end)
        wanted = [i for i in indicators.values() if i.aggregation == Aggregation.COUNT_MEETING]
        counts = {k: v.get(unit.pk, (None, None)) for k, v in counts_below(unit, on, period, wanted).items()}
    # A unit formed after last year's period is compared with its predecessors' figures.
    rebuilt_prev = {}
    if prev is not None and unit.valid_from > prev.start:
        rebuilt_prev = baselines([unit], list(indicators.values()), prev.code)
        rebuilt_prev = {k: b for k, b in rebuilt_prev.items() if b.rebuilt}
    # Components appear under their parent when the parent is in the table.
    rows_by_field: dict[str, list[ProgressRow]] = defaultdict(list)
    ordered = _order_with_components(list(indicators.values()))
    for ind, depth in ordered:
        if ind.pk not in own_ids and ind.aggregation == Aggregation.NONE:
            continue  # reported only below, and it does not roll up
        res = results.get((ind.pk, period.code))
        prev_res = results.get((ind.pk, prev.code)) if prev else None
        value = res.value if res else None
        cells: list[BasisCell] = []
        stated = stated_by_result.get(res.pk, []) if res else []
        stated_of = {s.basis: s for s in stated if s.kind == ComparisonKind.OF}
        status = Status.NO_TARGET
        for basis in BASIS_ORDER:
            t = targets.get(ind.pk, {}).get(basis)
            st = stated_of.get(basis)
            if t is None and st is None:
                continue
            a = None
            tp = parse_period(t.period) if t is not None else (period.year_period() or period)
            expected = None
            if ind.measure == Measure.FLOW or (t is not None and t.kind == "cumulative"):
                expected = expected_share(period, tp, as_of=as_of, season=ind.season or None)
            in_force = in_force_of.get(t.pk) if t is not None else None
            if t is not None:
                a = assess(
                    value,
                    in_force if in_force is not None else t.value,
                    polarity=Polarity(ind.polarity),
                    kind=t.kind,
                    measure=Measure(ind.measure),
                    expected=expected,
                )
            cell = BasisCell(basis=basis, target=t, assessment=a, target_period=tp, in_force=in_force)
            if st is not None:
                cell.written = st.basis_label
                cell.decimals = _decimals(st.percent)
                if a is None or a.percent is None:
                    cell.stated_percent = st.percent
                    cell.stated_qualifier = st.qualifier
                    # A share stated without value or target is a basis for assessment all the same.
                    share = st.percent
                    if st.qualifier == "over" and share >= 100:
                        share = share + Decimal("0.01")  # "trên 100%": more than the target
                    a = assess_share(
                        share,
                        polarity=Polarity(ind.polarity),
                        kind=t.kind if t is not None else "level",
                        measure=Measure(ind.measure),
                        expected=expected_share(period, tp, as_of=as_of, season=ind.season or None),
                    )
                    cell.assessment = Assessment(st.percent, a.status, a.on_pace, a.expected)
            if status == Status.NO_TARGET and cell.assessment is not None:
                status = cell.assessment.status
            cells.append(cell)
        change, points, change_stated = None, _is_percent(ind), False
        rebuilt = rebuilt_prev.get((unit.pk, ind.pk)) if prev_res is None else None
        prev_value = prev_res.value if prev_res is not None else (rebuilt.value if rebuilt else None)
        if value is not None and prev_value is not None:
            change = change_points(value, prev_value) if points else change_percent(value, prev_value)
        else:
            for s in stated:
                if s.kind == ComparisonKind.CHANGE and s.basis == StatedBasis.SAME_PERIOD:
                    change, points, change_stated = s.percent, False, True
        row = ProgressRow(
            indicator=ind,
            depth=depth,
            result=res,
            previous=prev_res,
            bases=cells,
            change=change,
            change_is_points=points,
            change_stated=change_stated,
            change_rebuilt=rebuilt if rebuilt is not None and change is not None else None,
            status=status,
            stated=stated,
        )
        _attach_rollup(row, ind, children, below, counts)
        rows_by_field[ind.field].append(row)
    labels = dict(Field.choices)
    return [FieldGroup(f, labels[f], rows_by_field[f]) for f in FIELD_ORDER if rows_by_field.get(f)]


def _term_contains(code: str, period: Period) -> bool:
    try:
        tp = parse_period(code)
    except ValueError:
        return False
    return tp.kind == PeriodKind.TERM and tp.contains(period)


def _specificity(code: str, target_periods: list[str]) -> int:
    if code in target_periods:
        return len(target_periods) - target_periods.index(code)
    return 0


def _order_with_components(indicators: list[Indicator]) -> list[tuple[Indicator, int]]:
    present = {i.pk for i in indicators}
    by_parent: dict[int | None, list[Indicator]] = defaultdict(list)
    for i in indicators:
        by_parent[i.parent_id if i.parent_id in present else None].append(i)
    out: list[tuple[Indicator, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for i in sorted(by_parent.get(parent, []), key=lambda x: (x.sort_order, x.code)):
            out.append((i, depth))
            walk(i.pk, depth + 1)

    walk(None, 0)
    return out


def _attach_rollup(row: ProgressRow, ind: Indicator, children: list[Unit], below: dict, counts: dict) -> None:
    """The units below, by the one rule (progress.py): X/Y counted on the tree, any other figure from
    the unit's kept roll-up row (its children's own figures, else their roll-ups)."""
    if not children:
        return
    agg = Aggregation(ind.aggregation)
    if agg == Aggregation.COUNT_MEETING:
        x, y = counts.get(ind.pk, (None, None))
        if y is None:
            return
        row.rollup = Rollup(
            value=x, numerator=x, denominator=y, reporting=int(y), expected=int(y), missing=()
        )
        row.rollup_count = (int(x), int(y))
        return
    if agg == Aggregation.NONE:
        return
    src = below.get(ind.pk)
    if src is None or not (src.reporting or src.paired):
        return
    row.rollup = Rollup(
        value=rollup_value(src, ind),
        numerator=Decimal(src.numerator),
        denominator=Decimal(src.denominator),
        reporting=int(src.reporting),
        expected=len(children),
        missing=(),
    )


@dataclass
class RebuiltResult:
    """A figure of a unit before it existed, rebuilt from its predecessors (shown as such)."""

    period: str
    value: Decimal | None
    denominator: Decimal | None
    sources: tuple[str, ...]
    status: str = "rebuilt"
    rebuilt: bool = True
    note: str = ""
    source_ref: str = ""

    def get_status_display(self) -> str:
        return str(_("rebuilt from predecessors"))

    def get_source_display(self) -> str:
        return ", ".join(self.sources)


def indicator_history(indicator: Indicator, unit: Unit) -> list:
    """The unit's series; before the unit existed, the series of the units it was formed from."""
    rows: list = list(Result.objects.filter(indicator=indicator, unit=unit))
    have = {r.period for r in rows}
    from chitieu.orgs.models import UnitLineage

    pred_ids = list(UnitLineage.objects.filter(successor=unit).values_list("predecessor_id", flat=True))
    if pred_ids:
        earlier = set(
            Result.objects.filter(indicator=indicator, unit_id__in=pred_ids).values_list("period", flat=True)
        )
        for code in sorted(earlier - have):
            p = parse_period(code)
            if p.end >= unit.valid_from:
                continue
            b = baselines([unit], [indicator], code).get((unit.pk, indicator.pk))
            if b is not None and b.rebuilt:
                rows.append(RebuiltResult(code, b.value, None, b.sources))
    rows.sort(key=lambda r: parse_period(r.period).sort_key)
    return rows


@dataclass
class ScoreLine:
    """One numbered target of a resolution (chỉ tiêu số n) and how it stands for a period."""

    number: int
    indicator: Indicator
    cell: BasisCell | None
    status: Status

    @property
    def met(self) -> bool:
        return self.status in MET_STATUSES


@dataclass
class Scorecard:
    """ "Đạt X/N chỉ tiêu": the resolution's numbered targets for a period, each assessed by the one
    assessment function (part-way through the term: on pace counts as met)."""

    lines: list[ScoreLine]

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def met(self) -> int:
        return sum(1 for line in self.lines if line.met)

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.met) * 100 / Decimal(self.total) if self.total else None


def resolution_scorecard(resolution: Resolution, period: Period, *, as_of=None) -> Scorecard:
    """The resolution's numbered targets in force for the period, assessed on its unit's figures."""
    numbered = {
        t.indicator_id: t.number
        for t in Target.objects.filter(resolution=resolution, number__isnull=False).only(
            "indicator_id", "number"
        )
    }
    if not numbered:
        return Scorecard([])
    rows = {
        r.indicator.pk: r
        for g in progress_table(resolution.unit, period, resolution=resolution, as_of=as_of)
        for r in g.rows
    }
    lines = []
    indicators = {
        i.pk: i for i in Indicator.objects.filter(pk__in=list(numbered)).select_related("measure_unit")
    }
    for ind_id, number in sorted(numbered.items(), key=lambda kv: kv[1]):
        row = rows.get(ind_id)
        cell = (
            next(
                (c for c in row.bases if c.target is not None and c.target.resolution_id == resolution.pk),
                None,
            )
            if row
            else None
        )
        status = (
            cell.assessment.status if cell is not None and cell.assessment is not None else Status.NO_TARGET
        )
        lines.append(ScoreLine(number, indicators[ind_id], cell, status))
    return Scorecard(lines)
