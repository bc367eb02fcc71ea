"""Reads of rules and findings."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, Value, When

from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_ancestor_ids, unit_subtree_ids

from .choices import FindingStatus
from .models import Finding, Rule

_ORDER = Case(
    When(status=FindingStatus.OPEN, then=Value(0)),
    When(status=FindingStatus.OVERRIDDEN, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def findings_for(unit: Unit, period: str, *, include_fixed: bool = False) -> list[Finding]:
    """A unit's findings for a period, open first."""
    qs = Finding.objects.filter(unit=unit, period=period)
    if not include_fixed:
        qs = qs.exclude(status=FindingStatus.FIXED)
    return list(
        qs.select_related("rule", "indicator__measure_unit", "decided_by").order_by(_ORDER, "indicator__name")
    )


def open_findings(unit: Unit, period: str) -> list[Finding]:
    return [f for f in findings_for(unit, period) if f.status == FindingStatus.OPEN]


def subtree_findings(unit: Unit, *, period: str | None = None, status: str | None = None) -> list[Finding]:
    """The findings of a unit and every unit below it (the data-quality page)."""
    qs = Finding.objects.filter(unit_id__in=unit_subtree_ids(unit.pk))
    if period:
        qs = qs.filter(period=period)
    if status:
        qs = qs.filter(status=status)
    return list(
        qs.select_related("rule", "unit", "indicator__measure_unit", "decided_by").order_by(
            _ORDER, "period", "unit__name", "indicator__name"
        )[:500]
    )


def rules_reaching(unit: Unit) -> list[Rule]:
    """The rules that apply to a unit's figures: everywhere, on it or on a unit above it."""
    ids = [unit.pk, *unit_ancestor_ids(unit.pk)]
    return list(
        Rule.objects.filter(Q(unit__isnull=True) | Q(unit_id__in=ids))
        .select_related("unit", "indicator")
        .prefetch_related("parts")
        .order_by("-active", "kind", "name")
    )
