"""The inbox app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    PENDING = "pending", _("to review")
    ACCEPTED = "accepted", _("accepted")
    DROPPED = "dropped", _("dropped")


class DocumentOrigin(models.TextChoices):
    UPLOAD = "upload", _("uploaded file")
    PASTE = "paste", _("pasted text")
    DEMO = "demo", _("demo seed")
