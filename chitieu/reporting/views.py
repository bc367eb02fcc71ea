from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.access.scope import can, check, get_unit_for_user
from chitieu.dbrouter import replica_reads
from chitieu.indicators.models import Resolution, Target
from chitieu.lib.periods import PeriodError, parse_any, parse_period
from chitieu.orgs.selectors import unit_ancestors, unit_children
from chitieu.validation.selectors import findings_for

from .calendar import period_refusal, unit_period_choices
from .choices import SubmissionStatus
from .entry import results_entry
from .forms import ResultsFormSet
from .models import Rollup
from .selectors import progress_table
from .services import ResultRowsRefused, results_save_many, window_rule_for
from .workflow import (
    children_status,
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


def unit_detail(request, code: str):
    unit = get_unit_for_user(request.user, code, "view")
    choices = unit_period_choices(unit)
    raw = request.GET.get("period", "").strip()
    period = None if raw else choices.default()
    period_error = ""
    if raw:
        try:
            period = parse_any(raw)
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
        "choices": choices,
        "period": period,
        "period_refusal": period_refusal(unit, period) if period else None,
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
        "findings": findings_for(unit, period.code) if period else [],
        "may_override": can(request.user, "approve", unit) or can(request.user, "manage", unit),
        "may_manage": can(request.user, "manage", unit),
    }
    template = "reporting/_progress.html" if request.htmx else "reporting/unit_detail.html"
    return render(request, template, ctx)


def results_edit(request, code: str, period: str):
    """Enter or correct one unit's results for one period; all rows are saved or none. "Add an
    indicator" posts what was typed with it, so the page comes back with every row still filled."""
    unit = get_unit_for_user(request.user, code, "enter_results")
    p = _period_or_404(period)
    data = request.POST if request.method == "POST" else None
    add = (data or request.GET).getlist("add")
    if data is not None and data.get("add_row") and data.get("new_indicator"):
        add = [*add, data["new_indicator"]]
    entry = results_entry(unit=unit, period=p, add=add)
    formset = ResultsFormSet(data, entry=entry)
    status = 200
    if data is not None and not data.get("add_row"):
        if formset.is_valid():
            try:
                saved = results_save_many(
                    actor=request.user,
                    unit=unit,
                    period=p.code,
                    rows=formset.inputs(),
                    reason=formset.reason,
                )
            except ResultRowsRefused as exc:
                formset.add_save_errors(exc)
            else:
                messages.success(
                    request,
                    _("{n} results saved.").format(n=sum(s.changed for s in saved)),
                    extra_tags=f"draft-saved:{entry.draft_key}",
                )
                for finding in (f for s in saved for f in s.findings):
                    messages.warning(
                        request,
                        _("To review: {indicator}: {message}").format(
                            indicator=finding.indicator.name, message=finding.message
                        ),
                    )
                return redirect(f"{reverse('reporting:unit_detail', args=[unit.code])}?period={p.code}")
        messages.error(request, _("Nothing was saved: correct the marked fields."))
        status = 400
    elif entry.refusal:
        status = 400 if data is not None else 200
    return render(request, "reporting/results_edit.html", {"entry": entry, "formset": formset}, status=status)


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
        },
    )
