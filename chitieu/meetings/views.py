from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.access.scope import can, check, get_unit_for_user
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids

from . import services
from .forms import (
    AgendaForm,
    AttendanceForm,
    ConferenceForm,
    LimitationForm,
    ProgressForm,
    QuestionForm,
    TaskForm,
    VoteForm,
)
from .models import Conference, Task
from .selectors import conferences_for_unit, previous_conference, tasks_for_unit, votes_for


def conference_list(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    form = None
    status = 200
    if request.method == "POST":
        check(request.user, "manage", unit)
        form = ConferenceForm(request.POST, unit=unit)
        if form.is_valid():
            try:
                conf = services.conference_create(unit=unit, actor=request.user, **form.cleaned_data)
                messages.success(request, _("Conference saved."))
                return redirect("meetings:conference_detail", pk=conf.pk)
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    elif can(request.user, "manage", unit):
        form = ConferenceForm(unit=unit, initial={"term": unit.terms.order_by("-start_year").first()})
    return render(
        request,
        "meetings/conference_list.html",
        {"unit": unit, "conferences": conferences_for_unit(unit), "form": form},
        status=status,
    )


FORMS = {
    "attendance": AttendanceForm,
    "agenda": AgendaForm,
    "question": QuestionForm,
    "vote": VoteForm,
    "limitation": LimitationForm,
    "task": TaskForm,
}


def _forms(conf: Conference, data=None, which: str | None = None) -> dict:
    units = Unit.objects.filter(pk__in=unit_subtree_ids(conf.unit_id)).order_by("name")
    out = {}
    for name, cls in FORMS.items():
        bound = data if which == name else None
        kwargs = {"units": units} if name == "task" else {}
        initial = {"unit": conf.unit.code} if name == "task" else None
        out[name] = cls(bound, prefix=name, initial=initial, **kwargs)
    return out


def conference_detail(request, pk: int):
    conf = get_object_or_404(Conference.objects.select_related("unit", "term", "resolution"), pk=pk)
    check(request.user, "view", conf.unit)
    which = request.POST.get("form") if request.method == "POST" else None
    status = 200
    forms_ = _forms(conf, request.POST if which else None, which)
    if which:
        check(request.user, "manage", conf.unit)
        form = forms_.get(which)
        if form is not None and form.is_valid():
            try:
                _save(conf, which, form.cleaned_data, request.user)
                messages.success(request, _("Saved."))
                return redirect(f"{request.path}#{which}")
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    prev = previous_conference(conf)
    votes, hidden_votes = votes_for(request.user, conf)
    return render(
        request,
        "meetings/conference_detail.html",
        {
            "conf": conf,
            "forms": forms_,
            "attendances": conf.attendances.select_related("person"),
            "votes": votes,
            "hidden_votes": hidden_votes,
            "previous": prev,
            "previous_tasks": list(prev.tasks.all()) if prev else [],
            "tasks": conf.tasks.select_related("unit", "owner"),
            "may_manage": can(request.user, "manage", conf.unit),
        },
        status=status,
    )


def _person(name: str):
    return services.person_get_or_create(name) if name and name.strip() else None


def _save(conf: Conference, which: str, cd: dict, actor) -> None:
    if which == "attendance":
        services.attendance_add(
            actor=actor,
            conference=conf,
            person=services.person_get_or_create(cd["person"]),
            role=cd["role"],
            title=cd["title"],
            title_since=cd["title_since"],
            order=conf.attendances.count(),
        )
    elif which == "agenda":
        services.agenda_set(
            actor=actor, conference=conf, items=[a.text for a in conf.agenda.all()] + [cd["text"]]
        )
    elif which == "question":
        services.question_add(
            actor=actor,
            conference=conf,
            question=cd["question"],
            asked_by=_person(cd["asked_by"]),
            addressed_to=_person(cd["addressed_to"]),
            answer=cd["answer"],
            commitment=cd["commitment"],
        )
    elif which == "vote":
        services.vote_record(actor=actor, conference=conf, **cd)
    elif which == "limitation":
        services.limitation_add(
            actor=actor, conference=conf, text=cd["text"], cause=cd["cause"], indicators=cd["indicators"]
        )
    elif which == "task":
        services.task_create(
            actor=actor,
            conference=conf,
            text=cd["text"],
            unit=cd["unit"],
            owner=_person(cd["owner"]),
            owner_text=cd["owner"],
            deadline=cd["deadline"],
        )


def task_list(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    return render(request, "meetings/task_list.html", {"unit": unit, "tasks": tasks_for_unit(unit)})


def task_detail(request, pk: int):
    task = get_object_or_404(Task.objects.select_related("unit", "conference", "owner"), pk=pk)
    check(request.user, "view", task.unit)
    form = ProgressForm(request.POST or None, prefix="progress")
    status = 200
    if request.method == "POST":
        check(request.user, "manage", task.unit)
        if form.is_valid():
            try:
                services.task_progress(actor=request.user, task=task, **form.cleaned_data)
                messages.success(request, _("Progress recorded."))
                return redirect("meetings:task_detail", pk=task.pk)
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    return render(
        request,
        "meetings/task_detail.html",
        {"task": task, "form": form, "updates": task.updates.all()},
        status=status,
    )


@require_POST
def question_to_task(request, pk: int):
    from .models import Question

    q = get_object_or_404(Question.objects.select_related("conference__unit"), pk=pk)
    check(request.user, "manage", q.conference.unit)
    try:
        task = services.question_commitment_to_task(question=q, unit=q.conference.unit, actor=request.user)
        messages.success(request, _("The commitment is now a task."))
        return redirect("meetings:task_detail", pk=task.pk)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("meetings:conference_detail", pk=q.conference_id)
