"""The imports app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("running")
    DONE = "done", _("imported")
    FAILED = "failed", _("refused")
