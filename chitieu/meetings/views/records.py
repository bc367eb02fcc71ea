"""Adding, correcting and deleting what a conference records. One table says, for each kind of
record, its model, its form and the services that add, correct and delete it; the views only bind
the form, call the service and redirect."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from chitieu.access.scope import check
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids

from .. import services
from ..forms import (
    AgendaForm,
    AttendanceForm,
    CommitmentTaskForm,
    DeleteForm,
    DocumentForm,
    LimitationForm,
    QuestionForm,
    TaskForm,
    VoteForm,
)
from ..models import AgendaItem, Attendance, Conference, Limitation, PresentedDocument, Question, Vote
from ..selectors import votes_for

person = services.person_or_none


def _attendance_add(conf, cd, actor):
    services.attendance_add(
        actor=actor,
        conference=conf,
        person=services.person_get_or_create(cd["person"]),
        role=cd["role"],
        title=cd["title"],
        title_since=cd["title_since"],
    )


def _attendance_update(obj, cd, actor):
    services.attendance_update(
        actor=actor,
        attendance=obj,
        person=services.person_get_or_create(cd["person"]),
        role=cd["role"],
        title=cd["title"],
        title_since=cd["title_since"],
    )


def _question_kwargs(cd) -> dict:
    return {
        "asked_by": person(cd["asked_by"]),
        "addressed_to": person(cd["addressed_to"]),
        "answer": cd["answer"],
        "commitment": cd["commitment"],
        "commitment_deadline": cd["commitment_deadline"],
    }


def _task_add(conf, cd, actor):
    services.task_create(
        actor=actor,
        conference=conf,
        text=cd["text"],
        unit=cd["unit"],
        owner=person(cd["owner"]),
        owner_text=cd["owner"],
        deadline=cd["deadline"],
    )


@dataclass(frozen=True)
class Kind:
    label: str | Promise
    model: type[models.Model] | None
    form: type
    add: Callable
    update: Callable | None = None
    delete: Callable | None = None


KINDS: dict[str, Kind] = {
    "attendance": Kind(
        gettext_lazy("participant"),
        Attendance,
        AttendanceForm,
        add=_attendance_add,
        update=_attendance_update,
        delete=lambda obj, reason, actor: services.attendance_delete(
            actor=actor, attendance=obj, reason=reason
        ),
    ),
    "agenda": Kind(
        gettext_lazy("agenda item"),
        AgendaItem,
        AgendaForm,
        add=lambda conf, cd, actor: services.agenda_item_add(actor=actor, conference=conf, text=cd["text"]),
        update=lambda obj, cd, actor: services.agenda_item_update(actor=actor, item=obj, text=cd["text"]),
        delete=lambda obj, reason, actor: services.agenda_item_delete(actor=actor, item=obj, reason=reason),
    ),
    "document": Kind(
        gettext_lazy("document presented"),
        PresentedDocument,
        DocumentForm,
        add=lambda conf, cd, actor: services.document_present(
            actor=actor, conference=conf, title=cd["title"], presenter=person(cd["presenter"])
        ),
        update=lambda obj, cd, actor: services.document_update(
            actor=actor, document=obj, title=cd["title"], presenter=person(cd["presenter"])
        ),
        delete=lambda obj, reason, actor: services.document_delete(actor=actor, document=obj, reason=reason),
    ),
    "question": Kind(
        gettext_lazy("question"),
        Question,
        QuestionForm,
        add=lambda conf, cd, actor: services.question_add(
            actor=actor, conference=conf, question=cd["question"], **_question_kwargs(cd)
        ),
        update=lambda obj, cd, actor: services.question_update(
            actor=actor, question=obj, text=cd["question"], **_question_kwargs(cd)
        ),
        delete=lambda obj, reason, actor: services.question_delete(actor=actor, question=obj, reason=reason),
    ),
    "vote": Kind(
        gettext_lazy("vote"),
        Vote,
        VoteForm,
        add=lambda conf, cd, actor: services.vote_record(actor=actor, conference=conf, **cd),
        update=lambda obj, cd, actor: services.vote_update(actor=actor, vote=obj, **cd),
        delete=lambda obj, reason, actor: services.vote_delete(actor=actor, vote=obj, reason=reason),
    ),
    "limitation": Kind(
        gettext_lazy("limitation"),
        Limitation,
        LimitationForm,
        add=lambda conf, cd, actor: services.limitation_add(actor=actor, conference=conf, **cd),
        update=lambda obj, cd, actor: services.limitation_update(actor=actor, limitation=obj, **cd),
        delete=lambda obj, reason, actor: services.limitation_delete(
            actor=actor, limitation=obj, reason=reason
        ),
    ),
    # Tasks are corrected and deleted on their own pages (a task may outlive its conference's page).
    "task": Kind(gettext_lazy("task"), None, TaskForm, add=_task_add),
}


def subtree_units(conf: Conference):
    return Unit.objects.filter(pk__in=unit_subtree_ids(conf.unit_id)).order_by("name")


def add_forms(conf: Conference, data=None, which: str | None = None) -> dict:
    """An empty form for each kind of record, the one posted bound to what was typed."""
    out = {}
    for name, kind in KINDS.items():
        bound = data if which == name else None
        if name == "task":
            out[name] = kind.form(
                bound, prefix=name, initial={"unit": conf.unit.code}, units=subtree_units(conf)
            )
        else:
            out[name] = kind.form(bound, prefix=name)
    return out


def record_add(conf: Conference, which: str, form, actor) -> bool:
    """Save a bound add form through its service: True when saved, False with the errors on the form."""
    if not form.is_valid():
        return False
    try:
        KINDS[which].add(conf, form.cleaned_data, actor)
    except ValidationError as exc:
        form.add_service_errors(exc)
        return False
    return True


def _record(request, pk: int, kind: str, item: int):
    spec = KINDS.get(kind)
    if spec is None or spec.update is None:
        raise Http404
    conf = get_object_or_404(Conference.objects.select_related("unit"), pk=pk)
    check(request.user, "view", conf.unit)
    obj = get_object_or_404(spec.model, pk=item, conference=conf)
    if kind == "vote":
        shown, _hidden = votes_for(request.user, conf)
        if obj not in shown:
            raise Http404
    check(request.user, "manage", conf.unit)
    return spec, conf, obj


def _back(conf: Conference, kind: str) -> str:
    return reverse("meetings:conference_detail", args=[conf.pk]) + f"#{kind}"


def _edit_page(request, spec, conf, obj, kind, form, delete_form, status=200):
    return render(
        request,
        "meetings/record_edit.html",
        {
            "conf": conf,
            "obj": obj,
            "kind": kind,
            "label": spec.label,
            "form": form,
            "delete_form": delete_form,
            "back": _back(conf, kind),
        },
        status=status,
    )


def record_edit(request, pk: int, kind: str, item: int):
    spec, conf, obj = _record(request, pk, kind, item)
    if request.method != "POST":
        form = spec.form(initial=spec.form.initial_from(obj))
        return _edit_page(request, spec, conf, obj, kind, form, DeleteForm())
    form = spec.form(request.POST)
    if form.is_valid():
        try:
            spec.update(obj, form.cleaned_data, request.user)
            messages.success(request, _("Correction saved."))
            return redirect(_back(conf, kind))
        except ValidationError as exc:
            form.add_service_errors(exc)
    return _edit_page(request, spec, conf, obj, kind, form, DeleteForm(), status=400)


@require_POST
def record_delete(request, pk: int, kind: str, item: int):
    spec, conf, obj = _record(request, pk, kind, item)
    form = DeleteForm(request.POST)
    if form.is_valid():
        try:
            spec.delete(obj, form.cleaned_data["reason"], request.user)
            messages.success(
                request, _("The {kind} was deleted; the history of changes keeps it.").format(kind=spec.label)
            )
            return redirect(_back(conf, kind))
        except ValidationError as exc:
            form.add_service_errors(exc)
    edit = spec.form(initial=spec.form.initial_from(obj))
    return _edit_page(request, spec, conf, obj, kind, edit, form, status=400)


@require_POST
def agenda_move(request, pk: int, item: int):
    _spec, conf, obj = _record(request, pk, "agenda", item)
    services.agenda_item_move(actor=request.user, item=obj, up=request.POST.get("direction") != "down")
    return redirect(_back(conf, "agenda"))


def commitment_form(q: Question, data=None) -> CommitmentTaskForm:
    initial = {
        "unit": q.conference.unit.code,
        "owner": q.addressed_to.full_name if q.addressed_to else "",
        "deadline": q.commitment_deadline,
    }
    return CommitmentTaskForm(data, prefix=f"q{q.pk}", initial=initial, units=subtree_units(q.conference))


@require_POST
def question_to_task(request, pk: int):
    """The commitment becomes a task carrying its owner and deadline; what is not posted is taken
    from the question (whoever answered, the committed deadline, the conference's unit)."""
    q = get_object_or_404(Question.objects.select_related("conference__unit", "addressed_to"), pk=pk)
    check(request.user, "view", q.conference.unit)
    check(request.user, "manage", q.conference.unit)
    prefix = f"q{q.pk}-"
    data = request.POST.copy()
    initial = commitment_form(q).initial
    for name in ("unit", "owner", "deadline"):
        if prefix + name not in data:
            data[prefix + name] = initial[name] or ""
    form = commitment_form(q, data)
    if form.is_valid():
        cd = form.cleaned_data
        try:
            task = services.question_commitment_to_task(
                actor=request.user,
                question=q,
                unit=cd["unit"],
                owner=person(cd["owner"]),
                owner_text=cd["owner"],
                deadline=cd["deadline"],
            )
            messages.success(request, _("The commitment is now a task."))
            return redirect("meetings:task_detail", pk=task.pk)
        except ValidationError as exc:
            form.add_service_errors(exc)
    from .conferences import conference_page

    return conference_page(request, q.conference, commitment_forms={q.pk: form}, status=400)
