"""What every meetings service shares: the audit row, the people named in the records, and the check
that nobody else changed a record while it was being edited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from chitieu.audit.services import record, snapshot

from ..models import Person


def audit(
    actor,
    action: str,
    obj: models.Model,
    unit,
    *,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> None:
    """One audit row in the caller's transaction. ``after`` defaults to the object's state, except for
    a deletion, which has none."""
    if after is None and action != "delete":
        after = snapshot(obj)
    record(
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=after,
        unit=unit,
        reason=(reason or "").strip(),
    )


def person_get_or_create(full_name: str) -> Person:
    name = " ".join(full_name.split())
    if not name:
        raise ValidationError({"person": _("Enter the person's name.")})
    person = Person.objects.filter(full_name=name).first()
    return person or Person.objects.create(full_name=name)


def person_or_none(full_name: str | None) -> Person | None:
    """A name typed in a record (asked by, addressed to, presented by), or nobody when left empty."""
    return person_get_or_create(full_name) if full_name and full_name.strip() else None


def version_check(obj: models.Model, expected_version: int | None) -> None:
    """Refuse an edit made on a copy someone else has changed since (the form carries the version)."""
    if expected_version is not None and expected_version != obj.version:
        raise ValidationError(
            _(
                "Someone else changed this record while you were editing it. Reload the page to see "
                "their change, then make yours again."
            ),
            code="stale",
        )


def text_required(value: str, field: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text
