"""Writes to the catalogue and to resolutions, each with its audit entry."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.audit.services import record, snapshot
from chitieu.i18n import current_lang
from chitieu.lib.periods import parse_period

from .choices import ResolutionBody
from .models import AmendedTarget, Amendment, Indicator, Resolution, Target


@transaction.atomic
def indicator_save(*, actor, data: dict, instance: Indicator | None = None) -> Indicator:
    before = snapshot(instance)
    ind = instance or Indicator()
    for k, v in data.items():
        setattr(ind, k, v)
    if instance is not None:
        if snapshot(ind) == before:
            return ind
        ind.version += 1
    ind.full_clean()
    ind.save()
    record(
        actor=actor, action="update" if instance else "create", obj=ind, before=before, after=snapshot(ind)
    )
    return ind


@transaction.atomic
def resolution_save(*, actor, data: dict, instance: Resolution | None = None) -> Resolution:
    before = snapshot(instance)
    res = instance or Resolution()
    for k, v in data.items():
        setattr(res, k, v)
    if instance is not None:
        if snapshot(res) == before:
            return res
        res.version += 1
    res.full_clean()
    res.save()
    record(
        actor=actor,
        action="update" if instance else "create",
        obj=res,
        before=before,
        after=snapshot(res),
        unit=res.unit,
    )
    return res


@transaction.atomic
def amendment_create(
    *,
    actor,
    resolution: Resolution,
    date,
    body: str,
    reason: str,
    changes: list[tuple[Target, Decimal]],
    number: str = "",
    illustrative: bool = False,
    note: str = "",
) -> Amendment:
    """A dated adjustment of some of a resolution's targets, by a named body for a stated reason. Each
    target takes its new value through target_save (validated, versioned, audited); the old value is
    kept on the amendment, so periods before ``date`` are still judged against it."""
    from chitieu.reporting.services import target_save

    errors: dict[str, str] = {}
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for adjusting the targets.")
    if body not in ResolutionBody.values:
        errors["body"] = _("Name the body that adopted the adjustment.")
    if not changes:
        errors["changes"] = _("An adjustment changes at least one target.")
    covered = resolution.period_code
    if covered and date is not None:
        p = parse_period(covered)
        if not p.start <= date <= p.end:
            errors["date"] = _("The adjustment's date {date} lies outside the resolution's {period}.").format(
                date=date.strftime("%d/%m/%Y"), period=p.label(current_lang())
            )
    for target, value in changes:
        if target.resolution_id != resolution.pk:
            errors["changes"] = _("{indicator}: that target belongs to another resolution.").format(
                indicator=target.indicator.name
            )
        elif value == target.value:
            errors["changes"] = _("{indicator}: the new value is the value in force.").format(
                indicator=target.indicator.name
            )
    if errors:
        raise ValidationError(errors)
    amendment = Amendment(
        resolution=resolution,
        date=date,
        body=body,
        number=number,
        reason=reason.strip(),
        illustrative=illustrative,
        note=note,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    amendment.full_clean()
    amendment.save()
    for target, value in changes:
        AmendedTarget.objects.create(
            amendment=amendment, target=target, old_value=target.value, new_value=value
        )
        target_save(
            actor=actor,
            indicator=target.indicator,
            unit=target.unit,
            period=target.period,
            basis=target.basis,
            value=value,
            kind=target.kind,
            resolution=resolution,
            basis_label=target.basis_label,
            derived=target.derived,
            note=target.note,
            reason=amendment.reason,
        )
    record(
        actor=actor,
        action="create",
        obj=amendment,
        before=None,
        after=snapshot(amendment) | {"changes": [[t.pk, str(t.value), str(v)] for t, v in changes]},
        unit=resolution.unit,
        reason=amendment.reason,
    )
    return amendment
