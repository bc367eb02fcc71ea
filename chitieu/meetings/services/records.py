"""What a conference records — participants, agenda, documents presented, questions, votes and
limitations — added, corrected and deleted, each change audited with its before and after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from chitieu.access.references import require_action
from chitieu.audit.services import snapshot
from chitieu.i18n import dmy

from ..choices import Role, VoteOutcome
from ..models import AgendaItem, Attendance, Conference, Limitation, Person, PresentedDocument, Question, Vote
from ._common import audit, text_required


def _locked(model, pk: int):
    """The record, locked for the correction (its own row only: PostgreSQL refuses to lock the
    nullable side of the joins that bring its conference along)."""
    return model.objects.select_for_update(of=("self",)).select_related("conference__unit").get(pk=pk)


def _saved(actor, obj, before: dict, fields: list[str], *, after: dict | None = None, **clean) -> None:
    """Save what changed since ``before`` and audit it; nothing at all when nothing changed."""
    after = after if after is not None else snapshot(obj)
    if after == before:
        return
    obj.full_clean(**clean)
    obj.save(update_fields=fields)
    audit(actor, "update", obj, obj.conference.unit, before=before, after=after)


def _delete(actor, obj, unit, reason: str = "", before: dict | None = None) -> None:
    before = before if before is not None else snapshot(obj)
    audit(actor, "delete", obj, unit, before=before, reason=reason)
    obj.delete()


# -- participants ---------------------------------------------------------------------------------


def _title_check(conference: Conference, person: Person, title: str, title_since: dt.date | None) -> None:
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


@transaction.atomic
def attendance_add(
    *,
    conference: Conference,
    person: Person,
    role: str = Role.ATTENDEE,
    title: str = "",
    title_since: dt.date | None = None,
    order: int | None = None,
    actor=None,
) -> Attendance:
    """Record a participant with the title they held on the conference's date. The same person in
    the same role again corrects the title rather than adding a second line."""
    require_action(actor, conference.unit, "manage")
    _title_check(conference, person, title, title_since)
    existing = Attendance.objects.filter(conference=conference, person=person, role=role).first()
    if existing is not None:
        return attendance_update(
            actor=actor,
            attendance=existing,
            person=person,
            role=role,
            title=title,
            title_since=title_since,
        )
    if order is None:
        order = (conference.attendances.aggregate(m=Max("order"))["m"] or 0) + 1
    att = Attendance(
        conference=conference,
        person=person,
        role=role,
        title=" ".join(title.split()),
        title_since=title_since,
        order=order,
    )
    att.full_clean(validate_constraints=False)
    att.save()
    audit(actor, "create", att, conference.unit)
    return att


@transaction.atomic
def attendance_update(
    *,
    actor,
    attendance: Attendance,
    person: Person,
    role: str,
    title: str = "",
    title_since: dt.date | None = None,
) -> Attendance:
    require_action(actor, attendance.conference.unit, "manage")
    att = _locked(Attendance, attendance.pk)
    conference = att.conference
    _title_check(conference, person, title, title_since)
    clash = (
        Attendance.objects.filter(conference=conference, person=person, role=role).exclude(pk=att.pk).exists()
    )
    if clash:
        raise ValidationError(
            {
                "person": _("{person} is already recorded as {role} at this conference.").format(
                    person=person.full_name, role=Role(role).label
                )
            }
        )
    before = snapshot(att)
    att.person, att.role = person, role
    att.title, att.title_since = " ".join(title.split()), title_since
    _saved(actor, att, before, ["person", "role", "title", "title_since"], validate_constraints=False)
    return att


@transaction.atomic
def attendance_delete(*, actor, attendance: Attendance, reason: str = "") -> None:
    require_action(actor, attendance.conference.unit, "manage")
    _delete(actor, attendance, attendance.conference.unit, reason)


# -- agenda ---------------------------------------------------------------------------------------


@transaction.atomic
def agenda_item_add(*, actor, conference: Conference, text: str) -> AgendaItem:
    require_action(actor, conference.unit, "manage")
    text = text_required(text, "text", _("Write the agenda item."))
    order = (conference.agenda.aggregate(m=Max("order"))["m"] or 0) + 1
    item = AgendaItem(conference=conference, order=order, text=text)
    item.full_clean()
    item.save()
    audit(actor, "create", item, conference.unit)
    return item


@transaction.atomic
def agenda_item_update(*, actor, item: AgendaItem, text: str) -> AgendaItem:
    require_action(actor, item.conference.unit, "manage")
    item = _locked(AgendaItem, item.pk)
    before = snapshot(item)
    item.text = text_required(text, "text", _("Write the agenda item."))
    _saved(actor, item, before, ["text"])
    return item


@transaction.atomic
def agenda_item_move(*, actor, item: AgendaItem, up: bool) -> AgendaItem:
    """Move an agenda item one place up (or down); the items are numbered 1..n again."""
    require_action(actor, item.conference.unit, "manage")
    items = list(
        AgendaItem.objects.select_for_update(of=("self",))
        .filter(conference_id=item.conference_id)
        .order_by("order", "id")
    )
    index = next(i for i, x in enumerate(items) if x.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return items[index]
    items[index], items[other] = items[other], items[index]
    unit = item.conference.unit
    for order, x in enumerate(items, start=1):
        if x.order != order:
            before = snapshot(x)
            x.order = order
            x.save(update_fields=["order"])
            audit(actor, "update", x, unit, before=before)
    return items[other]


@transaction.atomic
def agenda_item_delete(*, actor, item: AgendaItem, reason: str = "") -> None:
    require_action(actor, item.conference.unit, "manage")
    _delete(actor, item, item.conference.unit, reason)


@transaction.atomic
def agenda_set(*, conference: Conference, items: Sequence[str], actor=None) -> None:
    """Replace the agenda with ``items`` in that order (the demo loader writes a whole agenda)."""
    require_action(actor, conference.unit, "manage")
    for old in list(conference.agenda.all()):
        _delete(actor, old, conference.unit)
    for text in items:
        if text.strip():
            agenda_item_add(actor=actor, conference=conference, text=text)


# -- documents presented --------------------------------------------------------------------------


@transaction.atomic
def document_present(
    *, conference: Conference, title: str, presenter: Person | None = None, actor=None
) -> PresentedDocument:
    require_action(actor, conference.unit, "manage")
    title = text_required(title, "title", _("Give the document's title."))
    doc = PresentedDocument(conference=conference, title=title, presenter=presenter)
    doc.full_clean()
    doc.save()
    audit(actor, "create", doc, conference.unit)
    return doc


@transaction.atomic
def document_update(
    *, actor, document: PresentedDocument, title: str, presenter: Person | None = None
) -> PresentedDocument:
    require_action(actor, document.conference.unit, "manage")
    doc = _locked(PresentedDocument, document.pk)
    before = snapshot(doc)
    doc.title = text_required(title, "title", _("Give the document's title."))
    doc.presenter = presenter
    _saved(actor, doc, before, ["title", "presenter"])
    return doc


@transaction.atomic
def document_delete(*, actor, document: PresentedDocument, reason: str = "") -> None:
    require_action(actor, document.conference.unit, "manage")
    _delete(actor, document, document.conference.unit, reason)


# -- questioning ----------------------------------------------------------------------------------


def _commitment_check(conference: Conference, commitment: str, deadline: dt.date | None) -> None:
    if deadline is not None and not commitment.strip():
        raise ValidationError({"commitment": _("A deadline was given but no commitment.")})
    if deadline is not None and deadline < conference.date:
        raise ValidationError(
            {
                "commitment_deadline": _(
                    "The committed deadline {deadline} is before the conference ({date})."
                ).format(deadline=dmy(deadline), date=dmy(conference.date))
            }
        )


@transaction.atomic
def question_add(
    *,
    conference: Conference,
    question: str,
    asked_by: Person | None = None,
    addressed_to: Person | None = None,
    answer: str = "",
    commitment: str = "",
    commitment_deadline: dt.date | None = None,
    actor=None,
) -> Question:
    require_action(actor, conference.unit, "manage")
    text = text_required(question, "question", _("Write the question."))
    _commitment_check(conference, commitment, commitment_deadline)
    q = Question(
        conference=conference,
        question=text,
        asked_by=asked_by,
        addressed_to=addressed_to,
        answer=answer.strip(),
        commitment=commitment.strip(),
        commitment_deadline=commitment_deadline,
    )
    q.full_clean()
    q.save()
    audit(actor, "create", q, conference.unit)
    return q


@transaction.atomic
def question_update(
    *,
    actor,
    question: Question,
    text: str,
    asked_by: Person | None = None,
    addressed_to: Person | None = None,
    answer: str = "",
    commitment: str = "",
    commitment_deadline: dt.date | None = None,
) -> Question:
    require_action(actor, question.conference.unit, "manage")
    q = _locked(Question, question.pk)
    _commitment_check(q.conference, commitment, commitment_deadline)
    if q.follow_up_id and not commitment.strip():
        raise ValidationError(
            {"commitment": _("The commitment has become a task; correct or delete the task instead.")}
        )
    before = snapshot(q)
    q.question = text_required(text, "question", _("Write the question."))
    q.asked_by, q.addressed_to = asked_by, addressed_to
    q.answer, q.commitment = answer.strip(), commitment.strip()
    q.commitment_deadline = commitment_deadline
    _saved(
        actor,
        q,
        before,
        ["question", "asked_by", "addressed_to", "answer", "commitment", "commitment_deadline"],
    )
    return q


@transaction.atomic
def question_delete(*, actor, question: Question, reason: str = "") -> None:
    """Delete a question recorded by mistake. A task made of its commitment stays (it has its own
    owner and progress); it only loses the link back to the question."""
    require_action(actor, question.conference.unit, "manage")
    _delete(actor, question, question.conference.unit, reason)


# -- votes ----------------------------------------------------------------------------------------


def _vote_outcome(
    present: int | None,
    votes_for: int | None,
    votes_against: int | None,
    abstain: int | None,
    outcome: str | None,
) -> str:
    """With a tally the result follows from it (more than half of those present); without one (the
    minutes say only "biểu quyết thông qua") the result must be given."""
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
        computed = VoteOutcome.PASSED if (votes_for or 0) * 2 > present else VoteOutcome.REJECTED
        if outcome and outcome != computed:
            raise ValidationError({"outcome": _("The result does not follow from the tally.")})
        return computed
    if not outcome:
        raise ValidationError({"outcome": _("Give the tally or, if it was not recorded, the result.")})
    return outcome


VOTE_FIELDS = (
    "matter",
    "present",
    "votes_for",
    "votes_against",
    "abstain",
    "outcome",
    "personnel",
    "details",
)


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
    require_action(actor, conference.unit, "manage")
    vote = Vote(
        conference=conference,
        matter=text_required(matter, "matter", _("Say what was voted on.")),
        present=present,
        votes_for=votes_for,
        votes_against=votes_against,
        abstain=abstain,
        outcome=_vote_outcome(present, votes_for, votes_against, abstain, outcome),
        personnel=personnel,
        details=details or [],
    )
    vote.full_clean()
    vote.save()
    audit(actor, "create", vote, conference.unit)
    return vote


@transaction.atomic
def vote_update(
    *,
    actor,
    vote: Vote,
    matter: str,
    present: int | None = None,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstain: int | None = None,
    outcome: str | None = None,
    personnel: bool = False,
) -> Vote:
    """Correct a vote. The blocs (details) stay as they were recorded."""
    require_action(actor, vote.conference.unit, "manage")
    v = _locked(Vote, vote.pk)
    before = snapshot(v)
    v.matter = text_required(matter, "matter", _("Say what was voted on."))
    v.present, v.votes_for, v.votes_against, v.abstain = present, votes_for, votes_against, abstain
    v.outcome = _vote_outcome(present, votes_for, votes_against, abstain, outcome)
    v.personnel = personnel
    _saved(actor, v, before, [f for f in VOTE_FIELDS if f != "details"])
    return v


@transaction.atomic
def vote_delete(*, actor, vote: Vote, reason: str = "") -> None:
    require_action(actor, vote.conference.unit, "manage")
    _delete(actor, vote, vote.conference.unit, reason)


# -- limitations ----------------------------------------------------------------------------------


def _limitation_state(lim: Limitation, indicators: Iterable | None = None) -> dict:
    codes = sorted(i.code for i in (lim.indicators.all() if indicators is None else indicators))
    return snapshot(lim) | {"indicators": codes}


@transaction.atomic
def limitation_add(
    *, conference: Conference, text: str, cause: str = "", indicators=(), actor=None
) -> Limitation:
    require_action(actor, conference.unit, "manage")
    lim = Limitation(
        conference=conference,
        text=text_required(text, "text", _("Describe the limitation.")),
        cause=(cause or "").strip(),
    )
    lim.full_clean()
    lim.save()
    if indicators:
        lim.indicators.set(indicators)
    audit(actor, "create", lim, conference.unit, after=_limitation_state(lim, indicators))
    return lim


@transaction.atomic
def limitation_update(
    *, actor, limitation: Limitation, text: str, cause: str = "", indicators=()
) -> Limitation:
    require_action(actor, limitation.conference.unit, "manage")
    lim = _locked(Limitation, limitation.pk)
    before = _limitation_state(lim)
    lim.text = text_required(text, "text", _("Describe the limitation."))
    lim.cause = (cause or "").strip()
    _saved(actor, lim, before, ["text", "cause"], after=_limitation_state(lim, indicators))
    lim.indicators.set(indicators)
    return lim


@transaction.atomic
def limitation_delete(*, actor, limitation: Limitation, reason: str = "") -> None:
    require_action(actor, limitation.conference.unit, "manage")
    _delete(actor, limitation, limitation.conference.unit, reason, before=_limitation_state(limitation))
