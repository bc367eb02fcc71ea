"""Downloads: the draft report (.docx, Party or State), its appendix (.xlsx), the conclusions notice."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from chitieu.access.scope import check, get_unit_for_user
from chitieu.documents import render_appendix_xlsx, render_notice_docx, render_report_docx
from chitieu.indicators.models import Resolution
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.meetings.models import Conference

from .builder import ReportError, build_notice, build_report

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(render, ctx, filename: str, content_type: str) -> FileResponse:
    """Render into a temporary folder that is removed before the answer leaves (a document is a few
    hundred kilobytes: held in memory, nothing is left on disk)."""
    with tempfile.TemporaryDirectory(prefix="chitieu-doc-") as folder:
        path = Path(folder) / filename
        render(ctx, path)
        data = path.read_bytes()
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=filename, content_type=content_type)


def _report_args(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    try:
        period = parse_period(request.GET.get("period", "")).code
    except PeriodError:
        raise Http404("period") from None
    resolution = None
    if request.GET.get("resolution"):
        resolution = get_object_or_404(Resolution, pk=request.GET["resolution"])
        check(request.user, "view", resolution.unit)
    conference = None
    if request.GET.get("conference"):
        conference = get_object_or_404(Conference, pk=request.GET["conference"], unit=unit)
    family = "state" if request.GET.get("family") == "state" else "party"
    return unit, resolution, period, conference, family


def _personnel(request, unit) -> bool:
    """Personnel votes go into a document only for a reader whose role may see them."""
    from chitieu.access.scope import can_see_personnel_of

    return can_see_personnel_of(request.user, unit)


def report_docx(request, code: str):
    unit, resolution, period, conference, family = _report_args(request, code)
    try:
        ctx = build_report(
            unit=unit,
            resolution=resolution,
            period=period,
            family=family,
            conference=conference,
            show_personnel=_personnel(request, unit),
        )
    except ReportError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("reporting:unit_detail", args=[unit.code]) + f"?period={period}")
    name = f"bao-cao-{unit.code}-{period}{'-ubnd' if family == 'state' else ''}.docx"
    return _file(render_report_docx, ctx, name, DOCX)


def appendix_xlsx(request, code: str):
    unit, resolution, period, conference, family = _report_args(request, code)
    try:
        ctx = build_report(
            unit=unit,
            resolution=resolution,
            period=period,
            family=family,
            conference=conference,
            show_personnel=_personnel(request, unit),
        )
    except ReportError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("reporting:unit_detail", args=[unit.code]) + f"?period={period}")
    return _file(render_appendix_xlsx, ctx, f"phu-luc-{unit.code}-{period}.xlsx", XLSX)


def notice_docx(request, pk: int):
    conf = get_object_or_404(Conference.objects.select_related("unit", "term"), pk=pk)
    check(request.user, "view", conf.unit)
    return _file(
        render_notice_docx,
        build_notice(conf, show_personnel=_personnel(request, conf.unit)),
        f"thong-bao-ket-luan-{conf.unit.code}-{conf.date:%Y%m%d}.docx",
        DOCX,
    )
