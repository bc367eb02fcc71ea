"""Validation rules an office edits (data, not code) and the findings they raise on figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import FindingStatus, RuleKind, Scope, Severity


class Rule(models.Model):
    """A check the write services apply to every figure saved, whatever the channel (form, API, Excel
    import, inbox). A hard rule refuses the save; a soft one stores a finding that must be fixed or
    overridden with a reason before the period is approved.

    It applies to the figures of ``unit`` and every unit below it (none: everywhere), of ``indicator``
    (none: every indicator in ``scope``). ``parts``: for PARTS_SUM, the indicators that add up to
    ``indicator``. ``tolerance``: how far a sum, ratio or stated percentage may be off (in the figure's
    own unit, or percentage points); for OUTLIER, the factor from the median of the unit's history."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=RuleKind.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.SOFT)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("for the units under"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope = models.CharField(_("indicators"), max_length=10, choices=Scope.choices, default=Scope.ALL)
    parts = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("parts"), blank=True, related_name="+"
    )
    minimum = models.DecimalField(_("minimum"), max_digits=24, decimal_places=6, null=True, blank=True)
    maximum = models.DecimalField(_("maximum"), max_digits=24, decimal_places=6, null=True, blank=True)
    tolerance = models.DecimalField(_("tolerance"), max_digits=24, decimal_places=6, default=0)
    active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    """What a soft rule found on a figure: open until the figure is fixed (the rule no longer fires) or
    someone overrides it with a reason; each change of status is audited. One row per rule and figure
    (unit, indicator, period); ``signature`` holds the figures involved, so an override covers those
    figures only."""

    rule = models.ForeignKey(Rule, verbose_name=_("rule"), on_delete=models.PROTECT, related_name="findings")
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(
        "indicators.Indicator", verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(_("period"), max_length=12)
    result = models.ForeignKey(
        "reporting.Result", null=True, blank=True, on_delete=models.PROTECT, related_name="findings"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    details = models.JSONField(_("details"), default=dict)
    signature = models.CharField(max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["status", "unit", "period", "indicator", "id"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "unit", "indicator", "period"], name="finding_unique")
        ]
        indexes = [models.Index(fields=["unit", "period", "status"])]

    def __str__(self) -> str:
        return f"{self.rule}: {self.unit_id}/{self.indicator_id}/{self.period} ({self.status})"

    @property
    def message(self) -> str:
        from .messages import finding_message

        return finding_message(self.rule.kind, self.details)
