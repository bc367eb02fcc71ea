"""The access app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REPORTER = "reporter", _("reporter")
    APPROVER = "approver", _("approver")
    LEADER = "leader", _("leader")
    OFFICE = "office", _("office")
    ADMIN = "admin", _("administrator")
