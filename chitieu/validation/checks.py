"""The arithmetic of each rule kind, over plain figures (no database): each check returns a Violation
(the figures it involves, for the message and the finding's signature) or None."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Violation:
    field: str  # the figure's field the message belongs to: value, numerator, denominator
    details: dict

    @property
    def signature(self) -> str:
        """The figures involved: an override covers these, not a later change."""
        keys = sorted(
            k
            for k in self.details
            if k not in {"unit_symbol", "names", "basis", "parts_label", "period_label"}
        )
        return "|".join(f"{k}={_s(self.details[k])}" for k in keys)[:200]


def _s(x) -> str:
    if isinstance(x, Decimal):
        return format(x.normalize(), "f")
    return str(x)


def _txt(x: Decimal | None) -> str | None:
    return None if x is None else _s(x)


def half_unit(x: Decimal) -> Decimal:
    """Half a unit of the last decimal written: 13,8 → 0,05; 106 → 0,5 (what rounding can explain)."""
    exp = x.normalize().as_tuple().exponent
    return Decimal(5).scaleb(min(int(exp), 0) - 1) if isinstance(exp, int) else Decimal(0)


def bounds(value: Decimal | None, minimum: Decimal | None, maximum: Decimal | None) -> Violation | None:
    if value is None:
        return None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return Violation("value", {"value": _s(value), "minimum": _txt(minimum), "maximum": _txt(maximum)})
    return None


def flag(value: Decimal | None) -> Violation | None:
    if value is None or value in (0, 1):
        return None
    return Violation("value", {"value": _s(value)})


def numerator_within(numerator: Decimal | None, denominator: Decimal | None) -> Violation | None:
    if numerator is None or denominator is None or numerator <= denominator:
        return None
    return Violation("numerator", {"numerator": _s(numerator), "denominator": _s(denominator)})


def ratio_matches(
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    *,
    scale: Decimal,
    tolerance: Decimal,
) -> Violation | None:
    if value is None or numerator is None or not denominator:
        return None
    computed = numerator * scale / denominator
    if abs(computed - value) <= tolerance + half_unit(value):
        return None
    return Violation(
        "value",
        {
            "value": _s(value),
            "numerator": _s(numerator),
            "denominator": _s(denominator),
            "computed": _s(computed.quantize(Decimal("0.01"))),
        },
    )


def count_within(value: Decimal | None, denominator: Decimal | None) -> Violation | None:
    if value is None or denominator is None or value <= denominator:
        return None
    return Violation("value", {"value": _s(value), "denominator": _s(denominator)})


def parts_sum(
    whole: Decimal | None, parts: list[tuple[str, Decimal | None]], *, tolerance: Decimal
) -> Violation | None:
    """Only when the whole and every part are there: a missing part is not yet a contradiction."""
    if whole is None or not parts or any(v is None for _n, v in parts):
        return None
    total = sum((v for _n, v in parts if v is not None), Decimal(0))
    if abs(total - whole) <= tolerance:
        return None
    return Violation(
        "value", {"whole": _s(whole), "parts": _s(total), "names": ", ".join(n for n, _v in parts)}
    )


def periods_sum(
    whole: Decimal | None, parts: list[Decimal | None], *, tolerance: Decimal
) -> Violation | None:
    if whole is None or not parts or any(v is None for v in parts):
        return None
    total = sum((v for v in parts if v is not None), Decimal(0))
    if abs(total - whole) <= tolerance:
        return None
    return Violation("value", {"whole": _s(whole), "parts": _s(total)})


def stated_matches(
    stated: Decimal, computed: Decimal | None, value: Decimal, *, tolerance: Decimal
) -> Violation | None:
    """A stated percentage against the one the figures give now."""
    if computed is None or abs(computed - stated) <= tolerance + half_unit(stated):
        return None
    return Violation(
        "value", {"stated": _s(stated), "computed": _s(computed.quantize(Decimal("0.1"))), "value": _s(value)}
    )


def outlier(value: Decimal | None, history: list[Decimal], *, factor: Decimal) -> Violation | None:
    """Far from the median of the unit's own earlier figures (at least three, all positive)."""
    if value is None or len(history) < 3 or factor <= 1 or any(h <= 0 for h in history):
        return None
    median = Decimal(statistics.median(history))
    if value > median * factor or value * factor < median:
        return Violation("value", {"value": _s(value), "median": _s(median), "count": len(history)})
    return None


def rollup_matches(own: Decimal | None, below: Decimal | None, *, tolerance: Decimal) -> Violation | None:
    if own is None or below is None or abs(own - below) <= tolerance + half_unit(own):
        return None
    return Violation("value", {"own": _s(own), "below": _s(below.quantize(Decimal("0.000001")).normalize())})
