from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.access.scope import can, check, get_unit_for_user
from chitieu.dbrouter import replica_reads
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_ancestors, unit_children

from .choices import SubmissionStatus
from .forms import ResultRowForm
from .models import Result, Rollup
from .selectors import progress_table
from .services import result_save, window_rule_for
from .workflow import (
    children_status,
    status_of,
    submission_approve,
    submission_of,
    submission_reopen,
    submission_submit,
)


def _period_or_404(code: str):
    try:
        return parse_period(code)
    except PeriodError:
        raise Http404(_("No such period.")) from None


def unit_periods(unit: Unit) -> list[str]:
    """Periods for which the unit has results, newest first."""
    codes = set(Result.objects.filter(unit=unit).values_list("period", flat=True).distinct())
    return sorted(codes, key=lambda c: parse_period(c).sort_key, reverse=True)


def unit_detail(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    periods = unit_periods(unit)
    raw = request.GET.get("period") or (periods[0] if periods else "")
    period = None
    period_error = ""
    if raw:
        try:
            period = parse_period(raw)
        except PeriodError:
            period_error = raw
    resolutions = list(
        Resolution.objects.filter(
            Q(unit=unit) | Q(pk__in=Target.objects.filter(unit=unit).values("resolution"))
        )
        .select_related("term")
        .distinct()
    )
    resolution = None
    if request.GET.get("resolution"):
        resolution = next((r for r in resolutions if str(r.pk) == request.GET["resolution"]), None)
        if resolution is None:
            raise Http404
    groups = progress_table(unit, period, resolution=resolution) if period else []
    sub = submission_of(unit, period.code) if period else None
    status = sub.status if sub else SubmissionStatus.DRAFT
    ctx = {
        "unit": unit,
        "ancestors": [a for a in unit_ancestors(unit) if can(request.user, "view", a)],
        "children": unit_children(unit),
        "periods": periods,
        "period": period,
        "period_error": period_error,
        "resolutions": resolutions,
        "resolution": resolution,
        "groups": groups,
        "unapproved": period is not None and status != SubmissionStatus.APPROVED and bool(groups),
        "window_rule": window_rule_for(unit),
        "predecessors": [e.predecessor for e in unit.predecessor_edges.select_related("predecessor")],
        "successors": [e.successor for e in unit.successor_edges.select_related("successor")],
        "submission": sub,
        "submission_status": status,
        "submission_label": dict(SubmissionStatus.choices)[status],
        "children_status": children_status(unit, period.code, on=min(period.end, unit.valid_to or period.end))
        if period and unit.children.exists()
        else None,
        "may_enter": can(request.user, "enter_results", unit),
        "may_approve": can(request.user, "approve", unit),
        "may_manage": can(request.user, "manage", unit),
    }
    template = "reporting/_progress.html" if request.htmx else "reporting/unit_detail.html"
    return render(request, template, ctx)


def results_edit(request, code: str, period: str):
    """Enter or correct one unit's results for one period; all rows are saved or none."""
    unit = get_unit_for_user(request.user, code, "enter_results")
    p = _period_or_404(period)
    year = p.year_period()
    applicable = [p.code] + ([year.code] if year and year.code != p.code else [])
    prev = p.same_period_last_year()
    ind_ids = set(Target.objects.filter(unit=unit, period__in=applicable).values_list("indicator", flat=True))
    ind_ids |= set(
        Result.objects.filter(unit=unit, period__in=[p.code] + ([prev.code] if prev else [])).values_list(
            "indicator", flat=True
        )
    )
    add_code = request.GET.get("add") or request.POST.get("add")
    if add_code:
        ind_ids |= set(Indicator.objects.filter(code=add_code).values_list("pk", flat=True))
    indicators = list(
        Indicator.objects.filter(pk__in=ind_ids)
        .select_related("measure_unit")
        .order_by("field", "sort_order", "code")
    )
    existing = {r.indicator_id: r for r in Result.objects.filter(unit=unit, period=p.code)}
    status = status_of(unit, p.code)
    locked = status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)
    needs_reason = status == SubmissionStatus.REOPENED
    reason = (request.POST.get("reason") or "").strip()
    http_status = 200
    if request.method == "POST":
        rows = [
            (ind, ResultRowForm(request.POST, prefix=ind.code, indicator=ind, result=existing.get(ind.pk)))
            for ind in indicators
        ]
        if all(f.is_valid() for _i, f in rows):
            try:
                with transaction.atomic():
                    saved = 0
                    for ind, f in rows:
                        if not f.changed_row():
                            continue
                        cd = f.cleaned_data
                        try:
                            result_save(
                                actor=request.user,
                                indicator=ind,
                                unit=unit,
                                period=p.code,
                                value=cd["value"],
                                numerator=cd["numerator"],
                                denominator=cd["denominator"],
                                status=cd["status"],
                                note=cd["note"] or "",
                                expected_version=cd.get("version"),
                                reason=reason,
                            )
                            saved += 1
                        except ValidationError as exc:
                            f.add_service_errors(exc)
                            if getattr(exc, "error_dict", None) and any(
                                e.code == "conflict" for errs in exc.error_dict.values() for e in errs
                            ):
                                # Let a second save keep what this user typed: they have now seen both values.
                                f.data = f.data.copy()
                                f.data[f.add_prefix("version")] = (
                                    existing[ind.pk].version if ind.pk in existing else ""
                                )
                                f.conflict = Result.objects.get(pk=existing[ind.pk].pk)
                            raise
                messages.success(request, _("{n} results saved.").format(n=saved))
                return redirect(f"{reverse('reporting:unit_detail', args=[unit.code])}?period={p.code}")
            except ValidationError:
                pass
        messages.error(request, _("Nothing was saved: correct the marked fields."))
        http_status = 400
    else:
        rows = [
            (ind, ResultRowForm(prefix=ind.code, indicator=ind, result=existing.get(ind.pk)))
            for ind in indicators
        ]
    others = (
        Indicator.objects.exclude(pk__in=ind_ids).filter(~Q(aggregation="count_meeting")).order_by("name")
    )
    return render(
        request,
        "reporting/results_edit.html",
        {
            "unit": unit,
            "period": p,
            "rows": rows,
            "others": others,
            "locked": locked,
            "needs_reason": needs_reason,
            "reason": reason,
            "status_label": dict(SubmissionStatus.choices)[status],
        },
        status=http_status,
    )


