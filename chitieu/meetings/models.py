"""Conferences of a committee: who met, what they reviewed, questioned and voted, the limitations
they recorded and the tasks they set."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .choices import Body, ConferenceKind, Role, TaskStatus, VoteOutcome


class Person(models.Model):
    full_name = models.CharField(_("full name"), max_length=200)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("person")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Conference(models.Model):
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="conferences"
    )
    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    term = models.ForeignKey(
        "orgs.Term", verbose_name=_("term"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), null=True, blank=True, help_text=_("14 in “lần thứ 14”")
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ConferenceKind.choices, default=ConferenceKind.REGULAR
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    period = models.CharField(_("period under review"), max_length=12, blank=True)
    resolution = models.ForeignKey(
        "indicators.Resolution",
        verbose_name=_("resolution under review"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    # The minutes (biên bản): when the conference opened and closed, who kept the record, how many of
    # the body's members were there, what was said and what the chair concluded.
    opened_at = models.TimeField(_("opened at"), null=True, blank=True)
    closed_at = models.TimeField(_("closed at"), null=True, blank=True)
    secretary = models.CharField(_("secretary (kept the minutes)"), max_length=200, blank=True)
    members_total = models.PositiveSmallIntegerField(_("members of the body"), null=True, blank=True)
    members_present = models.PositiveSmallIntegerField(_("members present"), null=True, blank=True)
    absent_note = models.CharField(_("absent (and why)"), max_length=500, blank=True)
    minutes = models.TextField(_("proceedings"), blank=True)
    conclusion = models.TextField(_("the chair's conclusion"), blank=True)
    source_document = models.ForeignKey(
        "inbox.SourceDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="conferences"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "body", "term", "ordinal"],
                condition=Q(ordinal__isnull=False),
                name="conference_unique_ordinal",
            ),
            models.CheckConstraint(
                condition=Q(members_total__isnull=True)
                | Q(members_present__isnull=True)
                | Q(members_present__lte=models.F("members_total")),
                name="conference_present_within_members",
            ),
        ]

    def __str__(self) -> str:
        label = self.title or self.get_body_display()
        return f"{label} {self.ordinal or ''} ({self.date:%d/%m/%Y})".replace("  ", " ")


class Attendance(models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="attendances"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.ATTENDEE)
    title = models.CharField(_("title at that date"), max_length=300, blank=True)
    title_since = models.DateField(_("holding that title since"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participant")
        ordering = ["conference", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "person", "role"], name="attendance_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.title}"


class AgendaItem(models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="agenda"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("agenda item"), max_length=500)

    class Meta:
        verbose_name = _("agenda item")
        ordering = ["conference", "order", "id"]

    def __str__(self) -> str:
        return self.text


class PresentedDocument(models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=400)
    presenter = models.ForeignKey(
        Person,
        verbose_name=_("presented by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document presented")
        ordering = ["conference", "id"]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """A conclusion or key task for the next period, with who answers for it and by when."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("set by the conference"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="tasks"
    )
    owner = models.ForeignKey(
        Person,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    owner_text = models.CharField(_("responsible (as written)"), max_length=300, blank=True)
    text = models.TextField(_("task"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    done_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def effective_status(self, today: dt.date | None = None) -> str:
        """Overdue is judged on the day: a task past its deadline and not done is overdue."""
        today = today or dt.date.today()
        if self.status != TaskStatus.DONE and self.deadline and self.deadline < today:
            return TaskStatus.OVERDUE
        return self.status

    def effective_status_label(self) -> str:
        return str(dict(TaskStatus.choices)[self.effective_status()])


class TaskUpdate(models.Model):
    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    status = models.CharField(_("status after"), max_length=12, choices=TaskStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("progress update")
        ordering = ["task", "date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.text[:60]}"


class Question(models.Model):
    """Formal questioning (chất vấn): the question, the answer, the commitment and its follow-up."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="questions"
    )
    asked_by = models.ForeignKey(
        Person, verbose_name=_("asked by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    addressed_to = models.ForeignKey(
        Person,
        verbose_name=_("addressed to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    commitment = models.TextField(_("commitment"), blank=True)
    commitment_deadline = models.DateField(_("committed deadline"), null=True, blank=True)
    follow_up = models.OneToOneField(
        Task,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question",
        verbose_name=_("follow-up task"),
    )

    class Meta:
        verbose_name = _("question")
        ordering = ["conference", "id"]

    def __str__(self) -> str:
        return self.question[:80]


class Vote(models.Model):
    Outcome = VoteOutcome

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="votes"
    )
    matter = models.TextField(_("matter"))
    # The tally is often not published ("biểu quyết thông qua"): it may be left empty, the result may not.
    present = models.PositiveIntegerField(_("members present"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("against"), null=True, blank=True)
    abstain = models.PositiveIntegerField(_("abstain"), null=True, blank=True)
    outcome = models.CharField(_("result"), max_length=10, choices=Outcome.choices)
    personnel = models.BooleanField(
        _("personnel matter"),
        default=False,
        help_text=_("visible only to those allowed to see personnel matters"),
    )
    details = models.JSONField(_("details"), default=list, blank=True, help_text=_("e.g. members by bloc"))

    class Meta:
        verbose_name = _("vote")
        ordering = ["conference", "id"]
        permissions = [("view_personnel", "Can see personnel votes")]
        constraints = [
            models.CheckConstraint(
                condition=Q(present__isnull=True)
                | Q(
                    present__gte=Coalesce("votes_for", 0)
                    + Coalesce("votes_against", 0)
                    + Coalesce("abstain", 0)
                ),
                name="vote_tally_within_present",
            )
        ]

    def __str__(self) -> str:
        return self.matter[:80]


class Limitation(models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="limitations"
    )
    text = models.TextField(_("limitation"))
    cause = models.TextField(_("cause"), blank=True)
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("indicators concerned"), blank=True, related_name="limitations"
    )

    class Meta:
        verbose_name = _("limitation")
        ordering = ["conference", "id"]

    def __str__(self) -> str:
        return self.text[:80]
