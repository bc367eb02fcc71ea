from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.audit.services import record, snapshot

from .choices import Role
from .models import RoleAssignment


@transaction.atomic
def role_grant(*, actor, user, unit, role: str) -> RoleAssignment:
    if role not in Role.values:
        raise ValidationError({"role": _("“{role}” is not a role.").format(role=role)})
    ra = RoleAssignment.objects.filter(user=user, unit=unit, role=role).first()
    if ra is not None:
        return ra
    ra = RoleAssignment.objects.create(
        user=user,
        unit=unit,
        role=role,
        granted_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(actor=actor, action="grant", obj=ra, before=None, after=snapshot(ra), unit=unit)
    return ra


@transaction.atomic
def role_revoke(*, actor, user, unit, role: str, reason: str = "") -> None:
    ra = RoleAssignment.objects.filter(user=user, unit=unit, role=role).first()
    if ra is None:
        raise ValidationError(_("{user} holds no such role on {unit}.").format(user=user, unit=unit))
    before = snapshot(ra)
    record(actor=actor, action="revoke", obj=ra, before=before, after=None, unit=unit, reason=reason)
    ra.delete()
