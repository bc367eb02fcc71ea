"""A unit's conferences: preparing one (its ordinal proposed), its page with every record, the
correction of its details and its minutes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from chitieu.access.scope import can, check, get_unit_for_user

from .. import services
from ..forms import ConferenceEditForm, ConferenceForm, MinutesForm
from ..models import Conference
from ..selectors import conferences_for_unit, people_of, previous_conference, previous_tasks, votes_for
from .records import KINDS, add_forms, commitment_form, record_add


def _conference_form(unit, data=None, initial=None, edit=False):
    form = (ConferenceEditForm if edit else ConferenceForm)(data, unit=unit, initial=initial)
    url = reverse("meetings:conference_ordinal", args=[unit.code])
    for name in ("body", "term"):
        form.fields[name].widget.attrs.update(
            {
                "hx-get": url,
                "hx-trigger": "change",
                "hx-target": "#id_ordinal",
                "hx-swap": "outerHTML",
                "hx-include": "closest form",
            }
        )
    return form


def conference_list(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    form = None
    status = 200
    if request.method == "POST":
        check(request.user, "manage", unit)
        form = _conference_form(unit, request.POST)
        if form.is_valid():
            try:
                conf = services.conference_create(unit=unit, actor=request.user, **form.cleaned_data)
                messages.success(request, _("Conference saved."))
                return redirect("meetings:conference_detail", pk=conf.pk)
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    elif can(request.user, "manage", unit):
        term = unit.terms.order_by("-start_year").first()
        body = "executive"
        form = _conference_form(
            unit,
            initial={
                "term": term,
                "body": body,
                "ordinal": services.proposed_ordinal(unit=unit, body=body, term=term),
            },
        )
    return render(
        request,
        "meetings/conference_list.html",
        {"unit": unit, "conferences": conferences_for_unit(unit), "form": form},
        status=status,
    )


def conference_ordinal(request, code: str):
    """The ordinal field again, holding the ordinal proposed for the body and term chosen (htmx)."""
    unit = get_unit_for_user(request.user, code, "view")
    check(request.user, "manage", unit)
    form = _conference_form(unit)
    try:
        term = form.fields["term"].clean(request.GET.get("term"))
    except ValidationError:
        term = None
    proposal = services.proposed_ordinal(unit=unit, body=request.GET.get("body", ""), term=term)
    field = _conference_form(unit, initial={"ordinal": proposal})["ordinal"]
    return render(request, "meetings/_ordinal.html", {"field": field})


def conference_page(request, conf: Conference, *, forms=None, commitment_forms=None, status=200):
    forms = forms or add_forms(conf)
    prev = previous_conference(conf)
    votes, hidden_votes = votes_for(request.user, conf)
    may_manage = can(request.user, "manage", conf.unit)
    questions = list(conf.questions.select_related("asked_by", "addressed_to", "follow_up"))
    if may_manage:
        commitment_forms = commitment_forms or {}
        for q in questions:
            if q.commitment and not q.follow_up_id:
                q.task_form = commitment_forms.get(q.pk) or commitment_form(q)
    return render(
        request,
        "meetings/conference_detail.html",
        {
            "conf": conf,
            "forms": forms,
            "attendances": conf.attendances.select_related("person"),
            "agenda": list(conf.agenda.all()),
            "documents": conf.documents.select_related("presenter"),
            "questions": questions,
            "votes": votes,
            "hidden_votes": hidden_votes,
            "limitations": conf.limitations.prefetch_related("indicators"),
            "previous": prev,
            "previous_tasks": previous_tasks(prev) if prev else [],
            "tasks": conf.tasks.select_related("unit", "owner"),
            "may_manage": may_manage,
            "people": people_of(conf.unit) if may_manage else [],
        },
        status=status,
    )


def _conference(request, pk: int) -> Conference:
    conf = get_object_or_404(Conference.objects.select_related("unit", "term", "resolution"), pk=pk)
    check(request.user, "view", conf.unit)
    return conf


def conference_detail(request, pk: int):
    conf = _conference(request, pk)
    which = request.POST.get("form") if request.method == "POST" else None
    if not which:
        return conference_page(request, conf)
    check(request.user, "manage", conf.unit)
    if which not in KINDS:
        messages.error(request, _("Nothing was saved: the form sent is not one of this page's."))
        return conference_page(request, conf, status=400)
    forms = add_forms(conf, request.POST, which)
    if record_add(conf, which, forms[which], request.user):
        messages.success(request, _("Saved."))
        return redirect(f"{request.path}#{which}")
    return conference_page(request, conf, forms=forms, status=400)


def conference_edit(request, pk: int):
    conf = _conference(request, pk)
    check(request.user, "manage", conf.unit)
    if request.method == "POST":
        form = _conference_form(conf.unit, request.POST, edit=True)
        if form.is_valid():
            cd = dict(form.cleaned_data)
            version = cd.pop("version")
            try:
                services.conference_update(
                    actor=request.user, conference=conf, expected_version=version, **cd
                )
                messages.success(request, _("Correction saved."))
                return redirect("meetings:conference_detail", pk=conf.pk)
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    else:
        initial = {name: getattr(conf, name) for name in services.conferences.DETAIL_FIELDS}
        form = _conference_form(conf.unit, initial=initial | {"version": conf.version}, edit=True)
        status = 200
    return render(request, "meetings/conference_edit.html", {"conf": conf, "form": form}, status=status)


def conference_minutes(request, pk: int):
    conf = _conference(request, pk)
    check(request.user, "manage", conf.unit)
    if request.method == "POST":
        form = MinutesForm(request.POST)
        if form.is_valid():
            cd = dict(form.cleaned_data)
            version = cd.pop("version")
            try:
                services.conference_minutes_save(
                    actor=request.user, conference=conf, expected_version=version, **cd
                )
                messages.success(request, _("The minutes are saved."))
                return redirect(reverse("meetings:conference_detail", args=[conf.pk]) + "#minutes")
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    else:
        initial = {name: getattr(conf, name) for name in services.conferences.MINUTES_FIELDS}
        form = MinutesForm(initial=initial | {"version": conf.version})
        status = 200
    return render(request, "meetings/conference_minutes.html", {"conf": conf, "form": form}, status=status)
