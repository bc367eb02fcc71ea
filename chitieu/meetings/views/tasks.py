"""Tasks: the list of a unit's whole subtree (filtered, sorted, exported), a task's page with its
progress, and its correction."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.access.scope import can, check, get_unit_for_user
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids

from .. import services
from ..export import tasks_xlsx
from ..forms import DeleteForm, ProgressForm, TaskEditForm, TaskFilterForm
from ..models import Task
from ..selectors import TaskFilter, task_options, task_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(request, unit):
    """The filter form bound to the query string and the tasks it selects. An unknown value in one
    filter is refused beside that filter; the others still apply."""
    form = TaskFilterForm(request.GET or None, options=task_options(unit))
    valid = form.is_valid() if form.is_bound else True
    cd = form.cleaned_data if form.is_bound else {}
    f = TaskFilter(
        status=cd.get("status") or "",
        overdue=bool(cd.get("overdue")),
        owner=cd.get("owner") or "",
        unit=cd.get("unit") or "",
        conference=cd.get("conference"),
        sort=cd.get("sort") or "status",
    )
    return form, valid, f, task_rows(unit, f, today=dt.date.today())


def _query_without(request, *names: str) -> str:
    q = request.GET.copy()
    for name in names:
        q.pop(name, None)
    return q.urlencode()


def task_list(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    form, valid, f, rows = _filtered(request, unit)
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/task_list.html",
        {
            "unit": unit,
            "form": form,
            "page": page,
            "sort": f.sort,
            "query": _query_without(request, "page"),
            "query_nosort": _query_without(request, "page", "sort"),
            "export_query": _query_without(request, "page"),
        },
        status=200 if valid else 400,
    )


def task_export(request, code: str):
    """The task list as filtered on the page, every page of it, as a workbook."""
    unit = get_unit_for_user(request.user, code, "view")
    form, valid, f, rows = _filtered(request, unit)
    if not valid:
        return task_list(request, code)
    response = HttpResponse(tasks_xlsx(unit, list(rows), today=dt.date.today()), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="nhiem-vu-{unit.code}.xlsx"'
    return response


def _task(request, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("unit", "conference__unit", "owner"), pk=pk)
    check(request.user, "view", task.unit)
    return task


def task_detail(request, pk: int):
    task = _task(request, pk)
    may_manage = can(request.user, "manage", task.unit)
    form = ProgressForm(prefix="progress", initial={"date": dt.date.today(), "status": task.status})
    status = 200
    if request.method == "POST":
        check(request.user, "manage", task.unit)
        form = ProgressForm(request.POST, prefix="progress")
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
        {
            "task": task,
            "form": form,
            "updates": task.updates.select_related("by").order_by("-date", "-id"),
            "may_manage": may_manage,
        },
        status=status,
    )


def _task_units(task: Task):
    root = task.conference.unit if task.conference_id else task.unit
    return Unit.objects.filter(pk__in=unit_subtree_ids(root.pk)).order_by("name")


def _edit_page(request, task, form, delete_form, status=200):
    return render(
        request,
        "meetings/task_edit.html",
        {"task": task, "form": form, "delete_form": delete_form, "has_progress": task.updates.exists()},
        status=status,
    )


def task_edit(request, pk: int):
    task = _task(request, pk)
    check(request.user, "manage", task.unit)
    if request.method != "POST":
        form = TaskEditForm(initial=TaskEditForm.initial_from(task), units=_task_units(task))
        return _edit_page(request, task, form, DeleteForm())
    form = TaskEditForm(request.POST, units=_task_units(task))
    if form.is_valid():
        cd = form.cleaned_data
        try:
            services.task_update(
                actor=request.user,
                task=task,
                text=cd["text"],
                unit=cd["unit"],
                owner=services.person_or_none(cd["owner"]),
                owner_text=cd["owner"],
                deadline=cd["deadline"],
                expected_version=cd["version"],
            )
            messages.success(request, _("Correction saved."))
            return redirect("meetings:task_detail", pk=task.pk)
        except ValidationError as exc:
            form.add_service_errors(exc)
    return _edit_page(request, task, form, DeleteForm(), status=400)


@require_POST
def task_delete(request, pk: int):
    task = _task(request, pk)
    check(request.user, "manage", task.unit)
    form = DeleteForm(request.POST)
    if form.is_valid():
        try:
            services.task_delete(actor=request.user, task=task, reason=form.cleaned_data["reason"])
            messages.success(request, _("The task was deleted; the history of changes keeps it."))
            if task.conference_id:
                return redirect(reverse("meetings:conference_detail", args=[task.conference_id]) + "#task")
            return redirect("meetings:task_list", code=task.unit.code)
        except ValidationError as exc:
            form.add_service_errors(exc)
    edit = TaskEditForm(initial=TaskEditForm.initial_from(task), units=_task_units(task))
    return _edit_page(request, task, edit, form, status=400)
