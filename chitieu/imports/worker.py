"""The import worker: ``chitieu worker`` (started by ``chitieu serve`` beside gunicorn).

It polls the database for queued import jobs (no other service: SQLite or PostgreSQL alone), claims
the oldest one and runs it in a child process, so that whatever the workbook does, the worker stays
alive and the job ends with a reason:

* the child has at most ``CHITIEU_IMPORT_TIME_LIMIT`` seconds (900) before it is killed, and at most
  ``CHITIEU_IMPORT_MEMORY_MB`` of address space (2,048);
* a child that is killed, crashes or exits without finishing its job leaves the job failed with
  the reason (time limit, signal, exit status), never "running";
* when the worker starts, and between jobs, running jobs of this machine whose process has died (a
  server restart, say) are failed too.

Several workers may run (on one machine or several): a job is claimed by one conditional UPDATE.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time

from django.db import connections
from django.utils.translation import gettext as _

from . import jobs
from .models import ImportJob

log = logging.getLogger(__name__)
POLL_SECONDS = 1.0


def _child(job_id: int, memory_mb: int) -> None:
    """The job's own process: bounded memory, a fresh database connection, then the import."""
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on every platform
        pass
    jobs.run_job(job_id, close_connection=True)


def _ended_how(job: ImportJob, exitcode: int | None, timed_out: bool, limit: float) -> str:
    from chitieu.lib.vnnum import format_number

    if timed_out:
        return _("it ran longer than {limit} seconds, the time limit of one import").format(
            limit=format_number(int(limit), 0)
        )
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return _("the process running it was stopped by the signal {signal}").format(signal=name)
    return _("the process running it ended with status {code}").format(code=exitcode)


def supervise(
    job: ImportJob, *, target=_child, time_limit: float | None = None, close_connections=True
) -> None:
    """Run ``job`` in a child process and make sure it ends with a status."""
    limit = time_limit if time_limit is not None else jobs.time_limit_seconds()
    if close_connections:
        connections.close_all()  # the child must not share this process's database connection
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=target, args=(job.pk, jobs.memory_limit_mb()), name=f"chitieu-import-{job.pk}")
    child.start()
    ImportJob.objects.filter(pk=job.pk).update(worker=f"{jobs.this_process().rsplit(':', 1)[0]}:{child.pid}")
    child.join(limit)
    timed_out = child.is_alive()
    if timed_out:
        child.kill()
        child.join(10)
    job.refresh_from_db()
    if not job.finished:
        jobs.job_fail(job.pk, jobs.died_message(job, _ended_how(job, child.exitcode, timed_out, limit)))
        log.warning("import job %s did not finish: exit %s, timed out %s", job.pk, child.exitcode, timed_out)


class Stop:
    def __init__(self):
        self.requested = False

    def __call__(self, *_args):
        self.requested = True


def work(
    *,
    once: bool = False,
    parent: int | None = None,
    poll: float = POLL_SECONDS,
    stop: Stop | None = None,
    isolate: bool = True,
) -> int:
    """Run queued jobs until told to stop (SIGTERM/SIGINT), or the parent process is gone. ``once``:
    run what is queued now, then return. ``isolate=False`` runs each job in this process (tests on an
    in-memory database, where a child could not see the data). Returns the number of jobs run."""
    stop = stop or Stop()
    ran = 0
    jobs.fail_dead_jobs()
    while not stop.requested:
        if parent is not None and os.getppid() != parent:
            log.warning("chitieu worker: the server (pid %s) is gone, stopping", parent)
            break
        job = jobs.claim_next()
        if job is None:
            if once:
                break
            time.sleep(poll)
            jobs.fail_dead_jobs()
            continue
        if isolate:
            supervise(job)
        else:
            jobs.run_job(job.pk, close_connection=False)
        ran += 1
    return ran
