"""The import worker (issue 11, item 5): jobs are claimed once, run in a child process with a time
limit, and a job whose process dies is marked failed with the reason, never left "running"."""

import os
import signal
import socket
import time

import pytest

from chitieu.imports import jobs
from chitieu.imports.choices import JobStatus
from chitieu.imports.models import ImportJob
from chitieu.imports.worker import supervise, work
from chitieu.reporting.models import Result

from .test_web import filled_template

pytestmark = pytest.mark.django_db


def queued(world, clerk, n=1):
    return [jobs.create_job(user=clerk, filename=f"f{i}.xlsx", data=filled_template(world)) for i in range(n)]


def test_a_job_is_claimed_by_one_worker_only(seeded, clerk):
    (job,) = queued(seeded, clerk)
    first, second = jobs.claim_next("host-a:1"), jobs.claim_next("host-b:2")
    assert first.pk == job.pk and second is None
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.worker == "host-a:1" and job.started_at


def test_the_worker_runs_the_oldest_jobs_first_and_each_once(seeded, clerk):
    a, b = queued(seeded, clerk, 2)
    assert work(once=True, isolate=False) == 2
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == JobStatus.DONE and b.status == JobStatus.DONE
    assert a.finished_at <= b.finished_at and (a.created, b.unchanged) == (1, 4)
    assert work(once=True, isolate=False) == 0
    assert Result.objects.filter(indicator__code="lua", period="2023-H1").count() == 1


def dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_a_running_job_whose_process_died_is_failed_with_the_reason_when_its_page_is_seen(en_client, clerk):
    job = ImportJob.objects.create(
        user=clerk,
        filename="f.xlsx",
        sha256="0" * 64,
        language="en",
        status=JobStatus.RUNNING,
        worker=f"{socket.gethostname()}:{dead_pid()}",
    )
    en_client.force_login(clerk)
    page = en_client.get(f"/imports/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at
    assert "stopped before it finished" in job.errors[0]["message"] and "stopped before it finished" in page


def test_the_worker_fails_dead_jobs_of_its_machine_when_it_starts(clerk):
    mine = ImportJob.objects.create(
        user=clerk,
        filename="a",
        sha256="0" * 64,
        status=JobStatus.RUNNING,
        worker=f"{socket.gethostname()}:{dead_pid()}",
    )
    elsewhere = ImportJob.objects.create(
        user=clerk, filename="b", sha256="0" * 64, status=JobStatus.RUNNING, worker="another-host:1"
    )
    work(once=True, isolate=False)
    mine.refresh_from_db()
    elsewhere.refresh_from_db()
    assert mine.status == JobStatus.FAILED and elsewhere.status == JobStatus.RUNNING


def sleeper(job_id, memory_mb):
    time.sleep(60)


def crasher(job_id, memory_mb):
    os.kill(os.getpid(), signal.SIGKILL)


def quitter(job_id, memory_mb):
    os._exit(3)


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (sleeper, "longer than 1 seconds, the time limit"),
        (crasher, "stopped by the signal SIGKILL"),
        (quitter, "ended with status 3"),
    ],
)
def test_a_job_whose_child_hangs_or_dies_is_failed_with_the_reason_and_the_worker_goes_on(
    seeded, clerk, target, words
):
    (job,) = queued(seeded, clerk)
    job = jobs.claim_next()
    started = time.monotonic()
    supervise(job, target=target, time_limit=1, close_connections=False)
    assert time.monotonic() - started < 15
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at
    assert words in job.errors[0]["message"], job.errors
    assert (
        not hasattr(job, "upload") or not ImportJob.objects.filter(pk=job.pk, upload__isnull=False).exists()
    )
