"""Template filters that write numbers and periods the way the reader's language does."""

from __future__ import annotations

from decimal import Decimal

from django import template

from chitieu.i18n import current_lang
from chitieu.lib import vnnum
from chitieu.lib.periods import PeriodError, parse_period

register = template.Library()


@register.filter
def num(value, decimals=None):
    """101761 -> 101.761 (vi) / 101,761 (en). Optional fixed decimals: {{ x|num:1 }}."""
    if value is None or value == "":
        return ""
    d = None if decimals in (None, "") else int(decimals)
    return vnnum.format_number(Decimal(value), d, lang=current_lang())


@register.filter
def num_max(value, decimals=2):
    """At most `decimals` places, trailing zeros dropped: 60284.333 -> 60.284,3 with num_max:1."""
    if value is None or value == "":
        return ""
    rounded = vnnum.format_number(Decimal(value), int(decimals), lang=current_lang())
    sep = "," if current_lang() == "vi" else "."
    if sep in rounded:
        rounded = rounded.rstrip("0").rstrip(sep)
    return rounded


@register.filter
def pct(value, decimals=1):
    if value is None or value == "":
        return ""
    return vnnum.format_percent(Decimal(value), int(decimals), lang=current_lang())


@register.filter
def signed_pct(value, decimals=1):
    if value is None or value == "":
        return ""
    return vnnum.format_signed_percent(Decimal(value), int(decimals), lang=current_lang())


@register.filter
def signed_num(value, decimals=1):
    if value is None or value == "":
        return ""
    v = Decimal(value)
    sign = "+" if v > 0 else ""
    return sign + vnnum.format_number(v, int(decimals), lang=current_lang())


@register.filter
def period_label(code):
    try:
        return parse_period(str(code)).label(current_lang())
    except (PeriodError, ValueError):
        return code


@register.filter
def status_label(code):
    """An assessment status in the reader's language ("vượt kế hoạch", "chậm tiến độ")."""
    from chitieu.reporting.choices import Status

    try:
        return Status(code).label
    except ValueError:
        return ""
