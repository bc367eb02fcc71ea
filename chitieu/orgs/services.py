"""Writes to the unit tree. Nothing is deleted: units are renamed, merged and dissolved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.audit.services import record, snapshot
from chitieu.i18n import dmy

from .choices import LineageKind
from .models import Term, Unit, UnitLineage, UnitName


def _check_parent(parent: Unit | None, valid_from: dt.date, kind: str) -> None:
    if parent is None:
        return
    if not parent.exists_on(valid_from):
        raise ValidationError(
            {
                "parent": _("The parent unit {name} did not exist on {date}.").format(
                    name=parent.name, date=dmy(valid_from)
                )
            }
        )


@transaction.atomic
def unit_create(
    *,
    code: str,
    name: str,
    kind: str,
    valid_from: dt.date,
    parent: Unit | None = None,
    party_committee: str = "",
    party_abbrev: str = "",
    valid_to: dt.date | None = None,
    note: str = "",
    actor=None,
) -> Unit:
    _check_parent(parent, valid_from, kind)
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        party_committee=party_committee,
        party_abbrev=party_abbrev,
        note=note,
    )
    unit.full_clean()
    unit.save()
    record(actor=actor, action="create", obj=unit, before=None, after=snapshot(unit), unit=unit)
    return unit


@transaction.atomic
def unit_rename(*, unit: Unit, new_name: str, on: dt.date, actor=None) -> Unit:
    """Rename from a date; the old name stays valid before it."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    before = snapshot(unit)
    if not unit.exists_on(on):
        raise ValidationError({"on": _("The unit did not exist on {date}.").format(date=dmy(on))})
    last = unit.names.order_by("-valid_to").first()
    start = last.valid_to if last else unit.valid_from
    if on <= start:
        raise ValidationError(
            {
                "on": _("A rename must come after {date}, when the current name took effect.").format(
                    date=dmy(start)
                )
            }
        )
    UnitName.objects.create(unit=unit, name=unit.name, valid_from=start, valid_to=on)
    unit.name = new_name
    unit.version += 1
    unit.full_clean()
    unit.save(update_fields=["name", "version"])
    record(actor=actor, action="rename", obj=unit, before=before, after=snapshot(unit), unit=unit)
    return unit


@transaction.atomic
def unit_dissolve(*, unit: Unit, on: dt.date, actor=None) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    before = snapshot(unit)
    if not unit.exists_on(on) or on <= unit.valid_from:
        raise ValidationError({"on": _("The unit did not exist on {date}.").format(date=dmy(on))})
    live_children = [c for c in unit.children.all() if c.exists_on(on)]
    if live_children:
        raise ValidationError(
            _("{name} still has units under it on {date}: {children}.").format(
                name=unit.name, date=dmy(on), children=", ".join(c.name for c in live_children[:5])
            )
        )
    unit.valid_to = on
    unit.version += 1
    unit.save(update_fields=["valid_to", "version"])
    record(actor=actor, action="dissolve", obj=unit, before=before, after=snapshot(unit), unit=unit)
    return unit


@transaction.atomic
def units_merge(
    *,
    units: Sequence[Unit],
    on: dt.date,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None,
    basis: str = "",
    party_committee: str = "",
    party_abbrev: str = "",
    actor=None,
) -> Unit:
    """Merge whole units into a new one on a date: the old ones end, lineage edges record the merge."""
    if len(units) < 2:
        raise ValidationError(_("A merger needs at least two units."))
    for old in units:
        if not old.exists_on(on) or on <= old.valid_from:
            raise ValidationError(
                _("{name} did not exist on {date}, so it cannot be merged then.").format(
                    name=old.name, date=dmy(on)
                )
            )
    new = unit_create(
        actor=actor,
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=on,
        party_committee=party_committee,
        party_abbrev=party_abbrev,
    )
    for old in units:
        edge = UnitLineage.objects.create(
            predecessor=old, successor=new, kind=LineageKind.MERGE, date=on, share=Decimal(1), basis=basis
        )
        record(actor=actor, action="create", obj=edge, before=None, after=snapshot(edge), unit=new)
        # Children of a merged unit move with it only by explicit decision; the old unit must be empty.
        unit_dissolve(unit=old, on=on, actor=actor)
    return new


@transaction.atomic
def term_create(
    *, unit: Unit, start_year: int, end_year: int, congress_ordinal: int | None = None, actor=None
) -> Term:
    term = Term(unit=unit, start_year=start_year, end_year=end_year, congress_ordinal=congress_ordinal)
    term.full_clean()
    term.save()
    record(actor=actor, action="create", obj=term, before=None, after=snapshot(term), unit=unit)
    return term
