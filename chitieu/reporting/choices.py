"""The reporting app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.choices import Basis


class WindowRule(models.TextChoices):
    ND09 = "nd09", _("Decree 09/2019: 15th to 14th")
    CALENDAR = "calendar", _("calendar periods")


class ResultStatus(models.TextChoices):
    ACTUAL = "actual", _("actual")
    ESTIMATE = "estimate", _("estimate (ước)")


class ResultSource(models.TextChoices):
    ENTERED = "entered", _("entered")
    IMPORTED = "imported", _("imported")
    EXTRACTED = "extracted", _("extracted from a document")
    DEMO = "demo", _("demo data (from a published review)")


class ComparisonKind(models.TextChoices):
    OF = "of", _("share of the basis")
    CHANGE = "change", _("change against the basis")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    REOPENED = "reopened", _("reopened")


class Status(models.TextChoices):
    """How a figure stands against its target."""

    EXCEEDED = "exceeded", _("exceeded")
    ACHIEVED = "achieved", _("achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")
    NO_TARGET = "no_target", _("no target")


# A stated percentage's basis: any target's basis, or the same period last year (never a target).
StatedBasis = models.TextChoices(
    "StatedBasis",
    [(b.name, (b.value, b.label)) for b in Basis if b != Basis.OTHER]
    + [
        ("SAME_PERIOD", ("same_period", _("same period last year"))),
        ("OTHER", (Basis.OTHER.value, Basis.OTHER.label)),
    ],
)
