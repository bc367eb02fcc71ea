"""The indicator catalogue, resolutions and the targets they set."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import (
    Aggregation,
    Basis,
    Dimension,
    Field,
    Measure,
    Polarity,
    ResolutionBody,
    ResolutionKind,
    TargetKind,
)


class MeasureUnit(models.Model):
    """A unit of measure with its scale against the dimension's base unit (đồng, kg, m², …)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    symbol = models.CharField(_("symbol"), max_length=40, help_text=_("as written: tỷ đồng, tấn, ha, %, xã"))
    symbol_en = models.CharField(_("symbol (English)"), max_length=40, blank=True)
    dimension = models.CharField(_("dimension"), max_length=10, choices=Dimension.choices)
    factor = models.DecimalField(
        _("factor to base unit"), max_digits=30, decimal_places=10, default=Decimal(1)
    )

    class Meta:
        verbose_name = _("unit of measure")
        verbose_name_plural = _("units of measure")
        ordering = ["dimension", "factor"]
        constraints = [models.CheckConstraint(condition=Q(factor__gt=0), name="measureunit_factor_positive")]

    def __str__(self) -> str:
        return self.symbol

    def convert(self, value: Decimal, to: MeasureUnit) -> Decimal:
        if self.dimension != to.dimension:
            raise ValueError(f"cannot convert {self.symbol} to {to.symbol}")
        return value * self.factor / to.factor


class Indicator(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    measure_unit = models.ForeignKey(MeasureUnit, verbose_name=_("unit of measure"), on_delete=models.PROTECT)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    polarity = models.CharField(
        _("polarity"), max_length=10, choices=Polarity.choices, default=Polarity.HIGHER
    )
    measure = models.CharField(_("kind of measure"), max_length=20, choices=Measure.choices)
    aggregation = models.CharField(_("roll-up"), max_length=20, choices=Aggregation.choices)
    weight_indicator = models.ForeignKey(
        "self",
        verbose_name=_("weight for weighted average"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    threshold = models.DecimalField(
        _("threshold for counting children"),
        max_digits=20,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("for X/Y counts: a child meets the standard when its value reaches this"),
    )
    child_indicator = models.ForeignKey(
        "self",
        verbose_name=_("children's indicator counted"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("for X/Y counts: the indicator read on each child unit"),
    )
    child_kinds = models.CharField(
        _("kinds of children counted"),
        max_length=100,
        blank=True,
        help_text=_(
            "for X/Y counts: e.g. commune (the new-rural standard applies to communes, not townships)"
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("component of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="components",
    )
    is_share = models.BooleanField(_("share of a whole (cannot exceed 100%)"), default=False)
    season = models.JSONField(
        _("seasonal profile"),
        default=list,
        blank=True,
        help_text=_(
            "12 cumulative shares (%) of the year's plan normally done by the end of each month, e.g. a "
            "winter-spring harvest; empty: the time elapsed"
        ),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["field", "sort_order", "code"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="indicator_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class Resolution(models.Model):
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="resolutions"
    )
    body = models.CharField(_("issuing body"), max_length=20, choices=ResolutionBody.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=ResolutionKind.choices)
    number = models.CharField(
        _("number and symbol"), max_length=40, blank=True, help_text=_("e.g. 28-NQ/HU; empty when unknown")
    )
    issued_on = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=400)
    term = models.ForeignKey(
        "orgs.Term", verbose_name=_("term"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"], condition=~Q(number=""), name="resolution_unique_number"
            ),
            models.CheckConstraint(
                condition=~Q(kind="congress") | Q(term__isnull=False), name="resolution_congress_has_term"
            ),
            models.CheckConstraint(
                condition=~Q(kind="annual") | Q(year__isnull=False), name="resolution_annual_has_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip() if self.number else self.title

    def clean(self):
        if self.term_id and self.unit_id and self.term.unit_id != self.unit_id:
            raise ValidationError({"term": _("That term belongs to another unit.")})

    @property
    def period_code(self) -> str:
        if self.term_id:
            return self.term.period_code
        return str(self.year) if self.year else ""


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="targets"
    )
    period = models.CharField(_("period"), max_length=12, db_index=True)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    basis_label = models.CharField(
        _("basis as written"), max_length=100, blank=True, help_text=_("e.g. kế hoạch thị xã; dự toán năm")
    )
    kind = models.CharField(_("target kind"), max_length=20, choices=TargetKind.choices, default="level")
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=6)
    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("resolution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    derived = models.BooleanField(
        _("derived from a stated percentage"),
        default=False,
        help_text=_("not stated; computed from value ÷ %"),
    )
    note = models.TextField(_("note"), blank=True)
    number = models.PositiveSmallIntegerField(
        _("number in the resolution"),
        null=True,
        blank=True,
        help_text=_("chỉ tiêu 1…n: the resolution's own numbering of its targets"),
    )
    illustrative = models.BooleanField(
        _("illustrative value"),
        default=False,
        help_text=_("not stated by the source: a value chosen for the demonstration, labelled as such"),
    )
    source_document = models.ForeignKey(
        "inbox.SourceDocument",
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        # Dashboards read the targets of a province's communes for one period (and its year): from the
        # index alone on PostgreSQL (covering; SQLite has no INCLUDE and goes without).
        indexes = [
            models.Index(
                fields=["unit", "period", "basis"],
                include=["indicator", "value", "kind"],
                name="target_unit_period_basis",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "period", "basis"], name="target_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.unit} {self.period} {self.basis}"


class Amendment(models.Model):
    """A dated adjustment of some of a resolution's targets (điều chỉnh, bổ sung chỉ tiêu), by a named
    body for a stated reason. The targets hold their new values; each change keeps the old one, so an
    assessment of a period before the amendment uses the target then in force."""

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.PROTECT, related_name="amendments"
    )
    date = models.DateField(_("in force from"))
    body = models.CharField(_("adopted by"), max_length=20, choices=ResolutionBody.choices)
    number = models.CharField(_("number and symbol"), max_length=40, blank=True)
    reason = models.TextField(_("reason"))
    illustrative = models.BooleanField(_("illustrative"), default=False)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("amendment of targets")
        ordering = ["resolution", "date", "id"]

    def __str__(self) -> str:
        return f"{self.resolution} ({self.date:%d/%m/%Y})"


class AmendedTarget(models.Model):
    """One target an amendment changed, with the value it had before."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="changes")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="amendments")
    old_value = models.DecimalField(_("value before"), max_digits=24, decimal_places=6)
    new_value = models.DecimalField(_("value after"), max_digits=24, decimal_places=6)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["amendment", "target"], name="amended_target_unique")]

    def __str__(self) -> str:
        return f"{self.target}: {self.old_value} → {self.new_value}"
