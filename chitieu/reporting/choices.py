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
    """How a figure stands against its target: for the target's own period (vượt / đạt / chưa đạt),
    or part-way through a longer one, against the time elapsed (vượt / đúng / chậm tiến độ). A share
    below 100% is never EXCEEDED."""

    EXCEEDED = "exceeded", _("exceeded the plan")
    ACHIEVED = "achieved", _("met the plan")
    NOT_ACHIEVED = "not_achieved", _("not met")
    AHEAD = "ahead", _("ahead of pace")
    ON_PACE = "on_pace", _("on pace")
    BEHIND = "behind", _("behind pace")
    NO_TARGET = "no_target", _("no target")


# Statuses that count as "đạt" when a resolution's targets are counted ("đạt 8/10 chỉ tiêu").
MET_STATUSES = frozenset({Status.EXCEEDED, Status.ACHIEVED, Status.AHEAD, Status.ON_PACE})
# Statuses a leader is shown as "chậm" on the overview: short of a target whose period has ended, or
# behind the pace of one still running.
BEHIND_STATUSES = frozenset({Status.NOT_ACHIEVED, Status.BEHIND})


# A stated percentage's basis: any target's basis, or the same period last year (never a target).
StatedBasis = models.TextChoices(
    "StatedBasis",
    [(b.name, (b.value, b.label)) for b in Basis if b != Basis.OTHER]
    + [
        ("SAME_PERIOD", ("same_period", _("same period last year"))),
        ("OTHER", (Basis.OTHER.value, Basis.OTHER.label)),
    ],
)
