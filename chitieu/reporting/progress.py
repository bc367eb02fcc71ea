"""Progress arithmetic: how far a result is from its target, changes, and roll-ups over units.

Pure Python (no Django), exact :class:`decimal.Decimal` arithmetic; floats are refused with ``TypeError``.
Intermediate results are computed with 40 significant digits; nothing is rounded for display here.

The string enums mirror the database choices of the reporting app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from chitieu.indicators.choices import Aggregation, Measure, Polarity, TargetKind
from chitieu.lib.periods import Period, PeriodKind

from .choices import Status

__all__ = [
    "PACE_TOLERANCE",
    "Aggregation",
    "Assessment",
    "Sums",
    "assess_share",
    "contribution",
    "count_units",
    "expected_share",
    "figure_of",
    "judge_pace",
    "rolled_value",
    "ChildValue",
    "Measure",
    "Polarity",
    "Rollup",
    "Status",
    "TargetKind",
    "assess",
    "change_percent",
    "change_points",
    "count_meeting",
    "derive_target",
    "percent_of",
    "rollup",
]

PRECISION = 40
_HUNDRED = Decimal(100)
# Average-growth rates are rounded to this many decimals so that exact cases (121 over 100 in two years is
# exactly 10 %/year) compare equal to their targets despite the fractional power.
_RATE_PLACES = 20


MET = frozenset({Status.ACHIEVED, Status.EXCEEDED})


# "Đúng tiến độ" (on pace): the share achieved lies within this many percentage points of the share
# expected by now (the time elapsed, or the indicator's seasonal profile). Five points: at the half year
# 45–55% of the year's plan is on pace, 31% is behind, 59,9% ahead; at the first quarter 20–30%.
PACE_TOLERANCE = Decimal(5)


@dataclass(frozen=True)
class Assessment:
    """``percent`` of target (the share achieved, unrounded, or None), ``status``, whether the status was
    judged part-way through the target's period (``on_pace``), and then the share ``expected`` by now."""

    percent: Decimal | None
    status: Status
    on_pace: bool
    expected: Decimal | None = None


