"""Documents read by the extractor, the figures found in them, and what reviewers decided."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Decision, DocumentOrigin


class SourceDocument(models.Model):
    Origin = DocumentOrigin

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="documents"
    )
    period = models.CharField(_("period"), max_length=12)
    title = models.CharField(_("title"), max_length=300)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    text = models.TextField(_("text"))
    sha256 = models.CharField(
        _("fingerprint"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 of the normalised text, to catch the same report uploaded twice"),
    )
    reader = models.CharField(
        _("read as"), max_length=10, blank=True, help_text=_("text, html, docx, doc, pdf, scan or image")
    )
    encoding = models.CharField(_("encoding detected"), max_length=20, blank=True)
    ocr_confidence = models.FloatField(_("OCR confidence"), null=True, blank=True)
    notes = models.JSONField(_("reading notes"), default=list, blank=True)
    meeting = models.JSONField(_("meeting facts"), default=dict, blank=True)
    checks = models.JSONField(_("consistency checks"), default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title


class ScanPage(models.Model):
    """A page read by OCR: the straightened image beside the text recognised on it."""

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    image = models.BinaryField()  # JPEG
    text = models.TextField(blank=True)  # as recognised, before any correction
    confidence = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="scanpage_unique_number")]

    def __str__(self) -> str:
        return f"{self.document_id} p.{self.number}"


class Candidate(models.Model):
    """One figure the extractor found; it becomes a result only when a reviewer accepts it."""

    document = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="candidates")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    indicator_text = models.CharField(_("indicator as written"), max_length=400)
    value = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    unit_text = models.CharField(_("unit as written"), max_length=60, blank=True)
    denominator = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    qualifiers = models.JSONField(default=list, blank=True)
    comparisons = models.JSONField(default=list, blank=True)
    sentence = models.TextField(blank=True)
    cell = models.JSONField(null=True, blank=True)  # {table, row, column, header} for a table figure
    targets = models.JSONField(default=list, blank=True)  # the row's plan/resolution cells
    confidence = models.FloatField(null=True, blank=True)  # OCR confidence of its words
    parent_index = models.PositiveIntegerField(null=True, blank=True)
    suggested = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    suggestion_score = models.FloatField(default=0)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    result = models.ForeignKey(
        "reporting.Result", null=True, blank=True, on_delete=models.SET_NULL, related_name="candidates"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "index"]
        constraints = [models.UniqueConstraint(fields=["document", "index"], name="candidate_unique_index")]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.index} {self.indicator_text}"


class IndicatorAlias(models.Model):
    """How reviewers matched an indicator as written to the catalogue: learnt from their choices."""

    text = models.CharField(max_length=400)
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE, related_name="aliases")
    uses = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["text", "indicator"], name="alias_unique")]

    def __str__(self) -> str:
        return f"{self.text} → {self.indicator_id}"
