"""Writes for conferences, their records and the tasks they set. Each in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from chitieu.access.references import (
    document_reference,
    require_action,
    resolution_reference,
    term_reference,
)
from chitieu.audit.services import record, snapshot
from chitieu.i18n import dmy
from chitieu.orgs.models import Term, Unit
from chitieu.reporting.services import period_parse

from .choices import TaskStatus
from .models import (
    AgendaItem,
    Attendance,
    Conference,
    Limitation,
    Person,
    PresentedDocument,
    Question,
    Task,
    TaskUpdate,
    Vote,
)


def _audit(actor, action: str, obj, unit, *, before=None, after=None) -> None:
    record(actor=actor, action=action, obj=obj, before=before, after=after or snapshot(obj), unit=unit)


def next_ordinal(*, unit: Unit, body: str, term: Term | None) -> int:
    """The ordinal to propose: one more than the last within the same body and term (restarting per term)."""
    last = Conference.objects.filter(unit=unit, body=body, term=term).aggregate(m=Max("ordinal"))["m"]
    return (last or 0) + 1


@transaction.atomic
def conference_create(
    *,
    unit: Unit,
    body: str,
    date: dt.date,
    term: Term | None = None,
    ordinal: int | None = None,
    propose_ordinal: bool = True,
    kind: str = "regular",
    title: str = "",
    place: str = "",
    period: str = "",
    resolution=None,
    minutes: str = "",
    source_document=None,
    actor=None,
) -> Conference:
    require_action(actor, unit, "manage")
    term_reference(actor, term, unit=unit)
    resolution_reference(actor, resolution, unit=unit)
    document_reference(actor, source_document)
    if term is not None and not (term.start_year <= date.year <= term.end_year):
        raise ValidationError(
            {"date": _("{date} lies outside the term {term}.").format(date=dmy(date), term=term)}
        )
    if not unit.exists_on(date):
        raise ValidationError(
            {"date": _("{unit} did not exist on {date}.").format(unit=unit.name, date=dmy(date))}
        )
    if period:
        period = period_parse(period).code
    if ordinal is None and propose_ordinal and body in {"executive", "standing", "congress"}:
        ordinal = next_ordinal(unit=unit, body=body, term=term)
    if ordinal is not None:
        clash = Conference.objects.filter(unit=unit, body=body, term=term, ordinal=ordinal).first()
        if clash is not None:
            raise ValidationError(
                {
                    "ordinal": _(
                        "Conference no. {n} of this body in this term already exists ({date}); the next free one is {free}."
                    ).format(
                        n=ordinal, date=dmy(clash.date), free=next_ordinal(unit=unit, body=body, term=term)
                    )
                }
            )
    conf = Conference(
        unit=unit,
        body=body,
        term=term,
        ordinal=ordinal,
        kind=kind,
        title=title,
        date=date,
        place=place,
        period=period,
        resolution=resolution,
        minutes=minutes,
        source_document=source_document,
    )
    conf.full_clean(validate_constraints=False)
    conf.save()
    _audit(actor, "create", conf, unit)
    return conf


def person_get_or_create(full_name: str) -> Person:
    name = " ".join(full_name.split())
    if not name:
        raise ValidationError({"person": _("Enter the person's name.")})
    person = Person.objects.filter(full_name=name).first()
    return person or Person.objects.create(full_name=name)


@transaction.atomic
def attendance_add(
    *,
    conference: Conference,
    person: Person,
    role: str = "attendee",
    title: str = "",
    title_since: dt.date | None = None,
    order: int = 0,
    actor=None,
) -> Attendance:
    require_action(actor, conference.unit, "manage")
    if title_since is not None and title_since > conference.date:
        raise ValidationError(
            {
                "title_since": _(
                    "{person} only took the title “{title}” on {since}, after the conference ({date})."
                ).format(
                    person=person.full_name, title=title, since=dmy(title_since), date=dmy(conference.date)
                )
            }
        )
    att, created = Attendance.objects.update_or_create(
        conference=conference,
        person=person,
        role=role,
        defaults={"title": title, "title_since": title_since, "order": order},
    )
    _audit(actor, "create" if created else "update", att, conference.unit)
    return att


@transaction.atomic
def agenda_set(*, conference: Conference, items: Sequence[str], actor=None) -> None:
    require_action(actor, conference.unit, "manage")
    conference.agenda.all().delete()
    _audit(actor, "agenda", conference, conference.unit, after={"agenda": [t for t in items if t.strip()]})
    AgendaItem.objects.bulk_create(
        [AgendaItem(conference=conference, order=i, text=t) for i, t in enumerate(items) if t.strip()]
    )


@transaction.atomic
def document_present(
    *, conference: Conference, title: str, presenter: Person | None = None, actor=None
) -> PresentedDocument:
    require_action(actor, conference.unit, "manage")
    doc = PresentedDocument.objects.create(conference=conference, title=title, presenter=presenter)
    _audit(actor, "create", doc, conference.unit)
    return doc


@transaction.atomic
def vote_record(
    *,
    conference: Conference,
    matter: str,
    present: int | None = None,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstain: int | None = None,
    outcome: str | None = None,
    personnel: bool = False,
    details: list | None = None,
    actor=None,
) -> Vote:
    """Record a vote. With a tally the result follows from it (more than half of those present);
    without one (the minutes say only "biểu quyết thông qua") the result must be given."""
    require_action(actor, conference.unit, "manage")
    counts = [c for c in (present, votes_for, votes_against, abstain) if c is not None]
    if any(c < 0 for c in counts):
        raise ValidationError({"present": _("Counts cannot be negative.")})
    if votes_for is not None or votes_against is not None or abstain is not None:
        if present is None:
            raise ValidationError({"present": _("Give the number of members present with the tally.")})
        cast = (votes_for or 0) + (votes_against or 0) + (abstain or 0)
        if cast > present:
            raise ValidationError(
                {
                    "votes_for": _(
                        "{cast} votes were counted but only {present} members were present."
                    ).format(cast=cast, present=present)
                }
            )
        computed = Vote.Outcome.PASSED if (votes_for or 0) * 2 > present else Vote.Outcome.REJECTED
        if outcome and outcome != computed:
            raise ValidationError({"outcome": _("The result does not follow from the tally.")})
        outcome = computed
    elif not outcome:
        raise ValidationError({"outcome": _("Give the tally or, if it was not recorded, the result.")})
    vote = Vote(
        conference=conference,
        matter=matter,
        present=present,
        votes_for=votes_for,
        votes_against=votes_against,
        abstain=abstain,
        outcome=outcome,
        personnel=personnel,
        details=details or [],
    )
    vote.full_clean()
    vote.save()
    _audit(actor, "create", vote, conference.unit)
    return vote


@transaction.atomic
def limitation_add(
    *, conference: Conference, text: str, cause: str = "", indicators=(), actor=None
) -> Limitation:
    require_action(actor, conference.unit, "manage")
    if not text.strip():
        raise ValidationError({"text": _("Describe the limitation.")})
    lim = Limitation.objects.create(conference=conference, text=text.strip(), cause=cause.strip())
    if indicators:
        lim.indicators.set(indicators)
    _audit(actor, "create", lim, conference.unit)
    return lim


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
    """A task for ``unit``; set by a conference, it goes to the conference's unit or one below it."""
    require_action(actor, conference.unit if conference is not None else unit, "manage")
    if conference is not None and unit.pk != conference.unit_id:
        from chitieu.orgs.selectors import unit_subtree_ids

        if unit.pk not in unit_subtree_ids(conference.unit_id):
            raise ValidationError(
                {
                    "unit": _(
                        "A conference of {owner} sets tasks for {owner} and the units below it, not {unit}."
                    ).format(owner=conference.unit.name, unit=unit.name)
                }
            )
    if not text.strip():
        raise ValidationError({"text": _("Describe the task.")})
    if conference is not None and deadline is not None and deadline < conference.date:
        raise ValidationError(
            {
                "deadline": _(
                    "The deadline {deadline} is before the conference that set the task ({date})."
                ).format(deadline=dmy(deadline), date=dmy(conference.date))
            }
        )
    if status == TaskStatus.OVERDUE:
        raise ValidationError(
            {"status": _("Overdue is worked out from the deadline; choose another status.")}
        )
    task = Task(
        conference=conference,
        unit=unit,
        owner=owner,
        owner_text=owner_text,
        text=text.strip(),
        deadline=deadline,
        status=status,
    )
    task.full_clean()
    task.save()
    _audit(actor, "create", task, unit)
    return task