def _dec(value: Decimal | int | None, name: str) -> Decimal | None:
    """Accept Decimal or int (exactly convertible); refuse floats, bools, strings and non-finite values."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(
            f"{name} must be a Decimal or int, got {type(value).__name__} (floats are not accepted)"
        )
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def _lower_is_better(polarity: Polarity, kind: TargetKind) -> bool:
    """Effective direction: a ceiling is always lower-is-better, a floor higher-is-better, else polarity."""
    if kind is TargetKind.CEILING:
        return True
    if kind is TargetKind.FLOOR:
        return False
    return polarity is Polarity.LOWER


def percent_of(
    value: Decimal | int | None,
    target: Decimal | int | None,
    *,
    polarity: Polarity | str = Polarity.HIGHER,
    kind: TargetKind | str = TargetKind.LEVEL,
) -> Decimal | None:
    """Percent of target, unrounded: value/target×100, or target/value×100 when lower is better.

    Lower is better for LOWER polarity and for a CEILING (a FLOOR is always higher-is-better).  None when
    either operand is None, the target is 0, or (lower is better) the value is 0.
    """
    v, t = _dec(value, "value"), _dec(target, "target")
    if v is None or t is None or t.is_zero():
        return None
    with localcontext(prec=PRECISION):
        if _lower_is_better(Polarity(polarity), TargetKind(kind)):
            return None if v.is_zero() else t / v * _HUNDRED
        return v / t * _HUNDRED


def _judge(value: Decimal, target: Decimal, *, lower: bool, kind: TargetKind) -> Status:
    if kind is TargetKind.CEILING:  # "dưới …": strictly below
        return Status.ACHIEVED if value < target else Status.NOT_ACHIEVED
    if value == target:
        return Status.ACHIEVED
    better = value < target if lower else value > target
    return Status.EXCEEDED if better else Status.NOT_ACHIEVED


def _growth_rate(value: Decimal, baseline: Decimal, years: int) -> Decimal:
    """Average annual growth in %: ((value/baseline)^(1/years) − 1) × 100."""
    with localcontext(prec=PRECISION + 10) as ctx:
        ratio = value / baseline
        root = ratio if years == 1 else ratio ** (Decimal(1) / Decimal(years))
        rate = (root - 1) * _HUNDRED
        ctx.prec = max(ctx.prec, rate.adjusted() + _RATE_PLACES + 5)
        return rate.quantize(Decimal(1).scaleb(-_RATE_PLACES), rounding=ROUND_HALF_UP)


def assess(
    value: Decimal | None,
    target: Decimal | None,
    *,
    polarity: Polarity | str = Polarity.HIGHER,
    kind: TargetKind | str = TargetKind.LEVEL,
    measure: Measure | str = Measure.FLOW,
    elapsed: Decimal = Decimal(1),
    expected: Decimal | None = None,
    tolerance: Decimal = PACE_TOLERANCE,
    baseline: Decimal | None = None,
    years: int | None = None,
) -> Assessment:
    """Judge a result against its target.

    Percent of target (``percent``, unrounded; callers round for display):

    * HIGHER polarity with LEVEL / FLOOR / CUMULATIVE: value / target × 100 ("đạt 59,9% kế hoạch");
    * LOWER polarity with LEVEL / CUMULATIVE, and every CEILING: target / value × 100 (a lower value scores
      higher); value 0 then gives percent None (the status is still judged);
    * a FLOOR ("từ … trở lên") is higher-is-better whatever the polarity says;
    * target 0 gives percent None.

    Status (value or target None -> NO_TARGET):

    * LEVEL / CUMULATIVE, HIGHER: value > target EXCEEDED, == ACHIEVED, < NOT_ACHIEVED;
      LOWER: value < target EXCEEDED, == ACHIEVED, > NOT_ACHIEVED;
    * FLOOR: value > target EXCEEDED, == ACHIEVED, else NOT_ACHIEVED;
    * CEILING ("dưới …"): value < target ACHIEVED, else NOT_ACHIEVED (never EXCEEDED).

    AVG_GROWTH: ``target`` is an average annual growth rate in %, ``baseline`` the value at the start and
    ``years`` (> 0) the number of years; actual rate = ((value/baseline)^(1/years) − 1) × 100 (rounded to 20
    decimals), percent = actual / target × 100, status compares the actual rate with the target rate
    honouring polarity.  Missing or non-positive baseline or years, or a negative value -> percent None,
    NO_TARGET.  ``elapsed`` does not apply.

    Part-way through the target's period (``expected``: the share of the target expected by now, in %,
    from the time elapsed or a seasonal profile; or ``elapsed`` < 1, the fraction of the period gone):
    FLOW measures and CUMULATIVE targets are judged on pace (``on_pace`` True), see :func:`judge_pace`;
    the percent is still value/target × 100 as reports write it ("đạt 51,7% kế hoạch năm"). STOCK, RATIO
    and COUNT_MEETING measures are judged directly (``on_pace`` False). ``elapsed`` must lie in (0, 1].
    """
    pol, knd, meas = Polarity(polarity), TargetKind(kind), Measure(measure)
    v, t = _dec(value, "value"), _dec(target, "target")
    share = _dec(elapsed, "elapsed")
    if share is None or not Decimal(0) < share <= 1:
        raise ValueError(f"elapsed must lie in (0, 1], got {elapsed}")
    if v is None or t is None:
        return Assessment(None, Status.NO_TARGET, False)
    lower = _lower_is_better(pol, knd)

    if knd is TargetKind.AVG_GROWTH:
        base = _dec(baseline, "baseline")
        if base is None or base <= 0 or years is None or years <= 0 or v < 0:
            return Assessment(None, Status.NO_TARGET, False)
        rate = _growth_rate(v, base, years)
        with localcontext(prec=PRECISION):
            percent = None if t.is_zero() else rate / t * _HUNDRED
        return Assessment(percent, _judge(rate, t, lower=lower, kind=knd), False)

    percent = percent_of(v, t, polarity=pol, kind=knd)
    if expected is None and share < 1:
        expected = share * _HUNDRED
    if (
        expected is not None
        and expected < _HUNDRED
        and (meas is Measure.FLOW or knd is TargetKind.CUMULATIVE)
    ):
        if t.is_zero():
            return Assessment(None, _judge(v, t, lower=lower, kind=knd), False)
        with localcontext(prec=PRECISION):
            used = v / t * _HUNDRED  # the share of the target done (or, lower is better, used up)
        status = judge_pace(used, expected, lower=lower, tolerance=tolerance)
        return Assessment(percent, status, True, expected)
    return Assessment(percent, _judge(v, t, lower=lower, kind=knd), False)


def judge_pace(
    share: Decimal, expected: Decimal, *, lower: bool = False, tolerance: Decimal = PACE_TOLERANCE
) -> Status:
    """Part-way through a target's period: ``share`` of the target done so far (%) against the share
    ``expected`` by now (%).

    Higher is better: 100% or more is the whole target reached early (ACHIEVED at exactly 100, EXCEEDED
    above); otherwise AHEAD when the share is more than ``tolerance`` points above the expectation,
    BEHIND when more than ``tolerance`` below, ON_PACE within (bounds included). Lower is better (a
    ceiling for the year, "dưới …"): ``share`` is the part of the ceiling used up; above 100% the ceiling
    is already broken (NOT_ACHIEVED), more than ``tolerance`` above the expectation is BEHIND, below AHEAD.
    A share below 100% is never EXCEEDED.
    """
    s, e = _num(_dec(share, "share")), _num(_dec(expected, "expected"))
    tol = _num(_dec(tolerance, "tolerance"))
    if lower:
        if s > _HUNDRED:
            return Status.NOT_ACHIEVED
        s, e = e, s  # using less than expected is being ahead
    elif s >= _HUNDRED:
        return Status.EXCEEDED if s > _HUNDRED else Status.ACHIEVED
    if s - e > tol:
        return Status.AHEAD
    if e - s > tol:
        return Status.BEHIND
    return Status.ON_PACE


def assess_share(
    share: Decimal,
    *,
    polarity: Polarity | str = Polarity.HIGHER,
    kind: TargetKind | str = TargetKind.LEVEL,
    measure: Measure | str = Measure.FLOW,
    expected: Decimal | None = None,
    tolerance: Decimal = PACE_TOLERANCE,
) -> Assessment:
    """Judge a share stated by the source ("đạt 31% kế hoạch") when neither the value nor the target is
    known: the stated share is the basis. Same rules as :func:`assess` (``share`` is value/target × 100,
    or target/value × 100 when lower is better)."""
    pol, knd, meas = Polarity(polarity), TargetKind(kind), Measure(measure)
    s = _num(_dec(share, "share"))
    lower = _lower_is_better(pol, knd)
    if (
        expected is not None
        and expected < _HUNDRED
        and (meas is Measure.FLOW or knd is TargetKind.CUMULATIVE)
    ):
        used = s
        if lower:
            if s.is_zero():
                return Assessment(s, Status.NO_TARGET, False)
            with localcontext(prec=PRECISION):
                used = _HUNDRED * _HUNDRED / s
        return Assessment(s, judge_pace(used, expected, lower=lower, tolerance=tolerance), True, expected)
    if knd is TargetKind.CEILING:
        return Assessment(s, Status.ACHIEVED if s > _HUNDRED else Status.NOT_ACHIEVED, False)
    if s == _HUNDRED:
        return Assessment(s, Status.ACHIEVED, False)
    return Assessment(s, Status.EXCEEDED if s > _HUNDRED else Status.NOT_ACHIEVED, False)


def expected_share(
    result_period: Period,
    target_period: Period,
    *,
    as_of: dt.date | None = None,
    season: Sequence[Decimal] | None = None,
) -> Decimal | None:
    """The share (%) of a target expected to be done by the end of ``result_period`` (or ``as_of``, the
    date of a review inside it, when earlier), or None when the result covers the target's whole period.

    * a year's target: the months elapsed / 12 (Q1 25%, a half-year 50%, 9 months 75%, month n n/12), or
      the indicator's seasonal profile: ``season`` holds 12 cumulative shares (%) of the year's plan
      normally done by the end of each month;
    * a term's target: the years elapsed / the term's years, counted from the congress in its first year
      (a 2020–2025 term is five years of work, 2021–2025: the end of 2022 is 40%, mid-2023 50%);
    * any other longer period: the months elapsed over its months.
    """
    end = result_period.end
    if as_of is not None and as_of < end:
        end = as_of
    if end >= target_period.end or end < target_period.start:
        return None
    if target_period.kind is PeriodKind.TERM:
        assert target_period.end_year is not None
        years = Decimal(target_period.end_year - target_period.year)
        done = Decimal(end.year - target_period.year - 1) + Decimal(end.month) / 12
        return max(Decimal(0), min(_HUNDRED, done / years * _HUNDRED))
    months = (end.year - target_period.start.year) * 12 + end.month - target_period.start.month + 1
    total = (
        (target_period.end.year - target_period.start.year) * 12
        + target_period.end.month
        - target_period.start.month
        + 1
    )
    if target_period.kind is PeriodKind.YEAR and season:
        return Decimal(season[end.month - 1])
    with localcontext(prec=PRECISION):
        return Decimal(months) / Decimal(total) * _HUNDRED


def change_percent(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Relative change in % ("tăng 15,9% so với cùng kỳ"): (value − previous) / |previous| × 100.

    None when either is None or ``previous`` is 0.  For indicators that are themselves percentages use
    :func:`change_points` instead; never mix the two.
    """
    v, p = _dec(value, "value"), _dec(previous, "previous")
    if v is None or p is None or p.is_zero():
        return None
    with localcontext(prec=PRECISION):
        return (v - p) / abs(p) * _HUNDRED


