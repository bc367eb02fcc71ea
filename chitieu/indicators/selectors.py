from __future__ import annotations

from chitieu.lib.periods import PeriodError, parse_period
from chitieu.orgs.models import Unit

from .choices import ResolutionKind
from .models import Resolution


def resolution_for(unit: Unit, period: str) -> Resolution | None:
    """The unit's resolution that sets targets for a period: the annual one of its year, else the
    congress resolution whose term contains it."""
    try:
        p = parse_period(period)
    except PeriodError:
        return None
    candidates = list(Resolution.objects.filter(unit=unit).select_related("term"))
    year = p.year_period()
    for r in candidates:
        if r.kind == ResolutionKind.ANNUAL and year is not None and r.year == year.year:
            return r
    for r in candidates:
        if r.term_id and parse_period(r.term.period_code).contains(p):
            return r
    return None