@require_POST
def submission_action(request, code: str, period: str):
    action = request.POST.get("action")
    needed = {"submit": "enter_results", "approve": "approve", "reopen": "approve"}.get(action)
    if needed is None:
        raise Http404
    unit = get_unit_for_user(request.user, code, "view")
    check(request.user, needed, unit)
    p = _period_or_404(period)
    try:
        if action == "submit":
            submission_submit(actor=request.user, unit=unit, period=p.code)
            messages.success(request, _("Submitted for approval."))
        elif action == "approve":
            submission_approve(actor=request.user, unit=unit, period=p.code)
            messages.success(request, _("Approved: the figures are now locked."))
        else:
            submission_reopen(
                actor=request.user, unit=unit, period=p.code, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("Reopened."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{reverse('reporting:unit_detail', args=[unit.code])}?period={p.code}")


@replica_reads
def unit_dashboard(request, code: str):
    """All the unit's children × the indicators of a resolution for one period."""
    from django.utils.safestring import mark_safe

    from chitieu.indicators.models import Resolution
    from chitieu.web.fields import current_lang

    from .dashboard import province_dashboard

    unit = get_unit_for_user(request.user, code, "view")
    # The roll-up table knows which periods hold figures below this unit, in a few hundred rows.
    periods = sorted(
        set(Rollup.objects.filter(unit=unit).values_list("period", flat=True).distinct()),
        key=lambda c: parse_period(c).sort_key,
        reverse=True,
    )
    raw = request.GET.get("period") or (periods[0] if periods else "")
    p = _period_or_404(raw) if raw else None
    resolutions = list(Resolution.objects.filter(unit=unit))
    resolution = None
    if request.GET.get("resolution"):
        resolution = next((r for r in resolutions if str(r.pk) == request.GET["resolution"]), None)
        if resolution is None:
            raise Http404
    board = province_dashboard(unit, p, resolution, lang=current_lang()) if p else None
    return render(
        request,
        "reporting/dashboard.html",
        {
            "unit": unit,
            "period": p,
            "periods": periods[:36],
            "resolutions": resolutions,
            "resolution": resolution,
            "board": board,
            "body": mark_safe(board.body_html) if board else "",
            "totals": mark_safe(board.totals_html) if board else "",
        },
    )
