from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable

from django.db import models

from .context import current
from .models import AuditEntry


def _jsonable(value):
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")  # 10, not 1E+1; 905.653, not 905.653000
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model | None, fields: Iterable[str] | None = None) -> dict | None:
    """The audited state of an object: its concrete fields, foreign keys as ids."""
    if obj is None:
        return None
    out = {}
    for f in obj._meta.concrete_fields:
        if fields is not None and f.name not in fields:
            continue
        if f.name in {"updated_at", "entered_at", "granted_at", "created_at"}:
            continue
        out[f.attname] = _jsonable(getattr(obj, f.attname))
    return out


def record(
    *,
    actor,
    action: str,
    obj: models.Model,
    before: dict | None,
    after: dict | None,
    unit=None,
    reason: str = "",
) -> AuditEntry | None:
    """Write one audit row in the caller's transaction. A no-op change (before == after) writes nothing."""
    if action == "update" and before == after:
        return None
    info = current()
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_name=user.get_username() if user else "system",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        unit=unit,
        before=before,
        after=after,
        reason=reason,
        ip=info.ip if info else None,
        request_id=info.request_id if info else "",
    )


def history(obj: models.Model):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related(
        "actor"
    )
