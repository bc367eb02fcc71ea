"""Submission and approval of a unit's results for a period, each step audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from chitieu.access.references import require_action
from chitieu.audit.models import AuditEntry
from chitieu.audit.services import record, snapshot
from chitieu.i18n import is_user
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_children

from .choices import SubmissionStatus
from .models import Result, SelfApproval, Submission


def submission_of(unit: Unit, period: str) -> Submission | None:
    return Submission.objects.filter(unit=unit, period=period).first()


def status_of(unit: Unit, period: str) -> str:
    s = submission_of(unit, period)
    return s.status if s else SubmissionStatus.DRAFT


def _get_for_update(unit: Unit, period: str) -> Submission:
    sub = Submission.objects.select_for_update().filter(unit=unit, period=period).first()
    if sub is None:
        sub = Submission.objects.create(unit=unit, period=period)
    return sub


def _move(actor, sub: Submission, to: str, reason: str = "") -> Submission:
    before = snapshot(sub)
    sub.status = to
    sub.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    sub.version += 1
    sub.save(update_fields=["status", "updated_by", "updated_at", "version"])
    record(actor=actor, action=to, obj=sub, before=before, after=snapshot(sub), unit=sub.unit, reason=reason)
    return sub


@transaction.atomic
def submission_submit(*, actor, unit: Unit, period: str) -> Submission:
    sub = _get_for_update(unit, period)
    if sub.status not in (SubmissionStatus.DRAFT, SubmissionStatus.REOPENED):
        raise ValidationError(
            _("These results are already {status}.").format(status=sub.get_status_display())
        )
    if not Result.objects.filter(unit=unit, period=period).exists():
        raise ValidationError(_("There are no results to submit for this period."))
    return _move(actor, sub, SubmissionStatus.SUBMITTED)


def submission_authors(sub: Submission) -> set[int]:
    """The users who submitted these results, or made the last change of one of their figures."""
    authors = {sub.updated_by_id} if sub.status == SubmissionStatus.SUBMITTED and sub.updated_by_id else set()
    ids = [
        str(pk)
        for pk in Result.objects.filter(unit=sub.unit_id, period=sub.period).values_list("pk", flat=True)
    ]
    if ids:
        last = (
            AuditEntry.objects.filter(object_type="reporting.result", object_id__in=ids)
            .values("object_id")
            .annotate(last=Max("id"))
            .values("last")
        )
        authors |= set(
            AuditEntry.objects.filter(id__in=last, actor__isnull=False).values_list("actor_id", flat=True)
        )
    return authors


def self_approval_allowed(unit: Unit) -> bool:
    return SelfApproval.objects.filter(unit=unit, allowed=True).exists()


@transaction.atomic
def submission_approve(*, actor, unit: Unit, period: str) -> Submission:
    sub = _get_for_update(unit, period)
    if sub.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(
            _("Only submitted results can be approved (these are {status}).").format(
                status=sub.get_status_display()
            )
        )
    if is_user(actor) and actor.pk in submission_authors(sub) and not self_approval_allowed(unit):
        raise ValidationError(
            _(
                "You submitted these results or made the last change to one of their figures: another "
                "approver must approve them (separation of duties). An administrator may allow "
                "self-approval for {unit}."
            ).format(unit=unit.name),
            code="four_eyes",
        )
    _no_open_findings(unit, period)
    return _move(actor, sub, SubmissionStatus.APPROVED)


def _no_open_findings(unit: Unit, period: str) -> None:
    """Approval needs every validation finding fixed or overridden with a reason (chitieu.validation)."""
    from chitieu.validation.selectors import open_findings

    found = open_findings(unit, period)
    if found:
        raise ValidationError(
            _(
                "{n} validation findings are still open ({names}): correct the figures, or override each "
                "finding with a reason, before approving."
            ).format(n=len(found), names="; ".join(f"{f.indicator.name}: {f.message}" for f in found[:5]))
        )


@transaction.atomic
def self_approval_set(*, actor, unit: Unit, allowed: bool, reason: str) -> SelfApproval:
    """Allow (or forbid again) the approvers of ``unit`` to approve their own figures. Administrators
    only, with a reason; audited."""
    require_action(actor, unit, "administer")
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for this change.")})
    setting = SelfApproval.objects.select_for_update().filter(unit=unit).first()
    before = snapshot(setting, ("allowed", "reason"))
    if setting is None:
        setting = SelfApproval(unit=unit)
    setting.allowed = allowed
    setting.reason = reason.strip()
    setting.changed_by = actor if is_user(actor) else None
    setting.full_clean()
    setting.save()
    record(
        actor=actor,
        action="allow" if allowed else "forbid",
        obj=setting,
        before=before,
        after=snapshot(setting, ("allowed", "reason")),
        unit=unit,
        reason=setting.reason,
    )
    return setting


@transaction.atomic
def submission_reopen(*, actor, unit: Unit, period: str, reason: str) -> Submission:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for reopening approved or submitted results.")})
    sub = _get_for_update(unit, period)
    if sub.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED):
        raise ValidationError(_("Only submitted or approved results can be reopened."))
    return _move(actor, sub, SubmissionStatus.REOPENED, reason=reason.strip())


@dataclass
class ChildrenStatus:
    children: list[tuple[Unit, str]]

    @property
    def submitted(self) -> int:
        return sum(
            1 for _u, s in self.children if s in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)
        )

    @property
    def total(self) -> int:
        return len(self.children)

    @property
    def missing(self) -> list[Unit]:
        return [
            u for u, s in self.children if s not in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)
        ]


def children_status(unit: Unit, period: str, *, on=None) -> ChildrenStatus:
    """Which children have submitted a period's results: the "8/9 đã nộp" view."""
    children = unit_children(unit, on=on)
    subs = dict(Submission.objects.filter(unit__in=children, period=period).values_list("unit_id", "status"))
    return ChildrenStatus([(c, subs.get(c.pk, SubmissionStatus.DRAFT)) for c in children])
