"""Import jobs: queued by the web page, run by the import worker (``chitieu worker``, see worker.py),
never inside a request.

A job row and its uploaded file (``ImportUpload``) are written by the request; the worker claims the
oldest queued job, runs it and records the outcome. The import writes in one long transaction, so its
progress cannot go through the database (other connections would not see it until the end, and on
SQLite the writer holds the lock): the job's process writes it to a small file under
$CHITIEU_HOME/imports/, which any web worker on the same machine reads, and touches that file every
few seconds as its heartbeat. A job whose process has died is marked failed with the reason (by the
worker, or by the first page that looks at it).

Tests (and anyone who wants it) run jobs in the request instead: set ``CHITIEU_IMPORTS_SYNC = True``
or call :func:`run_job` directly.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chitieu.access.scope import unit_ids_for

from .choices import JobStatus
from .importer import import_workbook
from .models import ImportJob, ImportUpload

log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 5


def scope_for(user) -> tuple[set[int] | None, set[int] | None]:
    """(units the user may enter results for, units the user may set targets for); None: all."""
    return unit_ids_for(user, "enter_results"), unit_ids_for(user, "manage")


def progress_dir() -> Path:
    return Path(settings.CHITIEU_HOME) / "imports"


def progress_path(job_id: int) -> Path:
    return progress_dir() / f"{job_id}.progress"


def write_progress(job_id: int, done: int, total: int) -> None:
    path = progress_path(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(f"{done} {total}")
    os.replace(tmp, path)


def read_progress(job: ImportJob) -> tuple[int, int]:
    """(done, total) of a running job: from its progress file, else from the row."""
    try:
        done, total = progress_path(job.pk).read_text().split()
        return int(done), int(total)
    except (OSError, ValueError):
        return job.done, job.total


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def issue(message: str) -> list[dict[str, str]]:
    return [{"sheet": "", "cell": "", "indicator": "", "message": message}]


def job_fail(job_id: int, message: str, *, only_if_running: bool = True) -> bool:
    """Mark a job failed with the reason, unless it has finished meanwhile. True if it was marked."""
    qs = ImportJob.objects.filter(pk=job_id)
    qs = qs.filter(status=JobStatus.RUNNING) if only_if_running else qs.exclude(status__in=[JobStatus.DONE])
    marked = bool(qs.update(status=JobStatus.FAILED, errors=issue(message), finished_at=timezone.now()))
    if marked:
        ImportUpload.objects.filter(job_id=job_id).delete()
        progress_path(job_id).unlink(missing_ok=True)
    return marked


def died_message(job: ImportJob, how: str = "") -> str:
    with translation.override(job.language or settings.LANGUAGE_CODE):
        return _(
            "The import stopped before it finished ({how}); nothing was written. Upload the workbook again."
        ).format(how=how or _("the process running it ended unexpectedly"))


def fail_if_dead(job: ImportJob) -> ImportJob:
    """A running job whose process (on this machine) no longer exists is failed, with the reason."""
    if job.status != JobStatus.RUNNING or not job.worker:
        return job
    host, _sep, pid = job.worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or _alive(int(pid)):
        return job
    if job_fail(job.pk, died_message(job)):
        job.refresh_from_db()
    return job


def fail_dead_jobs() -> int:
    """Every running job of this machine whose process has died: failed (the worker does this when it
    starts and between jobs, so a crash never leaves a job "running" for ever)."""
    n = 0
    prefix = f"{socket.gethostname()}:"
    for job in ImportJob.objects.filter(status=JobStatus.RUNNING, worker__startswith=prefix):
        if fail_if_dead(job).status == JobStatus.FAILED:
            n += 1
    return n


# A workbook for the wrong unit can hold thousands of errors; the page shows the first ones.
MAX_STORED_ERRORS = 1000


def _stored_errors(issues) -> list[dict[str, str]]:
    stored = [e.as_dict() for e in issues[:MAX_STORED_ERRORS]]
    if len(issues) > MAX_STORED_ERRORS:
        more = len(issues) - MAX_STORED_ERRORS
        stored += issue(
            _("… and {n} more errors (run the import from the command line to see them all).").format(n=more)
        )
    return stored


@transaction.atomic
def create_job(*, user, filename: str, data: bytes, dry_run: bool = False, language: str = "") -> ImportJob:
    """Queue an import: the job row and its file, in one transaction."""
    job = ImportJob.objects.create(
        user=user,
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        dry_run=dry_run,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )
    ImportUpload.objects.create(job=job, data=bytes(data))
    return job


def start_job(job: ImportJob) -> None:
    """In the request when ``CHITIEU_IMPORTS_SYNC`` is set; otherwise the worker picks the job up."""
    if settings.CHITIEU_IMPORTS_SYNC:
        run_job(job.pk, close_connection=False)


def claim_next(worker: str | None = None) -> ImportJob | None:
    """Take the oldest queued job for this process, or None. The claim is one conditional UPDATE, so two
    workers never run the same job (on SQLite and PostgreSQL alike)."""
    worker = worker or this_process()
    for pk in (
        ImportJob.objects.filter(status=JobStatus.QUEUED).order_by("pk").values_list("pk", flat=True)[:5]
    ):
        claimed = ImportJob.objects.filter(pk=pk, status=JobStatus.QUEUED).update(
            status=JobStatus.RUNNING, worker=worker, started_at=timezone.now()
        )
        if claimed:
            return ImportJob.objects.get(pk=pk)
    return None


class _Heartbeat:
    """Touches the job's progress file every few seconds while the job runs (its sign of life)."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"chitieu-heartbeat-{job_id}", daemon=True)

    def _run(self) -> None:
        while not self.stop.wait(HEARTBEAT_SECONDS):
            path = progress_path(self.job_id)
            try:
                path.touch(exist_ok=True) if path.exists() else write_progress(self.job_id, 0, 0)
            except OSError:
                pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()


