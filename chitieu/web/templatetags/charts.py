"""Small server-rendered SVG marks for pages: a progress bullet against target and pace.

SVG coordinates are written by Python as plain decimal strings ("51.7"), never through the template
engine, which would localise them ("51,7") in Vietnamese and break the drawing.

    {% load charts %}
    {% bullet_for cell period %}                      a BasisCell of the progress table
    {% bullet percent pace=0.5 status="exceeded" %}   anywhere else (the dashboard)
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from chitieu.i18n import current_lang
from chitieu.lib import vnnum
from chitieu.lib.periods import Period, PeriodError, parse_period
from chitieu.lib.reportable import pace_fraction

register = template.Library()

# The bar spans 0..SPAN % of target; beyond that it is drawn full with an arrow, so 246% stays readable.
SPAN = 150
WIDTH = 120


def coord(value: float | Decimal) -> str:
    """A coordinate as SVG wants it, whatever the language: '51.7', '0', '120'."""
    text = f"{float(value):.1f}"
    return text[:-2] if text.endswith(".0") else text


def bullet_svg(percent, pace=None, status: str = "", label: str = "") -> str:
    if percent is None:
        return ""
    pct = Decimal(percent)
    scale = Decimal(WIDTH) / SPAN
    fill = max(Decimal(0), min(pct, Decimal(SPAN))) * scale
    target_x = 100 * scale
    pace_x = None if pace is None or Decimal(pace) >= 1 else Decimal(pace) * 100 * scale
    lang = current_lang()
    title = label or _("{pct} of target").format(pct=vnnum.format_percent(pct, 1, lang=lang))
    if pace_x is not None:
        title += " · " + _("pace {pct}").format(pct=vnnum.format_percent(Decimal(pace) * 100, 0, lang=lang))
    pace_mark = (
        format_html('<line class="pace" x1="{0}" x2="{0}" y1="0" y2="14"/>', coord(pace_x))
        if pace_x is not None
        else ""
    )
    over = (
        format_html('<path class="over" d="M{0} 3 L{1} 7 L{0} 11 Z"/>', coord(WIDTH - 6), coord(WIDTH))
        if pct > SPAN
        else ""
    )
    return format_html(
        '<svg class="bullet s-{status}" viewBox="0 0 {w} 14" width="{w}" height="14" role="img" aria-label="{title}">'
        "<title>{title}</title>"
        '<rect class="track" x="0" y="4" width="{w}" height="6"/>'
        '<rect class="fill" x="0" y="4" width="{fill}" height="6"/>'
        '<line class="target" x1="{t}" x2="{t}" y1="1" y2="13"/>{pace}{over}</svg>',
        status=status or "none",
        w=WIDTH,
        title=title,
        fill=coord(fill),
        t=coord(target_x),
        pace=pace_mark,
        over=over,
    )


@register.simple_tag
def bullet(percent, pace=None, status="", label=""):
    return bullet_svg(percent, pace, status, label)


@register.simple_tag
def bullet_for(cell, period):
    """The bullet of one basis of a progress row: its percent of target and, for a year-to-date
    figure judged pro rata, the pace it is judged against."""
    a = getattr(cell, "assessment", None)
    if a is None or a.percent is None:
        return ""
    pace = None
    if a.on_pace and cell.target is not None:
        try:
            p = period if isinstance(period, Period) else parse_period(str(period))
            pace = pace_fraction(p, parse_period(cell.target.period))
        except PeriodError:
            pace = None
    return bullet_svg(a.percent, pace, str(a.status))