def change_points(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change in percentage points (điểm phần trăm): value − previous; None when either is None."""
    v, p = _dec(value, "value"), _dec(previous, "previous")
    if v is None or p is None:
        return None
    with localcontext(prec=PRECISION):
        return v - p


# -- roll-ups ----------------------------------------------------------------------------------------

# The one rule. A parent's figure for a period is its own reported figure when it has one, otherwise
# the roll-up of its children, each child contributing in the same way (its own figure, else its own
# roll-up). A figure is carried as its Sums, so that sums of sums are the sums of the figures: the kept
# Rollup table holds, per unit, the Sums of its children's contributions, and rolled_value() turns
# Sums into the value the indicator's rule asks for — the same arithmetic for the live roll-up, the
# dashboard, the unit page and the documents.


@dataclass(frozen=True)
class Sums:
    """What a set of figures adds up to: Σ value and how many have one; Σ numerator and Σ denominator
    over those that have both (``paired``); Σ value × weight and Σ weight over those with a weight; how
    many meet the indicator's threshold."""

    total: Decimal = Decimal(0)
    reporting: int = 0
    numerator: Decimal = Decimal(0)
    denominator: Decimal = Decimal(0)
    paired: int = 0
    weighted: Decimal = Decimal(0)
    weight: Decimal = Decimal(0)
    meeting: int = 0

    FIELDS = ("total", "reporting", "numerator", "denominator", "paired", "weighted", "weight", "meeting")

    def __add__(self, other: Sums) -> Sums:
        with localcontext(prec=PRECISION):
            return Sums(*(getattr(self, f) + getattr(other, f) for f in self.FIELDS))

    def __sub__(self, other: Sums) -> Sums:
        with localcontext(prec=PRECISION):
            return Sums(*(getattr(self, f) - getattr(other, f) for f in self.FIELDS))

    def __bool__(self) -> bool:
        """A figure was reported (something to roll up)."""
        return bool(self.reporting or self.paired)

    def as_tuple(self) -> tuple:
        return tuple(getattr(self, f) for f in self.FIELDS)


NOTHING = Sums()


def contribution(
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    *,
    weight: Decimal | None = None,
    threshold: Decimal | None = None,
    polarity: Polarity | str = Polarity.HIGHER,
) -> Sums:
    """One reported figure as Sums. Nothing when it has neither a value nor a numerator and denominator
    (a figure stated only as percentages adds nothing up)."""
    v, n, d = _dec(value, "value"), _dec(numerator, "numerator"), _dec(denominator, "denominator")
    w = _dec(weight, "weight")
    pair = n is not None and d is not None
    if v is None and not pair:
        return NOTHING
    meets = 0
    if v is not None and threshold is not None:
        t = _num(_dec(threshold, "threshold"))
        meets = int(v <= t if Polarity(polarity) is Polarity.LOWER else v >= t)
    with localcontext(prec=PRECISION):
        return Sums(
            total=v if v is not None else Decimal(0),
            reporting=int(v is not None),
            numerator=n if pair else Decimal(0),
            denominator=d if pair else Decimal(0),
            paired=int(pair),
            weighted=v * w if v is not None and w is not None else Decimal(0),
            weight=w if v is not None and w is not None else Decimal(0),
            meeting=meets,
        )


def rolled_value(
    sums: Sums | None, aggregation: Aggregation | str, *, scale: Decimal = _HUNDRED
) -> Decimal | None:
    """The value an indicator's roll-up rule gives for these Sums (None: nothing to show).

    * SUM: Σ value; AVG: Σ value / how many; WEIGHTED_AVG: Σ value × weight / Σ weight;
    * RATIO_OF_SUMS: Σ numerator / Σ denominator × ``scale`` when every figure has both; a single figure
      without them is its own ratio; several, some without, cannot be combined (None) — rates are never
      averaged;
    * COUNT_MEETING: how many meet the threshold (the X of "X/Y"; Y is counted on the unit tree, see
      :func:`count_units`); NONE: None.
    """
    if sums is None or not sums:
        return None
    agg = Aggregation(aggregation)
    with localcontext(prec=PRECISION):
        if agg is Aggregation.SUM:
            return sums.total if sums.reporting else None
        if agg is Aggregation.AVG:
            return sums.total / sums.reporting if sums.reporting else None
        if agg is Aggregation.WEIGHTED_AVG:
            return sums.weighted / sums.weight if sums.weight else None
        if agg is Aggregation.RATIO_OF_SUMS:
            if sums.paired and sums.paired >= sums.reporting:
                return sums.numerator / sums.denominator * _num(scale) if sums.denominator else None
            if sums.reporting == 1 and not sums.paired:
                return sums.total
            return None
        if agg is Aggregation.COUNT_MEETING:
            return Decimal(sums.meeting) if sums.reporting else None
    return None


def figure_of(own: Sums, below: Sums | None) -> tuple[Sums, bool]:
    """A unit's figure: its own when it reported one, else the roll-up of the units below it. Returns
    the Sums it contributes upwards and whether they are the roll-up (True) rather than its own."""
    if own:
        return own, False
    return (below or NOTHING), True


@dataclass(frozen=True)
class TreeUnit:
    """A unit of the tree counted by :func:`count_units`: ``key``, its ``parent`` key, its ``kind``."""

    key: int | str
    parent: int | str | None
    kind: str


def count_units(
    units: Sequence[TreeUnit],
    *,
    kinds: set[str] | frozenset[str],
    flags: dict,
    own: dict,
    threshold: Decimal | None,
    polarity: Polarity | str = Polarity.HIGHER,
) -> dict:
    """ "X/Y xã đạt chuẩn" for every unit of a tree: X units of Y that exist under it.

    A unit of a counted kind (``kinds``; empty: units with none below them) is one of Y, and one of X
    when its flag (``flags[key]``) meets ``threshold`` (honouring polarity). Any other unit counts its own
    X/Y when it reported one (``own[key] = (X, Y)``), else the sum over the units under it. Returns
    ``{key: (X, Y)}`` as Decimals.
    """
    pol = Polarity(polarity)
    limit = _dec(threshold, "threshold")
    below: dict = {}
    for u in units:
        below.setdefault(u.parent, []).append(u)
    out: dict = {}

    def visit(u: TreeUnit) -> tuple[Decimal, Decimal]:
        if u.key in own:
            x, y = own[u.key]
            result = (Decimal(x), Decimal(y))
        elif (u.kind in kinds) if kinds else not below.get(u.key):
            flag = _dec(flags.get(u.key), "flag")
            meets = (
                flag is not None
                and limit is not None
                and (flag <= limit if pol is Polarity.LOWER else flag >= limit)
            )
            result = (Decimal(int(meets)), Decimal(1))
        else:
            x = y = Decimal(0)
            for c in below.get(u.key, []):
                cx, cy = visit(c)
                x, y = x + cx, y + cy
            result = (x, y)
        out[u.key] = result
        return result

    keys = {u.key for u in units}
    for u in units:
        if u.parent not in keys:
            visit(u)
    return out


@dataclass(frozen=True)
class ChildValue:
    """One subordinate unit's figure for a roll-up (``key`` identifies the unit)."""

    key: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    weight: Decimal | None = None
    target: Decimal | None = None


@dataclass(frozen=True)
class Rollup:
    """Result of :func:`rollup`.

    ``reporting`` counts the children that contributed, ``expected`` all children, ``missing`` lists the
    keys of the children that could not contribute (in input order).
    """

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    reporting: int
    expected: int
    missing: tuple[str, ...]


def _meets(child: ChildValue, polarity: Polarity, threshold: Decimal | None) -> bool:
    value = _dec(child.value, "value")
    if value is None:
        return False
    if threshold is None:
        return assess(value, child.target, polarity=polarity).status in MET
    return value <= threshold if polarity is Polarity.LOWER else value >= threshold


def count_meeting(
    children: Sequence[ChildValue],
    *,
    polarity: Polarity | str = Polarity.HIGHER,
    threshold: Decimal | None = None,
) -> tuple[int, int]:
    """(units meeting the condition, all units): "8/9 xã đạt chuẩn".

    A child meets it when its value satisfies ``threshold`` honouring polarity (HIGHER: value ≥ threshold,
    LOWER: value ≤ threshold) or, without a threshold, when its own target is met (``assess`` status
    ACHIEVED or EXCEEDED).  Children without a value (or, without a threshold, without a target) do not.
    """
    pol = Polarity(polarity)
    limit = _dec(threshold, "threshold")
    return sum(1 for c in children if _meets(c, pol, limit)), len(children)


def rollup(
    children: Sequence[ChildValue],
    aggregation: Aggregation | str,
    *,
    polarity: Polarity | str = Polarity.HIGHER,
    threshold: Decimal | None = None,
    scale: Decimal = _HUNDRED,
) -> Rollup:
    """Aggregate the children's figures into the parent's.

    * SUM: sum of present values.
    * AVG: arithmetic mean of present values (numerator = their sum, denominator = their count).
    * WEIGHTED_AVG: Σ(value·weight) / Σweight over children with both (numerator / denominator = those
      sums); Σweight = 0 gives value None.
    * RATIO_OF_SUMS: Σnumerator / Σdenominator × ``scale`` over children with both numerator and
      denominator (a child with only a value is missing: rates cannot be summed); the sums are returned as
      numerator / denominator so that a parent can roll them up again; Σdenominator = 0 gives value None.
    * COUNT_MEETING: numerator = number of children meeting the condition (see :func:`count_meeting`),
      denominator = all children, value = numerator; children without a value are missing and do not
      meet it, so when none reports the value is 0 of expected.
    * NONE: value None (reporting / missing still describe who reported a value).

    The value is None whenever no child contributes (except COUNT_MEETING), and for no children at all.
    """
    agg = Aggregation(aggregation)
    pol = Polarity(polarity)
    factor = _dec(scale, "scale")
    expected = len(children)
    if not children:
        return Rollup(None, None, None, 0, 0, ())

    def needs(*fields: str) -> tuple[list[ChildValue], tuple[str, ...]]:
        used = [c for c in children if all(getattr(c, f) is not None for f in fields)]
        missing = tuple(c.key for c in children if any(getattr(c, f) is None for f in fields))
        return used, missing

    with localcontext(prec=PRECISION):
        if agg is Aggregation.COUNT_MEETING:
            used, missing = needs("value")
            met, total = count_meeting(children, polarity=pol, threshold=threshold)
            return Rollup(Decimal(met), Decimal(met), Decimal(total), len(used), expected, missing)

        if agg is Aggregation.RATIO_OF_SUMS:
            used, missing = needs("numerator", "denominator")
            if not used:
                return Rollup(None, None, None, 0, expected, missing)
            num = sum((_num(c.numerator) for c in used), Decimal(0))
            den = sum((_num(c.denominator) for c in used), Decimal(0))
            value = None if den.is_zero() else num / den * _num(factor)
            return Rollup(value, num, den, len(used), expected, missing)

        if agg is Aggregation.WEIGHTED_AVG:
            used, missing = needs("value", "weight")
            if not used:
                return Rollup(None, None, None, 0, expected, missing)
            num = sum((_num(c.value) * _num(c.weight) for c in used), Decimal(0))
            den = sum((_num(c.weight) for c in used), Decimal(0))
            value = None if den.is_zero() else num / den
            return Rollup(value, num, den, len(used), expected, missing)

        used, missing = needs("value")
        if not used or agg is Aggregation.NONE:
            return Rollup(None, None, None, len(used), expected, missing)
        total_value = sum((_num(c.value) for c in used), Decimal(0))
        if agg is Aggregation.SUM:
            return Rollup(total_value, None, None, len(used), expected, missing)
        count = Decimal(len(used))
        return Rollup(total_value / count, total_value, count, len(used), expected, missing)


def _num(value: Decimal | int | None) -> Decimal:
    """A present figure as Decimal (callers have filtered out None)."""
    result = _dec(value, "figure")
    assert result is not None
    return result


# -- reading reports backwards -----------------------------------------------------------------------


def derive_target(
    value: Decimal, percent: Decimal, *, polarity: Polarity | str = Polarity.HIGHER, places: int = 3
) -> Decimal:
    """The target implied by "value đạt percent% kế hoạch".

    HIGHER: value × 100 / percent; LOWER: value × percent / 100 (since percent = target / value × 100).
    Rounded half up to ``places`` decimals, or to more decimals when needed so that
    ``percent_of(value, target)`` rounds (half up) back to ``percent`` at the percent's own number of
    decimals (``Decimal("59.9")`` -> 1, ``Decimal("106")`` -> 0).  Example: 101.761 tấn đạt 59,9% ->
    169.884,808.  Raises ``ValueError`` when percent <= 0, value is 0 or places < 0.
    """
    pol = Polarity(polarity)
    v, p = _dec(value, "value"), _dec(percent, "percent")
    if v is None or p is None:
        raise ValueError("derive_target needs a value and a percent")
    if p <= 0:
        raise ValueError(f"percent must be positive, got {p}")
    if v.is_zero():
        raise ValueError("cannot derive a target from a value of 0")
    if places < 0:
        raise ValueError("places must be >= 0")
    exponent = p.as_tuple().exponent
    assert isinstance(exponent, int)
    percent_places = Decimal(1).scaleb(min(exponent, 0))
    with localcontext(prec=PRECISION + 20) as ctx:
        exact = v * _HUNDRED / p if pol is Polarity.HIGHER else v * p / _HUNDRED
        for extra in range(PRECISION):
            digits = places + extra
            ctx.prec = max(PRECISION + 20, exact.adjusted() + digits + 5)
            candidate = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
            back = percent_of(v, candidate, polarity=pol)
            if back is not None and back.quantize(percent_places, rounding=ROUND_HALF_UP) == p:
                return candidate
    raise ValueError(
        f"no target with up to {places + PRECISION} decimals reproduces {p}%"
    )  # pragma: no cover
