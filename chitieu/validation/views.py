"""Pages: the rules that reach a unit (an office edits them), the data-quality page of a subtree, and
overriding a finding with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.access.scope import can, check, get_unit_for_user
from chitieu.lib.periods import PeriodError, parse_period

from .choices import FindingStatus
from .forms import RuleForm
from .models import Finding, Rule
from .selectors import rules_reaching, subtree_findings
from .services import finding_override, rule_save


def rules(request, code: str):
    """The rules that apply to the unit's figures; an office of the unit adds or edits its own."""
    unit = get_unit_for_user(request.user, code, "view")
    may_edit = can(request.user, "manage", unit)
    instance = None
    if request.GET.get("edit") or request.POST.get("edit"):
        instance = get_object_or_404(Rule, pk=request.GET.get("edit") or request.POST.get("edit"))
        if instance.unit_id != unit.pk and not (instance.unit_id is None and request.user.is_superuser):
            raise Http404
    status = 200
    if request.method == "POST":
        check(request.user, "manage", unit)
        form = RuleForm(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "parts"}
            if data.get("tolerance") is None:
                data["tolerance"] = None
            try:
                rule_save(
                    actor=request.user,
                    data={**data, "unit": instance.unit if instance else unit},
                    parts=list(form.cleaned_data["parts"]),
                    instance=instance,
                )
                messages.success(request, _("Rule saved."))
                return redirect("validation:rules", code=unit.code)
            except ValidationError as exc:
                form.add_service_errors(exc)
        status = 400
    elif instance is not None:
        form = RuleForm(
            initial={
                "name": instance.name,
                "kind": instance.kind,
                "severity": instance.severity,
                "indicator": instance.indicator.code if instance.indicator else None,
                "scope": instance.scope,
                "parts": [p.code for p in instance.parts.all()],
                "minimum": instance.minimum,
                "maximum": instance.maximum,
                "tolerance": instance.tolerance,
                "active": instance.active,
                "note": instance.note,
            }
        )
    else:
        form = RuleForm()
    return render(
        request,
        "validation/rules.html",
        {
            "unit": unit,
            "rules": rules_reaching(unit),
            "form": form,
            "may_edit": may_edit,
            "editing": instance,
        },
        status=status,
    )


def quality(request, code: str):
    """Every finding of the unit and the units below it, open first, by period."""
    unit = get_unit_for_user(request.user, code, "view")
    period = None
    if request.GET.get("period"):
        try:
            period = parse_period(request.GET["period"]).code
        except PeriodError:
            raise Http404 from None
    status = request.GET.get("status") or None
    if status and status not in FindingStatus.values:
        raise Http404
    found = subtree_findings(unit, period=period, status=status)
    overridable = {
        f.pk for f in found if can(request.user, "approve", f.unit) or can(request.user, "manage", f.unit)
    }
    return render(
        request,
        "validation/quality.html",
        {
            "unit": unit,
            "findings": found,
            "overridable": overridable,
            "period_code": period,
            "status": status,
            "statuses": FindingStatus.choices,
        },
    )


@require_POST
def override(request, pk: int):
    finding = get_object_or_404(Finding.objects.select_related("unit"), pk=pk)
    check(request.user, "view", finding.unit)
    if not (can(request.user, "approve", finding.unit) or can(request.user, "manage", finding.unit)):
        check(request.user, "approve", finding.unit)  # 403
    try:
        finding_override(actor=request.user, finding=finding, reason=request.POST.get("reason", ""))
        messages.success(request, _("Finding overridden; the reason is kept in the history of changes."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    back = request.POST.get("next") or (
        reverse("reporting:unit_detail", args=[finding.unit.code]) + f"?period={finding.period}#findings"
    )
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("reporting:unit_detail", args=[finding.unit.code])
    return redirect(back)
