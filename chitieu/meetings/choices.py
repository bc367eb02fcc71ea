"""The meetings app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.TextChoices):
    EXECUTIVE = "executive", _("executive committee (Ban Chấp hành)")
    STANDING = "standing", _("standing committee (Ban Thường vụ)")
    STANDING_OFFICE = "standing_office", _("standing office (Thường trực)")
    BRIEFING = "briefing", _("briefing (giao ban)")
    CONGRESS = "congress", _("congress (Đại hội)")


class ConferenceKind(models.TextChoices):
    REGULAR = "regular", _("regular")
    EXTENDED = "extended", _("extended (mở rộng)")
    THEMATIC = "thematic", _("thematic")


class Role(models.TextChoices):
    CHAIR = "chair", _("chair")
    MEMBER = "member", _("member")
    INVITED = "invited", _("invited from the level above")
    PRESENTER = "presenter", _("presenter")
    ATTENDEE = "attendee", _("attendee")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    OVERDUE = "overdue", _("overdue")


class VoteOutcome(models.TextChoices):
    PASSED = "passed", _("passed")
    REJECTED = "rejected", _("rejected")
