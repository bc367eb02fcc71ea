"""An import started from the web page: its file's identity, progress and outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import JobStatus


class ImportJob(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    dry_run = models.BooleanField(_("check only"), default=False)
    language = models.CharField(max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    empty = models.PositiveIntegerField(_("without a figure"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Which process runs the job ("host:pid"): a job whose process has died is marked failed.
    worker = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def refusals(self) -> list[dict]:
        """The problems that refused the workbook (the stored list also carries soft findings)."""
        return [e for e in self.errors if not e.get("finding")]

    @property
    def findings(self) -> list[dict]:
        """Soft validation findings on the rows: they do not refuse the workbook."""
        return [e for e in self.errors if e.get("finding")]

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class ImportUpload(models.Model):
    """The uploaded file of a job, kept in the database until the job has run, so that the worker can
    read it from any machine that reaches the database (no shared folder needed)."""

    job = models.OneToOneField(ImportJob, on_delete=models.CASCADE, related_name="upload")
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"upload of job {self.job_id}"
