"""The web pages. Jobs run in the request here (``CHITIEU_IMPORTS_SYNC = True``), except in the test
that leaves the job to the worker, as in production."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chitieu.imports import jobs
from chitieu.imports.choices import JobStatus
from chitieu.imports.layout import RESULTS_SHEET, TARGETS_SHEET
from chitieu.imports.models import ImportJob, ImportUpload
from chitieu.imports.template import build_template
from chitieu.reporting.models import Result
from chitieu.testing import make_user

from .conftest import edit, load, row_of, stored

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def sync(settings):
    settings.CHITIEU_IMPORTS_SYNC = True


@pytest.fixture
def web(en_client, clerk):
    en_client.force_login(clerk)
    return en_client


def upload(client, data: bytes, name="huyen-d.xlsx", **extra):
    return client.post(reverse("imports:index"), {"file": SimpleUploadedFile(name, data, XLSX), **extra})


def filled_template(world) -> bytes:
    data = build_template(world.district, "2023-H1")
    return edit(data, RESULTS_SHEET, {f"G{row_of(data, RESULTS_SHEET, 'lua')}": 30000})


@pytest.mark.django_db
def test_the_import_pages_need_a_login(client, seeded):
    for url in (reverse("imports:index"), reverse("imports:template", args=["huyen-d", "2023-H1"])):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_the_template_downloads_for_a_unit_and_a_period(web, seeded):
    response = web.get(reverse("imports:template", args=["huyen-d", "2023-H1"]))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert 'filename="chitieu-huyen-d-2023-H1.xlsx"' in response["Content-Disposition"]
    assert load(response.content)[RESULTS_SHEET]["C4"].value
    res = seeded.resolution
    response = web.get(reverse("imports:template", args=["huyen-d", "2023-H1"]), {"resolution": res.pk})
    assert response.status_code == 200 and f"-nq{res.pk}.xlsx" in response["Content-Disposition"]
    assert web.get(reverse("imports:template", args=["huyen-d", "2023-Q5"])).status_code == 404
    assert web.get(reverse("imports:template", args=["huyen-z", "2023"])).status_code == 404
    picked = web.get(reverse("imports:template_pick"), {"unit": "huyen-d", "period": "2023-h1"})
    assert picked["Location"] == reverse("imports:template", args=["huyen-d", "2023-H1"])


@pytest.mark.django_db
def test_an_uploaded_workbook_is_imported_and_its_page_shows_the_counts(web, seeded, clerk, sync):
    response = upload(web, filled_template(seeded))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:job", args=[job.pk])
    assert job.status == JobStatus.DONE and (job.created, job.changed, job.unchanged) == (1, 0, 3)
    assert job.user == clerk and job.filename == "huyen-d.xlsx" and len(job.sha256) == 64
    assert Result.objects.get(indicator__code="lua", period="2023-H1").value == 30000
    page = web.get(response["Location"]).content.decode()
    assert "Imported." in page and "hx-get" not in page
    listing = web.get(reverse("imports:index")).content.decode()
    assert "huyen-d.xlsx" in listing


@pytest.mark.django_db
def test_a_refused_workbook_shows_its_errors_cell_by_cell_and_writes_nothing(web, seeded, sync):
    data = filled_template(seeded)
    r = row_of(data, RESULTS_SHEET, "thu-ns")
    t = row_of(data, TARGETS_SHEET, "thu-ns", column="B")
    data = edit(edit(data, RESULTS_SHEET, {f"G{r}": "N/A"}), TARGETS_SHEET, {f"H{t}": "=1+1"})
    before = stored()
    response = upload(web, data)
    job = ImportJob.objects.get()
    assert job.status == JobStatus.FAILED and len(job.errors) == 2
    assert stored() == before
    page = web.get(response["Location"]).content.decode()
    assert "2 errors" in page
    assert f"<td>{RESULTS_SHEET}</td><td>G{r}</td><td>thu-ns</td><td>“N/A” is not a number." in page
    assert f"<td>H{t}</td>" in page


@pytest.mark.django_db
def test_a_check_only_upload_writes_nothing(web, seeded, sync):
    before = stored()
    upload(web, filled_template(seeded), dry_run="on")
    job = ImportJob.objects.get()
    assert job.dry_run and job.status == JobStatus.DONE and job.created == 1
    assert stored() == before


@pytest.mark.django_db
def test_a_running_job_polls_its_progress_every_half_second(web, clerk):
    job = ImportJob.objects.create(user=clerk, filename="f.xlsx", sha256="0" * 64, status=JobStatus.RUNNING)
    jobs.write_progress(job.pk, 3, 10)
    try:
        fragment = web.get(reverse("imports:job_progress", args=[job.pk])).content.decode()
    finally:
        jobs.progress_path(job.pk).unlink()
    assert f'hx-get="{reverse("imports:job_progress", args=[job.pk])}"' in fragment
    assert 'hx-trigger="every 500ms"' in fragment and 'value="30"' in fragment and "3 of 10" in fragment
    ImportJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE)
    fragment = web.get(reverse("imports:job_progress", args=[job.pk])).content.decode()
    assert "hx-get" not in fragment and "Imported." in fragment


@pytest.mark.django_db
def test_another_users_import_is_not_shown(en_client, clerk):
    job = ImportJob.objects.create(user=clerk, filename="f.xlsx", sha256="0" * 64)
    en_client.force_login(make_user("other"))
    assert en_client.get(reverse("imports:job", args=[job.pk])).status_code == 404
    assert en_client.get(reverse("imports:job_progress", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(web, seeded, settings, sync):
    settings.CHITIEU_IMPORT_MAX_BYTES = 1024 * 1024
    response = upload(web, b"\0" * (1024 * 1024 + 1))
    assert response.status_code == 400 and "up to 1 MB" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_job_runner_closes_its_database_connection(seeded, clerk, monkeypatch):
    closed = []

    class Connection:
        def close(self):
            closed.append(True)

    monkeypatch.setattr(jobs, "connection", Connection())
    data = filled_template(seeded)
    job = jobs.create_job(user=clerk, filename="f.xlsx", data=data)
    assert jobs.run_job(job.pk, data).status == JobStatus.DONE
    assert closed == [True]
    assert not jobs.progress_path(job.pk).exists()


@pytest.mark.django_db
def test_an_upload_is_queued_for_the_worker_and_never_run_in_the_request(en_client, seeded, clerk):
    from chitieu.imports.worker import work

    en_client.force_login(clerk)
    response = upload(en_client, filled_template(seeded))
    job = ImportJob.objects.get()
    assert job.status == JobStatus.QUEUED and job.upload.data
    assert not [t for t in threading.enumerate() if t.name.startswith("chitieu-import")]
    assert not Result.objects.filter(indicator__code="lua", period="2023-H1").exists()
    page = en_client.get(response["Location"]).content.decode()
    assert "Waiting to start" in page and "you may leave this page" in page
    assert work(once=True, isolate=False) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.errors
    assert Result.objects.filter(indicator__code="lua", period="2023-H1").exists()
    assert not ImportUpload.objects.exists()  # the file is not kept once the job has run
    assert "Imported." in en_client.get(response["Location"]).content.decode()
