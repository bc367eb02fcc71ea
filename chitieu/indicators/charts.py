"""The indicator history chart: one frequency per series (months, quarters, halves, nine months,
years or terms — never mixed), each period's figure as a bar, the same period a year before as a
thinner grey bar beside it, and the targets of that period as marks across it.

Pure geometry over plain values (no database, no templates): every coordinate leaves here as a
plain decimal string ("70.5"), so that no language's number format can reach the SVG (Vietnamese
pages once got x="70,0" and drew nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from chitieu.lib import vnnum
from chitieu.lib.periods import Period, PeriodError, PeriodKind, parse_period

# The order frequencies are offered in, and preferred in on a tie.
FREQUENCIES = (
    PeriodKind.YEAR,
    PeriodKind.HALF,
    PeriodKind.QUARTER,
    PeriodKind.NINE_MONTHS,
    PeriodKind.MONTH,
    PeriodKind.TERM,
)
MAX_SLOTS = 24
WIDTH, HEIGHT = 720, 280  # HEIGHT: with slanted period labels; straight ones need less
LEFT, RIGHT, TOP, BOTTOM = 70, 12, 18, 58
STRAIGHT_BOTTOM = 30


def coord(value: float | Decimal | int) -> str:
    text = f"{float(value):.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Point:
    period: Period
    value: Decimal | None
    estimate: bool = False
    rebuilt: bool = False


@dataclass(frozen=True)
class TargetMark:
    period: Period
    value: Decimal
    basis: str
    label: str


@dataclass
class Chart:
    frequency: PeriodKind
    frequencies: list[PeriodKind]
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[dict] = field(default_factory=list)
    previous: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    labels: list[dict] = field(default_factory=list)
    baseline_y: str = ""
    plot_left: str = coord(LEFT)
    plot_right: str = coord(WIDTH - RIGHT)
    bases: list[tuple[str, str]] = field(default_factory=list)  # (basis, label) drawn, for the legend
    has_previous: bool = False
    has_estimate: bool = False
    frequency_links: list[dict] = field(default_factory=list)  # filled by the page


def parse_or_none(code: str) -> Period | None:
    try:
        return parse_period(code)
    except PeriodError:
        return None


def frequencies_of(codes) -> list[PeriodKind]:
    kinds = {p.kind for p in map(parse_or_none, codes) if p is not None}
    return [k for k in FREQUENCIES if k in kinds]


def default_frequency(points: list[Point]) -> PeriodKind | None:
    counts: dict[PeriodKind, int] = {}
    for p in points:
        if p.value is not None:
            counts[p.period.kind] = counts.get(p.period.kind, 0) + 1
    if not counts:
        return None
    return max(FREQUENCIES, key=lambda k: (counts.get(k, 0), -FREQUENCIES.index(k)))


def _slots(periods: list[Period], kind: PeriodKind) -> list[Period]:
    """Every period of ``kind`` from the first to the last given, gaps included (an empty slot says
    the figure is missing), the last MAX_SLOTS of them."""
    if kind is PeriodKind.TERM:
        return sorted(set(periods), key=lambda p: p.sort_key)[-MAX_SLOTS:]
    first, last = min(periods, key=lambda p: p.sort_key), max(periods, key=lambda p: p.sort_key)
    out, p = [], first
    index_count = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}.get(kind, 1)
    while p.sort_key <= last.sort_key:
        out.append(p)
        if index_count == 1:
            p = Period(kind, p.year + 1)
        elif p.index == index_count:
            p = Period(kind, p.year + 1, 1)
        else:
            p = Period(kind, p.year, p.index + 1)
    return out[-MAX_SLOTS:]


def _nice_step(top: Decimal) -> Decimal:
    """A round step (1, 2 or 5 × 10ⁿ) giving about four gridlines up to ``top``."""
    raw = top / 4
    exponent = raw.adjusted()
    base = Decimal(10) ** exponent
    for m in (1, 2, 5, 10):
        if raw <= base * m:
            return base * m
    return base * 10


def history_chart(
    points: list[Point],
    targets: list[TargetMark],
    *,
    frequency: PeriodKind | None = None,
    lang: str = "vi",
    flow: bool = True,
) -> Chart | None:
    """The chart of one frequency (by default the one with most figures). ``flow``: a year's target
    is not drawn against its halves or quarters (a flow builds up over the year); for a stock or a
    rate the target of the year, or of the term, applies to every period inside it."""
    freqs = [k for k in FREQUENCIES if any(p.period.kind is k and p.value is not None for p in points)]
    if not freqs:
        return None
    kind = frequency if frequency in freqs else default_frequency(points)
    series = {p.period: p for p in points if p.period.kind is kind}
    slots = _slots([p for p, pt in series.items() if pt.value is not None], kind)
    by_code = {p.period.code: p for p in points}

    def previous_of(slot: Period) -> Point | None:
        prev = slot.same_period_last_year()
        pt = by_code.get(prev.code) if prev else None
        return pt if pt is not None and pt.value is not None else None

    def targets_of(slot: Period) -> list[TargetMark]:
        own = [t for t in targets if t.period == slot]
        if flow:
            return own
        wider = [t for t in targets if t.period != slot and t.period.contains(slot)]
        bases = {t.basis for t in own}
        # The most specific target of each basis: the year's before the term's.
        wider.sort(key=lambda t: (t.period.end - t.period.start).days)
        for t in wider:
            if t.basis not in bases:
                own.append(t)
                bases.add(t.basis)
        return own

    values: list[Decimal] = []
    for s in slots:
        pt = series.get(s)
        if pt is not None and pt.value is not None:
            values.append(pt.value)
        prev = previous_of(s)
        if prev is not None:
            values.append(prev.value)
        values += [t.value for t in targets_of(s)]
    top = max([v for v in values] + [Decimal(0)])
    bottom = min([v for v in values] + [Decimal(0)])
    if top == bottom:
        top = bottom + 1
    step = _nice_step(top - bottom)
    top = (top / step).to_integral_value(rounding="ROUND_CEILING") * step
    bottom = (bottom / step).to_integral_value(rounding="ROUND_FLOOR") * step
    plot_h = Decimal(HEIGHT - TOP - BOTTOM)
    plot_w = Decimal(WIDTH - LEFT - RIGHT)

    def y(v: Decimal) -> Decimal:
        return Decimal(TOP) + (top - v) / (top - bottom) * plot_h

    chart = Chart(frequency=kind, frequencies=freqs)
    chart.baseline_y = coord(y(Decimal(0)))
    tick = bottom
    while tick <= top:
        chart.ticks.append({"y": coord(y(tick)), "text": vnnum.format_number(tick.normalize(), lang=lang)})
        tick += step
    n = len(slots)
    slot_w = plot_w / n
    bar_w = min(slot_w * Decimal("0.5"), Decimal(48))
    prev_w = bar_w * Decimal("0.45")
    rotate = n > 8
    if not rotate:
        chart.height = HEIGHT - BOTTOM + STRAIGHT_BOTTOM
    seen_bases: dict[str, str] = {}
    for i, s in enumerate(slots):
        centre = Decimal(LEFT) + slot_w * i + slot_w / 2
        label = s.label(lang)
        chart.labels.append(
            {
                "x": coord(centre),
                "y": coord(HEIGHT - BOTTOM + 14),
                "text": label,
                "rotate": f"rotate(-35 {coord(centre)} {coord(HEIGHT - BOTTOM + 14)})" if rotate else "",
            }
        )
        pt = series.get(s)
        if pt is not None and pt.value is not None:
            y0, y1 = y(max(pt.value, Decimal(0))), y(min(pt.value, Decimal(0)))
            chart.bars.append(
                {
                    "x": coord(centre - bar_w / 2),
                    "y": coord(y0),
                    "w": coord(bar_w),
                    "h": coord(max(y1 - y0, Decimal("0.5"))),
                    "cx": coord(centre),
                    "ty": coord(y0 - 4),
                    "value": vnnum.format_number(pt.value, lang=lang),
                    "label": label,
                    "estimate": pt.estimate,
                    "rebuilt": pt.rebuilt,
                    "show_value": n <= 12,
                }
            )
            chart.has_estimate |= pt.estimate
        prev = previous_of(s)
        if prev is not None:
            y0, y1 = y(max(prev.value, Decimal(0))), y(min(prev.value, Decimal(0)))
            chart.previous.append(
                {
                    "x": coord(centre - bar_w / 2 - prev_w - 2),
                    "y": coord(y0),
                    "w": coord(prev_w),
                    "h": coord(max(y1 - y0, Decimal("0.5"))),
                    "value": vnnum.format_number(prev.value, lang=lang),
                    "label": prev.period.label(lang),
                }
            )
            chart.has_previous = True
        for t in targets_of(s):
            seen_bases.setdefault(t.basis, t.label)
            ty = y(t.value)
            chart.targets.append(
                {
                    "x1": coord(centre - bar_w / 2 - prev_w - 4),
                    "x2": coord(centre + bar_w / 2 + 4),
                    "y": coord(ty),
                    "basis": t.basis,
                    "value": vnnum.format_number(t.value, lang=lang),
                    "label": t.label,
                    "period": t.period.label(lang),
                }
            )
    chart.bases = list(seen_bases.items())
    return chart
