"""Consistency checks over extracted figures.

* ``components_exceed_total`` / ``components_short_of_total``: the items of a ``Trong đó:`` list
  (figures whose ``parent`` is the total) should add up to the total (1712 + 27150 + 2305 = 31167);
* ``share_over_100`` / ``fraction_over_whole``: a rate or share above 100 %, or ``X/Y`` with X > Y;
* ``conflicting_values``: the same indicator given two different values in one document;
* ``percent_mismatch``: a stated percentage that contradicts value ÷ known target, where the target
  comes from the caller's ``target_lookup(indicator, basis)`` (a Decimal in the figure's unit, or a
  ``(Decimal, unit)`` pair, or None).  The stated percentage may be rounded to its written decimals.

Every issue has a code, a Vietnamese and an English message, and the indexes of the figures involved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

from .model import Figure, Issue

TargetLookup = Callable[[str, str], "Decimal | tuple[Decimal, str] | None"]

_MAGNITUDE = {
    "nghìn": Decimal(10) ** 3,
    "ngàn": Decimal(10) ** 3,
    "vạn": Decimal(10) ** 4,
    "triệu": Decimal(10) ** 6,
    "tỷ": Decimal(10) ** 9,
    "tỉ": Decimal(10) ** 9,
}
_MEASURE = {
    "tấn": ("kg", Decimal(1000)),
    "tạ": ("kg", Decimal(100)),
    "yến": ("kg", Decimal(10)),
    "kg": ("kg", Decimal(1)),
    "ha": ("m2", Decimal(10000)),
    "km2": ("m2", Decimal(10) ** 6),
    "m2": ("m2", Decimal(1)),
    "km": ("m", Decimal(1000)),
    "m": ("m", Decimal(1)),
}
_RATE_WORDS = re.compile(
    r"tỷ lệ|tỉ lệ|che phủ|bao phủ|tham gia|tỷ trọng|cơ cấu|các chỉ tiêu|số hộ|\bsố\b", re.I
)


def canonical(value: Decimal, unit: str | None) -> tuple[Decimal, str]:
    """(value, unit) with magnitude words multiplied out and measures in base units."""
    words = (unit or "").lower().replace("tỉ", "tỷ").split("/", 1)
    head = words[0].split()
    per = "/" + words[1] if len(words) > 1 else ""
    factor = Decimal(1)
    while head and head[0] in _MAGNITUDE:
        factor *= _MAGNITUDE[head.pop(0)]
    if head and head[0] in _MEASURE:
        base, f = _MEASURE[head[0]]
        head = [base, *head[1:]]
        factor *= f
    return value * factor, " ".join(head) + per


def _half_ulp(x: Decimal) -> Decimal:
    exp = x.as_tuple().exponent
    exp = exp if isinstance(exp, int) else 0
    return Decimal(5) * Decimal(10) ** (min(exp, 0) - 1)


def _fmt(x: Decimal) -> str:
    """Vietnamese number formatting for messages (dot thousands, comma decimals)."""
    s = f"{x.normalize():f}"
    whole, _, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def _key(indicator: str) -> str:
    return " ".join(indicator.lower().split())


def _components(figures: Sequence[Figure]) -> list[Issue]:
    issues = []
    children: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        if f.parent is not None and 0 <= f.parent < len(figures) and f.value is not None:
            children[f.parent].append(i)
    for parent, kids in children.items():
        total = figures[parent]
        if total.value is None:
            continue
        tv, tu = canonical(total.value, total.unit)
        parts = []
        tolerance = _half_ulp(total.value) * (tv / total.value if total.value else 1)
        for k in kids:
            cv, cu = canonical(figures[k].value, figures[k].unit)  # type: ignore[arg-type]
            if cu != tu:
                break
            parts.append(cv)
            tolerance += _half_ulp(figures[k].value) * (cv / figures[k].value if figures[k].value else 1)  # type: ignore[operator]
        else:
            s = sum(parts, Decimal(0))
            idx = [parent, *kids]
            if s > tv + tolerance:
                issues.append(
                    Issue(
                        "components_exceed_total",
                        f"Tổng các thành phần ({_fmt(s)}) lớn hơn tổng số ({_fmt(tv)}) của “{total.indicator}”.",
                        f"The components add up to {s.normalize():f}, more than the stated total "
                        f"{tv.normalize():f} of '{total.indicator}'.",
                        idx,
                    )
                )
            elif len(kids) >= 2 and s < tv - tolerance:
                issues.append(
                    Issue(
                        "components_short_of_total",
                        f"Tổng các thành phần ({_fmt(s)}) nhỏ hơn tổng số ({_fmt(tv)}) của “{total.indicator}”; "
                        "có thể thiếu thành phần.",
                        f"The components add up to {s.normalize():f}, less than the stated total "
                        f"{tv.normalize():f} of '{total.indicator}'; a component may be missing.",
                        idx,
                        "warning",
                    )
                )
    return issues


def _shares(figures: Sequence[Figure]) -> list[Issue]:
    issues = []
    for i, f in enumerate(figures):
        if f.value is None:
            continue
        if f.denominator is not None and f.value > f.denominator:
            issues.append(
                Issue(
                    "fraction_over_whole",
                    f"“{f.indicator}”: {_fmt(f.value)}/{_fmt(f.denominator)} — phần lớn hơn tổng thể.",
                    f"'{f.indicator}': {f.value}/{f.denominator} has a part larger than the whole.",
                    [i],
                )
            )
        if f.unit == "%" and f.value > 100 and _RATE_WORDS.search(f.indicator):
            issues.append(
                Issue(
                    "share_over_100",
                    f"“{f.indicator}”: tỷ lệ {_fmt(f.value)}% vượt quá 100%.",
                    f"'{f.indicator}': a rate or share of {f.value}% cannot exceed 100%.",
                    [i],
                )
            )
    return issues


def _conflicts(figures: Sequence[Figure]) -> list[Issue]:
    issues = []
    groups: dict[tuple[str, str, Decimal | None], list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        if f.value is None or not f.indicator or f.lower is not None:
            continue  # the two bounds of a range are one value
        _, unit = canonical(f.value, f.unit)
        groups[(_key(f.indicator), unit, f.denominator)].append(i)
    for (name, _, _), idx in groups.items():
        values = {canonical(figures[i].value, figures[i].unit)[0].normalize() for i in idx}  # type: ignore[arg-type]
        if len(values) > 1:
            shown = ", ".join(_fmt(figures[i].value) + " " + (figures[i].unit or "") for i in idx)  # type: ignore[arg-type]
            issues.append(
                Issue(
                    "conflicting_values",
                    f"Chỉ tiêu “{figures[idx[0]].indicator}” có nhiều giá trị khác nhau: {shown}.",
                    f"The indicator '{name}' is given different values: {shown}.",
                    idx,
                    "warning",
                )
            )
    return issues


def _against_targets(figures: Sequence[Figure], lookup: TargetLookup) -> list[Issue]:
    issues = []
    for i, f in enumerate(figures):
        if f.value is None:
            continue
        for c in f.comparisons:
            try:
                found = lookup(f.indicator, c.basis)
            except Exception:  # noqa: BLE001 - a failing lookup must not stop the other checks
                continue
            if found is None:
                continue
            target, target_unit = found if isinstance(found, tuple) else (found, f.unit)
            try:
                tv, tu = canonical(Decimal(target), target_unit)
                fv, fu = canonical(f.value, f.unit)
            except (InvalidOperation, TypeError, ValueError):
                continue
            if tu != fu or tv == 0:
                continue
            ratio = fv / tv * 100
            computed = ratio if c.kind == "of" else ratio - 100
            # rounding: half a unit of the stated percentage, plus what rounding the value can move
            tol = (
                _half_ulp(c.percent) + abs(ratio) * (_half_ulp(f.value) / abs(f.value))
                if f.value
                else Decimal(1)
            )
            if abs(computed - c.percent) > tol:
                issues.append(
                    Issue(
                        "percent_mismatch",
                        f"“{f.indicator}”: {_fmt(f.value)} {f.unit or ''} so với mục tiêu {_fmt(Decimal(target))} "
                        f"là {_fmt(computed.quantize(Decimal('0.01')))}%, không phải {_fmt(c.percent)}% như văn bản ghi.",
                        f"'{f.indicator}': {f.value} {f.unit or ''} against the target {target} is "
                        f"{computed.quantize(Decimal('0.01'))}%, not the stated {c.percent}%.",
                        [i],
                    )
                )
    return issues


def check_consistency(figures: Sequence[Figure], target_lookup: TargetLookup | None = None) -> list[Issue]:
    """All consistency issues among ``figures`` (see the module doc for the codes)."""
    issues = _components(figures) + _shares(figures) + _conflicts(figures)
    if target_lookup is not None:
        issues += _against_targets(figures, target_lookup)
    return issues