def run_job(job_id: int, data: bytes | None = None, *, close_connection: bool = True) -> ImportJob:
    """Import the job's file, recording progress and outcome. Closes this process's connection at the
    end unless told not to (the caller's connection in synchronous mode)."""
    try:
        job = ImportJob.objects.select_related("user").get(pk=job_id)
        if data is None:
            upload = ImportUpload.objects.filter(job_id=job_id).first()
            data = bytes(upload.data) if upload is not None else b""
        ImportJob.objects.filter(pk=job_id).update(
            status=JobStatus.RUNNING, started_at=job.started_at or timezone.now(), worker=this_process()
        )
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done in (0, total) or now - last[0] >= 0.2:
                last[0] = now
                write_progress(job_id, done, total)

        with translation.override(job.language or settings.LANGUAGE_CODE), _Heartbeat(job_id):
            try:
                allowed_results, allowed_targets = scope_for(job.user)
                report = import_workbook(
                    data,
                    actor=job.user,
                    allowed_results=allowed_results,
                    allowed_targets=allowed_targets,
                    progress=progress,
                    filename=job.filename,
                    dry_run=job.dry_run,
                )
                done, total = read_progress(job)
                fields = dict(
                    status=JobStatus.FAILED if report.errors else JobStatus.DONE,
                    created=report.created,
                    changed=report.changed,
                    unchanged=report.unchanged,
                    empty=report.empty,
                    # soft validation findings ride along, marked as such (they never refuse a file)
                    errors=_stored_errors(report.errors)
                    + [{**f.as_dict(), "finding": True} for f in report.findings[:MAX_STORED_ERRORS]],
                    done=done,
                    total=total,
                )
            except MemoryError:
                log.exception("import job %s ran out of memory", job_id)
                fields = dict(
                    status=JobStatus.FAILED,
                    errors=issue(
                        _(
                            "The workbook needs more memory than one import may use ({limit} MB): nothing was "
                            "written. Split it into several workbooks."
                        ).format(limit=memory_limit_mb())
                    ),
                )
            except Exception as exc:
                log.exception("import job %s failed", job_id)
                from chitieu.web.busy import is_busy

                if is_busy(exc):
                    message = _(
                        "The database was busy with other changes for too long: nothing was written. Upload "
                        "the workbook again in a moment."
                    )
                else:
                    message = _(
                        "The import stopped on an unexpected error and nothing was written. "
                        "Tell the administrator (import {id})."
                    ).format(id=job_id)
                fields = dict(status=JobStatus.FAILED, errors=issue(message))
        ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), **fields)
        ImportUpload.objects.filter(job_id=job_id).delete()
        job.refresh_from_db()
        return job
    finally:
        try:
            progress_path(job_id).unlink(missing_ok=True)
        except OSError:
            pass
        if close_connection:
            connection.close()


def memory_limit_mb() -> int:
    return settings.CHITIEU_IMPORT_MEMORY_MB


def time_limit_seconds() -> float:
    return settings.CHITIEU_IMPORT_TIME_LIMIT