@transaction.atomic
def task_progress(*, actor, task: Task, date: dt.date, text: str, status: str) -> TaskUpdate:
    require_action(actor, task.unit, "manage")
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = snapshot(task)
    if status == TaskStatus.OVERDUE:
        raise ValidationError(
            {"status": _("Overdue is worked out from the deadline; choose another status.")}
        )
    if task.conference_id and date < task.conference.date:
        raise ValidationError(
            {"date": _("A progress update cannot predate the conference that set the task.")}
        )
    if not text.strip():
        raise ValidationError({"text": _("Describe the progress.")})
    update = TaskUpdate.objects.create(
        task=task,
        date=date,
        text=text.strip(),
        status=status,
        by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    task.status = status
    task.version += 1
    task.save(update_fields=["status", "version"])
    _audit(actor, "create", update, task.unit)
    _audit(actor, "update", task, task.unit, before=before)
    return update


@transaction.atomic
def question_add(
    *,
    conference: Conference,
    question: str,
    asked_by: Person | None = None,
    addressed_to: Person | None = None,
    answer: str = "",
    commitment: str = "",
    actor=None,
) -> Question:
    require_action(actor, conference.unit, "manage")
    if not question.strip():
        raise ValidationError({"question": _("Write the question.")})
    q = Question.objects.create(
        conference=conference,
        question=question.strip(),
        asked_by=asked_by,
        addressed_to=addressed_to,
        answer=answer.strip(),
        commitment=commitment.strip(),
    )
    _audit(actor, "create", q, conference.unit)
    return q


@transaction.atomic
def question_commitment_to_task(
    *, question: Question, unit: Unit, deadline: dt.date | None = None, actor=None
) -> Task:
    require_action(actor, question.conference.unit, "manage")
    if not question.commitment:
        raise ValidationError({"commitment": _("This answer made no commitment to follow up.")})
    if question.follow_up_id:
        return question.follow_up
    task = task_create(
        text=question.commitment,
        unit=unit,
        conference=question.conference,
        owner=question.addressed_to,
        deadline=deadline,
        actor=actor,
    )
    question.follow_up = task
    question.save(update_fields=["follow_up"])
    _audit(actor, "create", task, task.unit)
    return task
