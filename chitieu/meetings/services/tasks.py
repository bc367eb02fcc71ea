"""Tasks a conference sets (conclusions, commitments made under questioning), their correction and
their dated progress up to completion."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chitieu.access.references import require_action
from chitieu.audit.services import snapshot
from chitieu.i18n import dmy
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids

from ..choices import TaskStatus
from ..models import Conference, Person, Question, Task, TaskUpdate
from ._common import audit, text_required, version_check


def _task_checks(conference: Conference | None, unit: Unit, deadline: dt.date | None, status: str) -> None:
    if conference is not None and deadline is not None and deadline < conference.date:
        raise ValidationError(
            {
                "deadline": _(
                    "The deadline {deadline} is before the conference that set the task ({date})."
                ).format(deadline=dmy(deadline), date=dmy(conference.date))
            }
        )
    if conference is not None and unit.pk != conference.unit_id:
        if unit.pk not in unit_subtree_ids(conference.unit_id):
            raise ValidationError(
                {
                    "unit": _("{unit} is not under {conference_unit}, whose conference set the task.").format(
                        unit=unit.name, conference_unit=conference.unit.name
                    )
                }
            )
    if status == TaskStatus.OVERDUE:
        raise ValidationError(
            {"status": _("Overdue is worked out from the deadline; choose another status.")}
        )


@transaction.atomic
def task_create(
    *,
    text: str,
    unit: Unit,
    conference: Conference | None = None,
    owner: Person | None = None,
    owner_text: str = "",
    deadline: dt.date | None = None,
    status: str = TaskStatus.NOT_STARTED,
    actor=None,
) -> Task:
    require_action(actor, conference.unit if conference is not None else unit, "manage")
    text = text_required(text, "text", _("Describe the task."))
    _task_checks(conference, unit, deadline, status)
    task = Task(
        conference=conference,
        unit=unit,
        owner=owner,
        owner_text=" ".join((owner_text or (owner.full_name if owner else "")).split()),
        text=text,
        deadline=deadline,
        status=status,
    )
    task.full_clean()
    task.save()
    audit(actor, "create", task, unit)
    return task


@transaction.atomic
def task_update(
    *,
    actor,
    task: Task,
    text: str,
    unit: Unit,
    owner: Person | None = None,
    owner_text: str = "",
    deadline: dt.date | None = None,
    expected_version: int | None = None,
) -> Task:
    """Correct what a task says, who answers for it and by when (its progress is recorded apart)."""
    require_action(actor, task.unit, "manage")
    t = (
        Task.objects.select_for_update(of=("self",))
        .select_related("conference__unit", "unit")
        .get(pk=task.pk)
    )
    version_check(t, expected_version)
    text = text_required(text, "text", _("Describe the task."))
    _task_checks(t.conference, unit, deadline, t.status)
    before = snapshot(t)
    t.text, t.unit, t.owner, t.deadline = text, unit, owner, deadline
    t.owner_text = " ".join((owner_text or (owner.full_name if owner else "")).split())
    if snapshot(t) == before:
        return t
    t.version += 1
    t.full_clean()
    t.save(update_fields=["text", "unit", "owner", "owner_text", "deadline", "version"])
    audit(actor, "update", t, t.unit, before=before)
    return t


@transaction.atomic
def task_delete(*, actor, task: Task, reason: str = "") -> None:
    """Delete a task entered by mistake. One with progress recorded is kept: its history matters to
    the next conference's report."""
    require_action(actor, task.unit, "manage")
    t = Task.objects.select_for_update(of=("self",)).select_related("unit").get(pk=task.pk)
    n = t.updates.count()
    if n:
        raise ValidationError(
            ngettext(
                "This task already has {n} progress update; it cannot be deleted. Correct it instead.",
                "This task already has {n} progress updates; it cannot be deleted. Correct it instead.",
                n,
            ).format(n=n),
            code="has_progress",
        )
    audit(actor, "delete", t, t.unit, before=snapshot(t), reason=reason)
    t.delete()


@transaction.atomic
def task_progress(
    *, actor, task: Task, date: dt.date, text: str, status: str, today: dt.date | None = None
) -> TaskUpdate:
    """Record dated progress. The task takes the status of its latest update (an update dated before
    the latest one fills in the history without moving the status back); "done" records the date."""
    require_action(actor, task.unit, "manage")
    task = Task.objects.select_for_update(of=("self",)).select_related("conference", "unit").get(pk=task.pk)
    today = today or dt.date.today()
    if status == TaskStatus.OVERDUE:
        raise ValidationError(
            {"status": _("Overdue is worked out from the deadline; choose another status.")}
        )
    if date > today:
        raise ValidationError(
            {
                "date": _("{date} is in the future; record progress once it has happened.").format(
                    date=dmy(date)
                )
            }
        )
    if task.conference_id and date < task.conference.date:
        raise ValidationError(
            {"date": _("A progress update cannot predate the conference that set the task.")}
        )
    text = text_required(text, "text", _("Describe the progress."))
    update = TaskUpdate(
        task=task,
        date=date,
        text=text,
        status=status,
        by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    update.full_clean()
    update.save()
    audit(actor, "create", update, task.unit)
    latest = task.updates.order_by("-date", "-id").first()
    before = snapshot(task)
    task.status = latest.status
    task.done_on = latest.date if latest.status == TaskStatus.DONE else None
    if snapshot(task) != before:
        task.version += 1
        task.save(update_fields=["status", "done_on", "version"])
        audit(actor, "update", task, task.unit, before=before)
    return update


@transaction.atomic
def question_commitment_to_task(
    *,
    question: Question,
    unit: Unit | None = None,
    owner: Person | None = None,
    owner_text: str = "",
    deadline: dt.date | None = None,
    actor=None,
) -> Task:
    """The commitment an answer made becomes a task of the conference: owned by whoever answered
    (unless another owner is named), due by the committed deadline (unless another is given)."""
    require_action(actor, question.conference.unit, "manage")
    q = (
        Question.objects.select_for_update(of=("self",))
        .select_related("conference__unit", "addressed_to")
        .get(pk=question.pk)
    )
    if not q.commitment:
        raise ValidationError({"commitment": _("This answer made no commitment to follow up.")})
    if q.follow_up_id:
        return q.follow_up
    before = snapshot(q)
    task = task_create(
        actor=actor,
        text=q.commitment,
        unit=unit or q.conference.unit,
        conference=q.conference,
        owner=owner if (owner or owner_text) else q.addressed_to,
        owner_text=owner_text,
        deadline=deadline or q.commitment_deadline,
    )
    q.follow_up = task
    q.save(update_fields=["follow_up"])
    audit(actor, "update", q, q.conference.unit, before=before)
    return task
