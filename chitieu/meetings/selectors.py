from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from chitieu.access.scope import can_see_personnel_of
from chitieu.orgs.models import Unit

from .choices import TaskStatus
from .models import Conference, Task, Vote


def tasks_for_unit(unit: Unit, *, today: dt.date | None = None) -> list[Task]:
    """The unit's tasks with the overdue first, then by deadline."""
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
