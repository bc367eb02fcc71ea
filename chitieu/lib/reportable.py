"""Which periods a unit may report in, on a given day (pure Python, no Django).

A period is *open* once its data window has begun (Decree 09: the 15th of the month before its first
month; calendar: its first day) — from then on it can hold estimates (ước) — and *closed* once the
window has ended, when its figures are actual.  A period whose window has not begun is *not open yet*.
A unit can report only for periods that overlap its existence: not for a period that ended before it
was formed, nor for one that began after it was dissolved (``exists_to`` is exclusive, as on units).

Pages offer the open and closed periods of the last years of a unit's life, newest first; a clerk can
still type any other period, and :func:`availability` says why it is refused.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from .periods import Period, PeriodKind, periods_in_year

__all__ = ["Availability", "availability", "pace_fraction", "reportable_periods", "latest_open"]


class Availability(StrEnum):
    OPEN = "open"  # the data window has begun and not ended: estimates only
    CLOSED = "closed"  # the data window is over: actual figures
    NOT_OPEN = "not_open"  # the data window has not begun yet
    BEFORE_UNIT = "before_unit"  # the period ended before the unit was formed
    AFTER_UNIT = "after_unit"  # the period began after the unit was dissolved

    @property
    def reportable(self) -> bool:
        return self in (Availability.OPEN, Availability.CLOSED)


def availability(
    period: Period, *, rule: str, today: dt.date, exists_from: dt.date, exists_to: dt.date | None = None
) -> Availability:
    """Where ``period`` stands for a unit that existed from ``exists_from`` until ``exists_to``."""
    if period.end < exists_from:
        return Availability.BEFORE_UNIT
    if exists_to is not None and period.start >= exists_to:
        return Availability.AFTER_UNIT
    start, end = period.data_window(rule)
    if start > today:
        return Availability.NOT_OPEN
    return Availability.OPEN if end >= today else Availability.CLOSED


def reportable_periods(
    *,
    rule: str,
    today: dt.date,
    exists_from: dt.date,
    exists_to: dt.date | None = None,
    years: int = 2,
    terms: tuple[Period, ...] = (),
) -> list[Period]:
    """The open and closed periods of the unit's last ``years`` calendar years (those it existed in,
    up to today), and the given terms that are reportable, newest first (by :attr:`Period.sort_key`)."""
    last_day = today if exists_to is None else min(today, exists_to - dt.timedelta(days=1))
    # The window of next January's month opens in mid-December (Decree 09): look one year ahead.
    last_year = min(last_day.year + 1, today.year + 1)
    first_year = max(exists_from.year, last_day.year - years + 1)
    out: list[Period] = []
    for year in range(first_year, last_year + 1):
        for p in periods_in_year(year):
            a = availability(p, rule=rule, today=today, exists_from=exists_from, exists_to=exists_to)
            if a.reportable:
                out.append(p)
    for term in terms:
        a = availability(term, rule=rule, today=today, exists_from=exists_from, exists_to=exists_to)
        if term.kind is PeriodKind.TERM and a.reportable:
            out.append(term)
    return sorted(set(out), key=lambda p: p.sort_key, reverse=True)


def latest_open(periods: list[Period], kind: PeriodKind) -> Period | None:
    """The newest period of ``kind`` in a list (as :func:`reportable_periods` returns it)."""
    return next((p for p in periods if p.kind is kind), None)


def pace_fraction(result_period: Period, target_period: Period) -> Decimal:
    """How much of a target's period has passed at the end of a result's period (1 when the result
    covers the target's whole period): a year target at H1 → 1/2, a 2020–2025 term target at the end of
    2022 → 1/2 (by days).  It is the pace a year-to-date figure is judged against."""
    if target_period == result_period or result_period.contains(target_period):
        return Decimal(1)
    if target_period.kind is PeriodKind.YEAR:
        return result_period.elapsed_fraction_of_year()
    if target_period.kind is PeriodKind.TERM:
        total = (target_period.end - target_period.start).days + 1
        done = (min(result_period.end, target_period.end) - target_period.start).days + 1
        return max(Decimal(0), min(Decimal(1), Decimal(done) / Decimal(total)))
    return Decimal(1)
