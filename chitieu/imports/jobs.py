"""Imports started from the web run in a background thread, one per job.

The import writes in one long transaction, so its progress cannot go through the database (other
connections would not see it until the end, and on SQLite the writer holds the lock): the thread
writes it to a small file under $CHITIEU_HOME/imports/, which any web worker can read.

Tests (and anyone who wants it) run jobs in the request instead: set ``CHITIEU_IMPORTS_SYNC = True``
or call :func:`run_job` directly.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .choices import JobStatus
from .importer import import_workbook
from .models import ImportJob

log = logging.getLogger(__name__)


def scope_for(user) -> tuple[set[int] | None, set[int] | None]:
    """(units the user may enter results for, units the user may set targets for); None: all."""
    try:
        from chitieu.access.scope import unit_ids_for
    except ImportError:  # before the access module exists: only administrators may import
        return (None, None) if getattr(user, "is_superuser", False) else (set(), set())
    return unit_ids_for(user, "enter_results"), unit_ids_for(user, "manage")


def progress_dir() -> Path:
    return Path(settings.CHITIEU_HOME) / "imports"


def progress_path(job_id: int) -> Path:
    return progress_dir() / f"{job_id}.progress"


def write_progress(job_id: int, done: int, total: int) -> None:
    path = progress_path(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
    tmp.write_text(f"{done} {total}")
    os.replace(tmp, path)


def read_progress(job: ImportJob) -> tuple[int, int]:
    """(done, total) of a running job: from its progress file, else from the row."""
    try:
        done, total = progress_path(job.pk).read_text().split()
        return int(done), int(total)
    except (OSError, ValueError):
        return job.done, job.total


# A workbook for the wrong unit can hold thousands of errors; the page shows the first ones.
MAX_STORED_ERRORS = 1000


def _stored_errors(issues) -> list[dict[str, str]]:
    stored = [e.as_dict() for e in issues[:MAX_STORED_ERRORS]]
    if len(issues) > MAX_STORED_ERRORS:
        more = len(issues) - MAX_STORED_ERRORS
        stored.append(
            {
                "sheet": "",
                "cell": "",
                "indicator": "",
                "message": _(
                    "… and {n} more errors (run the import from the command line to see them all)."
                ).format(n=more),
            }
        )
    return stored


def create_job(*, user, filename: str, data: bytes, dry_run: bool = False, language: str = "") -> ImportJob:
    return ImportJob.objects.create(
        user=user,
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        dry_run=dry_run,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )


def start_job(job: ImportJob, data: bytes) -> None:
    """Run the job in a background thread once the job row is committed (in the request when
    ``CHITIEU_IMPORTS_SYNC`` is set)."""
    if settings.CHITIEU_IMPORTS_SYNC:
        run_job(job.pk, data, close_connection=False)
        return
    thread = threading.Thread(
        target=run_job, args=(job.pk, data), name=f"chitieu-import-{job.pk}", daemon=True
    )
    transaction.on_commit(thread.start)


def run_job(job_id: int, data: bytes, *, close_connection: bool = True) -> ImportJob:
    """Import the job's file, recording progress and outcome. Closes this thread's connection at the end
    unless told not to (the caller's connection in synchronous mode)."""
    try:
        job = ImportJob.objects.select_related("user").get(pk=job_id)
        ImportJob.objects.filter(pk=job_id).update(status=JobStatus.RUNNING, started_at=timezone.now())
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done in (0, total) or now - last[0] >= 0.2:
                last[0] = now
                write_progress(job_id, done, total)

        with translation.override(job.language or settings.LANGUAGE_CODE):
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
                    errors=_stored_errors(report.errors),
                    done=done,
                    total=total,
                )
            except Exception:
                log.exception("import job %s failed", job_id)
                fields = dict(
                    status=JobStatus.FAILED,
                    errors=[
                        {
                            "sheet": "",
                            "cell": "",
                            "indicator": "",
                            "message": _(
                                "The import stopped on an unexpected error and nothing was written. "
                                "Tell the administrator (import {id})."
                            ).format(id=job_id),
                        }
                    ],
                )
        ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), **fields)
        job.refresh_from_db()
        return job
    finally:
        try:
            progress_path(job_id).unlink(missing_ok=True)
        except OSError:
            pass
        if close_connection:
            connection.close()
