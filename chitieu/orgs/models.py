"""Administrative and Party units, their history and their terms.

Units are effective-dated: a unit is never deleted; it is dissolved (valid_to set)
and may be succeeded by others (UnitLineage). Renames keep the earlier name in
UnitName so that the tree can be shown as it stood on any date.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import LineageKind, UnitKind

# Administrative level of each kind: 1 province, 2 district, 3 commune.
KIND_LEVEL = {
    UnitKind.PROVINCE: 1,
    UnitKind.CITY: 1,
    UnitKind.PROVINCIAL_CITY: 2,
    UnitKind.DISTRICT: 2,
    UnitKind.URBAN_DISTRICT: 2,
    UnitKind.TOWN: 2,
    UnitKind.COMMUNE: 3,
    UnitKind.WARD: 3,
    UnitKind.TOWNSHIP: 3,
    UnitKind.SPECIAL_ZONE: 3,
}


class Unit(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True, allow_unicode=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    party_committee = models.CharField(
        _("leading Party committee"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Huyện ủy Hữu Lũng, Đảng ủy xã Vĩnh Bình"),
    )
    party_abbrev = models.CharField(
        _("issuer abbreviation"), max_length=10, blank=True, help_text=_("HU, TU, ĐU … in 28-NQ/HU")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("exclusive; empty while it exists")
    )
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="unit_valid_range",
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> int:
        return KIND_LEVEL.get(self.kind, 3)

    def exists_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """True if the unit existed on any day of [start, end]."""
        return self.valid_from <= end and (self.valid_to is None or self.valid_to > start)


class UnitName(models.Model):
    """A unit's earlier names, so the tree can be shown as it stood on a date."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="names")
    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))

    class Meta:
        ordering = ["unit", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gt=models.F("valid_from")), name="unitname_valid_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from:%d/%m/%Y}–{self.valid_to:%d/%m/%Y})"


class UnitLineage(models.Model):
    """An edge old -> new on a date: how today's units came from yesterday's."""

    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successor_edges")
    successor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="predecessor_edges")
    kind = models.CharField(max_length=10, choices=LineageKind.choices)
    date = models.DateField(_("date"))
    share = models.DecimalField(
        _("share"),
        max_digits=7,
        decimal_places=6,
        default=1,
        help_text=_("part of the predecessor that moved"),
    )
    basis = models.CharField(_("legal basis"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor", "date"], name="lineage_unique_edge"),
            models.CheckConstraint(condition=Q(share__gt=0) & Q(share__lte=1), name="lineage_share_range"),
            models.CheckConstraint(condition=~Q(predecessor=models.F("successor")), name="lineage_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.date:%d/%m/%Y})"


class Term(models.Model):
    """A term (nhiệm kỳ) of a unit's Party organisation, e.g. Đại hội lần thứ XII, 2020–2025."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="terms")
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))
    congress_ordinal = models.PositiveSmallIntegerField(
        _("congress ordinal"), null=True, blank=True, help_text=_("XII in 'Đại hội lần thứ XII'")
    )

    class Meta:
        ordering = ["unit", "start_year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "start_year"], name="term_unique_per_unit"),
            models.CheckConstraint(condition=Q(end_year__gt=models.F("start_year")), name="term_years_order"),
        ]

    def __str__(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    @property
    def period_code(self) -> str:
        return f"{self.start_year}-{self.end_year}"
