"""A leader's overview: for one unit of the user's subtree and one period, what is behind — the
indicators behind pace, the units below that have not reported or not submitted, the overdue tasks
and the limitations the conferences recorded. Status comes from the progress table and the
workflow; nothing is judged here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from chitieu.access.models import RoleAssignment
from chitieu.access.scope import can, is_global_admin
from chitieu.lib.periods import Period, parse_period
from chitieu.meetings.choices import TaskStatus
from chitieu.meetings.models import Limitation, Task
from chitieu.orgs.models import Unit, UnitLineage
from chitieu.orgs.selectors import unit_children, unit_subtree_ids, unit_subtree_subquery
from chitieu.reporting.calendar import unit_period_choices
from chitieu.reporting.choices import BEHIND_STATUSES, Status, SubmissionStatus
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.selectors import ProgressRow, progress_table
from chitieu.reporting.workflow import children_status

LIST_LIMIT = 15
# Up to this many units below are judged one by one for "behind pace" (a progress table each);
# beyond, the dashboard of the units below is the place to look.
CHILDREN_JUDGED = 20


@dataclass
class Behind:
    unit: Unit
    row: ProgressRow


@dataclass
class ChildState:
    unit: Unit
    reported: bool
    submission: str

    @property
    def submitted(self) -> bool:
        return self.submission in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


@dataclass
class Overview:
    unit: Unit
    period: Period | None
    periods: list[Period]
    with_figures: frozenset[str]
    behind: list[Behind] = field(default_factory=list)
    assessed: int = 0  # (unit, indicator) pairs with a target judged this period
    children_judged: bool = True  # False: too many units below to judge each here
    children: list[ChildState] = field(default_factory=list)
    overdue: list[Task] = field(default_factory=list)
    overdue_count: int = 0
    limitations: list[Limitation] = field(default_factory=list)
    successors: list[tuple[Unit, bool]] = field(default_factory=list)  # (unit, may the user see it)
    limitations_of_period: bool = True  # False: none for this period, the latest are shown

    @property
    def closed(self) -> bool:
        return self.unit.valid_to is not None and self.unit.valid_to <= timezone.localdate()

    @property
    def not_reported(self) -> list[Unit]:
        return [c.unit for c in self.children if not c.reported]

    @property
    def not_submitted(self) -> list[Unit]:
        return [c.unit for c in self.children if c.reported and not c.submitted]

    @property
    def reported_count(self) -> int:
        return sum(1 for c in self.children if c.reported)

    @property
    def submitted_count(self) -> int:
        return sum(1 for c in self.children if c.submitted)


def overview_roots(user, *, today: dt.date | None = None) -> list[Unit]:
    """The units at the top of the user's subtree: those the user holds a role on (for an
    administrator, the root units). A unit that has closed is replaced by its successors when the
    user may see them; otherwise it stays, to be shown as it last stood. Existing units first."""
    today = today or timezone.localdate()
    if is_global_admin(user):
        roots = list(Unit.objects.filter(parent__isnull=True))
    else:
        ids = set(RoleAssignment.objects.filter(user=user).values_list("unit_id", flat=True))
        units = list(Unit.objects.filter(pk__in=ids))
        # A role on a unit and on one of its descendants: the descendant is inside the first's subtree.
        covered: set[int] = set()
        for u in units:
            covered |= set(unit_subtree_ids(u.pk, include_self=False))
        roots = [u for u in units if u.pk not in covered]
    out: list[Unit] = []
    for u in roots:
        if u.valid_to is not None and u.valid_to <= today:
            successors = [s for s in unit_successors(u) if can(user, "view", s)]
            if successors:
                out += [s for s in successors if s not in out]
                continue
        if u not in out:
            out.append(u)
    return sorted(out, key=lambda u: (u.valid_to is not None and u.valid_to <= today, u.level, u.name))


def unit_successors(unit: Unit) -> list[Unit]:
    ids = UnitLineage.objects.filter(predecessor=unit).values_list("successor_id", flat=True)
    return list(Unit.objects.filter(pk__in=ids).order_by("name"))


def _periods(unit: Unit) -> tuple[list[Period], frozenset[str], Period | None]:
    """What the picker offers: the unit's own reportable periods and every period the units below
    have figures for (the roll-up table knows them), newest first; and the one to show first: the
    newest with figures, else the month now open (as on the unit page)."""
    choices = unit_period_choices(unit)
    rolled = Rollup.objects.filter(unit=unit).values_list("period", flat=True).distinct()
    below = {parse_period(c) for c in rolled}
    figures = frozenset(set(choices.with_figures) | {p.code for p in below})
    periods = sorted(set(choices.all) | below, key=lambda p: p.sort_key, reverse=True)
    first = next((p for p in periods if p.code in figures), None) or choices.default()
    return periods, figures, first


def unit_overview(
    user, unit: Unit, period: Period | None = None, *, today: dt.date | None = None
) -> Overview:
    today = today or timezone.localdate()
    periods, with_figures, first = _periods(unit)
    period = period or first
    ov = Overview(unit=unit, period=period, periods=periods, with_figures=with_figures)
    if unit.valid_to is not None and unit.valid_to <= today:
        ov.successors = [(s, can(user, "view", s)) for s in unit_successors(unit)]
    subtree = unit_subtree_subquery(unit.pk)
    overdue = (
        Task.objects.filter(unit_id__in=subtree, deadline__lt=today)
        .exclude(status=TaskStatus.DONE)
        .select_related("unit", "conference", "owner")
        .order_by("deadline", "pk")
    )
    ov.overdue_count = overdue.count()
    ov.overdue = list(overdue[:LIST_LIMIT])
    if period is None:
        return ov
    on = min(period.end, (unit.valid_to - dt.timedelta(days=1)) if unit.valid_to else period.end)
    kids = unit_children(unit, on=on)
    judged = [unit] + (kids if len(kids) <= CHILDREN_JUDGED else [])
    ov.children_judged = len(kids) <= CHILDREN_JUDGED
    for u in judged:
        rows = [r for g in progress_table(u, period) for r in g.rows]
        ov.assessed += sum(1 for r in rows if r.status != Status.NO_TARGET)
        ov.behind += [Behind(u, r) for r in rows if r.status in BEHIND_STATUSES]
    if kids:
        ids = [k.pk for k in kids]
        reported = set(
            Result.objects.filter(unit_id__in=ids, period=period.code)
            .values_list("unit_id", flat=True)
            .distinct()
        )
        reported |= set(
            Rollup.objects.filter(unit_id__in=ids, period=period.code, reporting__gt=0).values_list(
                "unit_id", flat=True
            )
        )
        subs = {u.pk: s for u, s in children_status(unit, period.code, on=on).children}
        ov.children = [ChildState(k, k.pk in reported, subs.get(k.pk, SubmissionStatus.DRAFT)) for k in kids]
    limitations = (
        Limitation.objects.filter(conference__unit_id__in=subtree)
        .select_related("conference", "conference__unit")
        .prefetch_related("indicators")
        .order_by("-conference__date", "pk")
    )
    # The limitations of the conferences that reviewed this period; failing those, the latest ones.
    ov.limitations = list(limitations.filter(conference__period=period.code)[:LIST_LIMIT])
    if not ov.limitations:
        ov.limitations = list(limitations[:LIST_LIMIT])
        ov.limitations_of_period = False
    return ov
