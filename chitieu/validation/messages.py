"""What a rule says about a figure, in the reader's language (the details keep the figures, so a finding
stored in one language is read in another)."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from chitieu.i18n import current_lang
from chitieu.lib.vnnum import format_number

from .choices import RuleKind


def n(value) -> str:
    """A figure as the reader writes numbers (31.167 / 31,167); "—" when missing."""
    if value is None or value == "":
        return "—"
    return format_number(Decimal(str(value)), lang=current_lang())


def finding_message(kind: str, d: dict) -> str:
    """The sentence for a violation of a rule of ``kind`` with these details."""
    message = _finding_message(kind, d)
    if d.get("unit_symbol") == "%":
        # "140%", not "140 %": a percent sign follows its number, in Vietnamese and English alike.
        message = re.sub(r"(\d) %", r"\1%", message)
    return message


def _finding_message(kind: str, d: dict) -> str:
    unit = d.get("unit_symbol", "")
    if kind == RuleKind.BOUNDS:
        if d.get("minimum") is not None and d.get("maximum") is not None:
            return _("{value} {unit} is outside {minimum}–{maximum}.").format(
                value=n(d["value"]), unit=unit, minimum=n(d["minimum"]), maximum=n(d["maximum"])
            )
        if d.get("minimum") is not None:
            return _("{value} {unit} is below the minimum {minimum}.").format(
                value=n(d["value"]), unit=unit, minimum=n(d["minimum"])
            )
        return _("{value} {unit} is above the maximum {maximum}.").format(
            value=n(d["value"]), unit=unit, maximum=n(d["maximum"])
        )
    if kind == RuleKind.FLAG:
        return _("A standard flag is 1 (meets the standard) or 0 (does not), not {value}.").format(
            value=n(d["value"])
        )
    if kind == RuleKind.NUMERATOR_WITHIN:
        return _("The numerator {numerator} is larger than the denominator {denominator}.").format(
            numerator=n(d["numerator"]), denominator=n(d["denominator"])
        )
    if kind == RuleKind.RATIO_MATCHES:
        return _("{numerator}/{denominator} gives {computed}, not the value {value} given.").format(
            numerator=n(d["numerator"]),
            denominator=n(d["denominator"]),
            computed=n(d["computed"]),
            value=n(d["value"]),
        )
    if kind == RuleKind.COUNT_WITHIN:
        return _("{x}/{y}: the count cannot be larger than the total.").format(
            x=n(d["value"]), y=n(d["denominator"])
        )
    if kind == RuleKind.PARTS_SUM:
        return _("The parts add up to {parts} {unit} ({names}), the whole is {whole} {unit}.").format(
            parts=n(d["parts"]), whole=n(d["whole"]), unit=unit, names=d.get("names", "")
        )
    if kind == RuleKind.PERIODS_SUM:
        return _("{parts_label} add up to {parts} {unit}; {period} holds {whole} {unit}.").format(
            parts_label=d.get("parts_label", ""),
            parts=n(d["parts"]),
            whole=n(d["whole"]),
            unit=unit,
            period=d.get("period_label", ""),
        )
    if kind == RuleKind.STATED_MATCHES:
        return _(
            "The source states {stated}% ({basis}) but {value} {unit} gives {computed}%: the stated "
            "percentage no longer matches the figure."
        ).format(
            stated=n(d["stated"]),
            basis=d.get("basis", ""),
            value=n(d["value"]),
            unit=unit,
            computed=n(d["computed"]),
        )
    if kind == RuleKind.OUTLIER:
        return _(
            "{value} {unit} is far from this unit's usual {median} {unit} (the median of {count} earlier periods)."
        ).format(value=n(d["value"]), unit=unit, median=n(d["median"]), count=d.get("count", 0))
    if kind == RuleKind.ROLLUP_MATCHES:
        return _("The unit's own figure is {own} {unit}; the units below add up to {below} {unit}.").format(
            own=n(d["own"]), below=n(d["below"]), unit=unit
        )
    return ""


def refusal(rule_name: str, indicator_name: str, message: str) -> str:
    """A hard rule's refusal: the indicator, the rule and what is wrong."""
    return _("{indicator}: breaks the rule “{rule}”. {message}").format(
        indicator=indicator_name, rule=rule_name, message=message
    )
