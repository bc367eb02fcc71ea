"""Reads: the periods a unit may report in today (its reporting setup's data window, its existence,
its terms) and why a period is refused. The rules are the pure ones of :mod:`chitieu.lib.reportable`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from chitieu.i18n import current_lang, dmy
from chitieu.lib.periods import Period, PeriodKind, parse_period, periods_in_year
from chitieu.lib.reportable import Availability, availability, reportable_periods
from chitieu.orgs.models import Unit

from .models import Result
from .services import window_rule_for


def unit_periods_with_figures(unit: Unit) -> list[Period]:
    """Periods for which the unit has results, newest first."""
    codes = set(Result.objects.filter(unit=unit).values_list("period", flat=True).distinct())
    return sorted((parse_period(c) for c in codes), key=lambda p: p.sort_key, reverse=True)


def _terms(unit: Unit) -> tuple[Period, ...]:
    return tuple(Period(PeriodKind.TERM, t.start_year, 0, t.end_year) for t in unit.terms.all())


def unit_reportable_periods(unit: Unit, *, today: dt.date | None = None, years: int = 2) -> list[Period]:
    """The open and past periods the unit's reporting setup allows in its last ``years`` years."""
    return reportable_periods(
        rule=window_rule_for(unit),
        today=today or timezone.localdate(),
        exists_from=unit.valid_from,
        exists_to=unit.valid_to,
        years=years,
        terms=_terms(unit),
    )


def generic_reportable_periods(*, today: dt.date | None = None) -> list[Period]:
    """What to offer before the unit is known: the default data window, a unit that always existed."""
    return reportable_periods(
        rule=settings.CHITIEU_DEFAULT_WINDOW_RULE,
        today=today or timezone.localdate(),
        exists_from=dt.date(1945, 1, 1),
    )


@dataclass(frozen=True)
class PeriodChoices:
    """The unit page's period list: what the unit may report in, and every period it has figures for."""

    open: list[Period]  # the data window has begun and not ended (estimates)
    past: list[Period]  # reportable and over, or holding figures
    with_figures: frozenset[str]

    @property
    def all(self) -> list[Period]:
        return self.open + self.past

    def default(self) -> Period | None:
        """The newest period with figures; for a unit that has never reported, this month."""
        for p in self.all:
            if p.code in self.with_figures:
                return p
        month = next((p for p in self.open if p.kind is PeriodKind.MONTH), None)
        return month or (self.all[0] if self.all else None)


def unit_period_choices(unit: Unit, *, today: dt.date | None = None) -> PeriodChoices:
    today = today or timezone.localdate()
    rule = window_rule_for(unit)
    figures = unit_periods_with_figures(unit)
    listed = set(unit_reportable_periods(unit, today=today)) | set(figures)
    ordered = sorted(listed, key=lambda p: p.sort_key, reverse=True)
    open_, past = [], []
    for p in ordered:
        a = availability(p, rule=rule, today=today, exists_from=unit.valid_from, exists_to=unit.valid_to)
        (open_ if a is Availability.OPEN else past).append(p)
    return PeriodChoices(open=open_, past=past, with_figures=frozenset(p.code for p in figures))


def period_refusal(
    unit: Unit, period: Period, *, future_ok: bool = False, today: dt.date | None = None
) -> str | None:
    """Why ``unit`` cannot report (or, ``future_ok``, hold targets) for ``period``; None when it can."""
    today = today or timezone.localdate()
    a = availability(
        period,
        rule=window_rule_for(unit),
        today=today,
        exists_from=unit.valid_from,
        exists_to=unit.valid_to,
    )
    label = period.label(current_lang())
    if a is Availability.BEFORE_UNIT:
        return _("{unit} was formed on {date}: it has no {period}, which ended before.").format(
            unit=unit.name, date=dmy(unit.valid_from), period=label
        )
    if a is Availability.AFTER_UNIT:
        return _("{unit} ceased on {date}: it has no {period}, which began after.").format(
            unit=unit.name, date=dmy(unit.valid_to), period=label
        )
    if a is Availability.NOT_OPEN and not future_ok:
        start, _end = period.data_window(window_rule_for(unit))
        return _("{period} is not open yet: its figures can be entered from {date}.").format(
            period=capfirst(label), date=dmy(start)
        )
    return None


def offer_unit_periods(form, unit: Unit | None, *, field: str = "period", future_ok: bool = False) -> None:
    """Fill a form's period field's suggestions with what ``unit`` may report in (or, before the unit
    is known, the periods open under the default data window). With ``future_ok`` (targets), the next
    year's periods are offered too."""
    today = timezone.localdate()
    periods = unit_reportable_periods(unit, today=today) if unit else generic_reportable_periods(today=today)
    if future_ok:
        ahead = [
            p for p in periods_in_year(today.year + 1) if p.kind in (PeriodKind.YEAR, PeriodKind.QUARTER)
        ]
        periods = sorted(set(periods) | set(ahead), key=lambda p: p.sort_key, reverse=True)
    form.fields[field].offer(periods)


def check_unit_period(form, unit: Unit | None, *, field: str = "period", future_ok: bool = False) -> None:
    """Put the reason a unit cannot report in the chosen period on the form's period field."""
    code = form.cleaned_data.get(field)
    if not code or unit is None or field in form.errors:
        return
    reason = period_refusal(unit, parse_period(code), future_ok=future_ok)
    if reason:
        form.add_error(field, reason)
