from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from chitieu.access.scope import unit_ids_for
from chitieu.indicators.models import Resolution
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.orgs.models import Unit

from . import jobs
from .choices import JobStatus
from .forms import TemplateForm, UploadForm
from .models import ImportJob
from .template import build_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scoped_template_form(request, data):
    """The template picker offers only the units (and their resolutions) the user may see."""
    form = TemplateForm(data)
    visible = _viewable_units(request.user)
    if visible is not None:
        form.fields["unit"].queryset = Unit.objects.filter(pk__in=visible).order_by("name")
        form.fields["resolution"].queryset = Resolution.objects.filter(unit_id__in=visible)
    from chitieu.overview.selectors import overview_roots  # the units the user works on, as suggestions

    form.fields["unit"].suggest(overview_roots(request.user))
    return form


def _viewable_units(user) -> set[int] | None:
    return unit_ids_for(user, "view")


@login_required
def imports(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            job = jobs.create_job(
                user=request.user,
                filename=upload.name or "workbook.xlsx",
                data=data,
                dry_run=form.cleaned_data["dry_run"],
                language=getattr(request, "LANGUAGE_CODE", ""),
            )
            jobs.start_job(job)
            return redirect("imports:job", pk=job.pk)
        status = 400
    template_form = _scoped_template_form(request, request.GET or None)
    recent = ImportJob.objects.filter(user=request.user)[:20]
    return render(
        request,
        "imports/imports.html",
        {"form": form, "template_form": template_form, "jobs": recent},
        status=status,
    )


@login_required
def template_pick(request):
    """The template form's GET target: send the browser to the template's own address."""
    form = _scoped_template_form(request, request.GET)
    if not form.is_valid():
        return redirect(f"{reverse('imports:index')}?{urlencode(request.GET)}")
    url = reverse("imports:template", args=[form.cleaned_data["unit"].code, form.cleaned_data["period"]])
    query = {}
    if form.cleaned_data["resolution"]:
        query["resolution"] = form.cleaned_data["resolution"].pk
    if form.cleaned_data["below"]:
        query["below"] = 1
    return redirect(f"{url}?{urlencode(query)}" if query else url)


@login_required
def template_download(request, unit_code: str, period: str):
    unit = get_object_or_404(Unit, code=unit_code)
    visible = _viewable_units(request.user)
    if visible is not None and unit.pk not in visible:
        raise Http404(_("No such unit."))
    try:
        p = parse_period(period)
    except PeriodError:
        raise Http404(_("No such period.")) from None
    resolution = None
    if request.GET.get("resolution"):
        try:
            resolution = Resolution.objects.select_related("term").get(
                pk=int(request.GET["resolution"]), unit=unit
            )
        except (ValueError, Resolution.DoesNotExist):
            raise Http404(_("No such resolution.")) from None
    below = request.GET.get("below") == "1"
    data = build_template(unit, p.code, resolution, below=below)
    response = HttpResponse(data, content_type=XLSX)
    name = (
        f"chitieu-{unit.code}{'-don-vi-truc-thuoc' if below else ''}-{p.code}"
        + (f"-nq{resolution.pk}" if resolution else "")
        + ".xlsx"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _own_job(request, pk: int) -> ImportJob:
    job = get_object_or_404(ImportJob, pk=pk)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404(_("No such import."))
    return jobs.fail_if_dead(job)


# A queued job not taken up after this long: the page says that no worker seems to run.
WAITING_HINT_SECONDS = 30


def _job_context(job: ImportJob) -> dict:
    from django.utils import timezone

    done, total = (job.done, job.total) if job.finished else jobs.read_progress(job)
    percent = 100 if job.finished else (int(100 * done / total) if total else 0)
    waiting_long = (
        job.status == JobStatus.QUEUED
        and (timezone.now() - job.created_at).total_seconds() > WAITING_HINT_SECONDS
    )
    return {
        "job": job,
        "done": done,
        "total": total,
        "percent": percent,
        "JobStatus": JobStatus,
        "waiting_long": waiting_long,
    }


@login_required
def job_detail(request, pk: int):
    job = _own_job(request, pk)
    return render(request, "imports/job.html", _job_context(job))


@login_required
def job_progress(request, pk: int):
    """The progress fragment htmx polls every 500 ms; once the job has finished it carries no poll."""
    job = _own_job(request, pk)
    return render(request, "imports/_progress.html", _job_context(job))
