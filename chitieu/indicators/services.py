"""Writes to the catalogue and to resolutions, each with its audit entry."""

from __future__ import annotations

from django.db import transaction

from chitieu.audit.services import record, snapshot

from .models import Indicator, Resolution


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
