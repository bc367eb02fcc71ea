"""Reads for the conference and task pages, the task export and the report builder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When

from chitieu.access.scope import can_see_personnel_of
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids

from .choices import TaskStatus
from .models import Conference, Question, Task, TaskUpdate, Vote


def tasks_for_unit(unit: Unit, *, today: dt.date | None = None) -> list[Task]:
    """The unit's own tasks with the overdue first, then by deadline."""
    today = today or dt.date.today()
    tasks = list(
        Task.objects.filter(unit=unit).select_related("conference", "owner").prefetch_related("updates")
    )
    rank = {TaskStatus.OVERDUE: 0, TaskStatus.IN_PROGRESS: 1, TaskStatus.NOT_STARTED: 2, TaskStatus.DONE: 3}
    return sorted(tasks, key=lambda t: (rank[t.effective_status(today)], t.deadline or dt.date.max, t.pk))


def previous_conference(conf: Conference) -> Conference | None:
    """The same body's conference before this one (any term: tasks carry over)."""
    return (
        Conference.objects.filter(unit=conf.unit, body=conf.body, date__lt=conf.date)
        .order_by("-date", "-id")
        .first()
    )


def previous_tasks(conf: Conference) -> list[Task]:
    """The tasks a conference set, each with its progress (latest first) as ``progress``."""
    return list(
        conf.tasks.select_related("unit").prefetch_related(
            Prefetch("updates", queryset=TaskUpdate.objects.order_by("-date", "-id"), to_attr="progress")
        )
    )


def people_of(unit: Unit) -> list[str]:
    """The names recorded at the unit's conferences (participants, questioners, presenters)."""
    from .models import Person

    seen = Person.objects.filter(
        Q(attendances__conference__unit=unit)
        | Q(pk__in=Question.objects.filter(conference__unit=unit).values("asked_by"))
        | Q(pk__in=Question.objects.filter(conference__unit=unit).values("addressed_to"))
    )
    return list(seen.order_by("full_name").values_list("full_name", flat=True).distinct()[:500])


def conferences_for_unit(unit: Unit) -> QuerySet[Conference]:
    return Conference.objects.filter(unit=unit).select_related("term").order_by("-date")


def votes_for(user, conference: Conference) -> tuple[list[Vote], int]:
    """The conference's votes the user may see, and how many personnel votes are hidden from them
    (the same rule as the audit trail's, chitieu.access.scope.personnel_unit_ids)."""
    votes = list(conference.votes.all())
    if can_see_personnel_of(user, conference.unit):
        return votes, 0
    shown = [v for v in votes if not v.personnel]
    return shown, len(votes) - len(shown)


# -- the task list of a unit's subtree -------------------------------------------------------------


@dataclass(frozen=True)
class TaskFilter:
    status: str = ""  # "", "open" (not yet done) or a TaskStatus, overdue judged on the day
    overdue: bool = False
    owner: str = ""  # the responsible person as written
    unit: str = ""  # a unit code within the subtree
    conference: int | None = None
    sort: str = "status"  # a key of SORTS, "-" in front for descending


@dataclass(frozen=True)
class TaskOptions:
    """What the filters of a subtree's task list can choose from: only values its tasks hold."""

    owners: list[str]
    units: list[Unit]
    conferences: list[Conference]


def _overdue(today: dt.date) -> Q:
    return ~Q(status=TaskStatus.DONE) & Q(deadline__lt=today)


def _status_q(status: str, today: dt.date) -> Q:
    if status == "open":
        return ~Q(status=TaskStatus.DONE)
    if status == TaskStatus.OVERDUE:
        return _overdue(today)
    if status == TaskStatus.DONE:
        return Q(status=TaskStatus.DONE)
    return Q(status=status) & ~_overdue(today)


def _rank(today: dt.date) -> Case:
    return Case(
        When(_overdue(today), then=Value(0)),
        When(status=TaskStatus.IN_PROGRESS, then=Value(1)),
        When(status=TaskStatus.NOT_STARTED, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


SORTS = {
    "status": ("rank", "deadline"),
    "deadline": ("deadline",),
    "unit": ("unit__name", "deadline"),
    "owner": ("owner_text", "deadline"),
    "conference": ("conference__date", "deadline"),
    "done_on": ("done_on", "deadline"),
}


def _order(sort: str) -> list:
    desc = sort.startswith("-")
    keys = SORTS.get(sort.lstrip("-"), SORTS["status"])
    out = []
    for i, key in enumerate(keys):
        expr = F(key)
        # only the first key follows the direction; missing dates and names go last either way
        out.append(expr.desc(nulls_last=True) if desc and i == 0 else expr.asc(nulls_last=True))
    return [*out, F("id").asc()]


def subtree_tasks(root: Unit) -> QuerySet[Task]:
    return Task.objects.filter(unit_id__in=unit_subtree_ids(root.pk))


def task_options(root: Unit) -> TaskOptions:
    tasks = subtree_tasks(root)
    owners = sorted(set(tasks.exclude(owner_text="").values_list("owner_text", flat=True)))
    units = list(Unit.objects.filter(pk__in=tasks.values("unit_id")).order_by("name"))
    conferences = list(
        Conference.objects.filter(pk__in=tasks.values("conference_id"))
        .select_related("unit")
        .order_by("-date", "-id")
    )
    return TaskOptions(owners=owners, units=units, conferences=conferences)


def task_rows(root: Unit, f: TaskFilter, *, today: dt.date | None = None) -> QuerySet[Task]:
    """The tasks of ``root`` and every unit below it, filtered and sorted, each with its unit, the
    conference that set it and its progress (latest first) at hand."""
    today = today or dt.date.today()
    qs = subtree_tasks(root)
    if f.status:
        qs = qs.filter(_status_q(f.status, today))
    if f.overdue:
        qs = qs.filter(_overdue(today))
    if f.owner:
        qs = qs.filter(owner_text=f.owner)
    if f.unit:
        qs = qs.filter(unit__code=f.unit)
    if f.conference:
        qs = qs.filter(conference_id=f.conference)
    return (
        qs.annotate(rank=_rank(today))
        .select_related("unit", "owner", "conference__unit")
        .prefetch_related(
            Prefetch("updates", queryset=TaskUpdate.objects.order_by("-date", "-id"), to_attr="progress")
        )
        .order_by(*_order(f.sort))
    )
