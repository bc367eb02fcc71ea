"""Reading the audit trail: the one query the history page, its CSV export and any other reader of
the trail share, so that what a user may not see is left out in one place.

Left out: entries of units outside the user's scope, and entries about a personnel vote (before or
after the change) on a unit where the user may not see personnel matters — the conference page
hides those votes, so the trail must not show them bloc by bloc.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from chitieu.access.scope import personnel_unit_ids, unit_ids_for

from .models import AuditEntry

PERSONNEL_OBJECT_TYPES = ("meetings.vote",)


def personnel_entries() -> Q:
    """Entries whose before or after state is a personnel vote."""
    return Q(object_type__in=PERSONNEL_OBJECT_TYPES) & (Q(after__personnel=True) | Q(before__personnel=True))


def audit_entries(user, *, unit=None, object_type: str = "", object_id: str = "") -> QuerySet[AuditEntry]:
    """The entries ``user`` may read, newest first, optionally of one unit, object type or object."""
    qs = AuditEntry.objects.select_related("unit").order_by("-at", "-id")
    ids = unit_ids_for(user, "view")
    if ids is not None:
        qs = qs.filter(
            Q(unit_id__in=ids) | Q(unit__isnull=True, object_type__startswith="indicators.indicator")
        )
    personnel = personnel_unit_ids(user)
    if personnel is not None:
        qs = qs.exclude(personnel_entries() & ~Q(unit_id__in=personnel))
    if unit is not None:
        qs = qs.filter(unit=unit)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    return qs
