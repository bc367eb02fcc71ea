"""Progress arithmetic: how far a result is from its target, changes, and roll-ups over units.

Pure Python (no Django), exact :class:`decimal.Decimal` arithmetic; floats are refused with ``TypeError``.
Intermediate results are computed with 40 significant digits; nothing is rounded for display here.

The string enums mirror the database choices of the reporting app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from chitieu.indicators.choices import Aggregation, Measure, Polarity, TargetKind

from .choices import Status

__all__ = [
    "Aggregation",
    "Assessment",
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


@dataclass(frozen=True)
class Assessment:
    """``percent`` of target (unrounded, or None), ``status``, and whether the status was judged pro rata."""

    percent: Decimal | None
    status: Status
    on_pace: bool


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

    Partial periods: when ``measure`` is FLOW and ``elapsed`` < 1 (a year-to-date result against the
    year's plan, e.g. elapsed = 1/2 at H1, see ``Period.elapsed_fraction_of_year``), the percent is still
    value/target × 100 as reports write it, but the status is judged against the pro-rata expectation
    target × elapsed with the rules above, and ``on_pace`` is True: 51,7% at H1 is EXCEEDED, 31% is
    NOT_ACHIEVED.  STOCK, RATIO and COUNT_MEETING measures are judged directly (``on_pace`` False).
    ``elapsed`` must lie in (0, 1].
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
    if meas is Measure.FLOW and share < 1:
        with localcontext(prec=PRECISION):
            expected = t * share
        return Assessment(percent, _judge(v, expected, lower=lower, kind=knd), True)
    return Assessment(percent, _judge(v, t, lower=lower, kind=knd), False)


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
