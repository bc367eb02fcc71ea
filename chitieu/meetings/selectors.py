from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from chitieu.orgs.models import Unit

from .choices import TaskStatus
from .models import Conference, Task


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


def can_see_personnel(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("meetings.view_personnel"))
