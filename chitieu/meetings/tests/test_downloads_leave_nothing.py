"""A report download leaves no temporary folder behind (issue 11, item 10)."""

import datetime as dt
import tempfile
from decimal import Decimal as D

import pytest

from chitieu.meetings.services import conference_create
from chitieu.reporting.services import result_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_every_download_cleans_up_its_temporary_files(vi_client, world, scratch):
    result_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023-H1",
        value=D(5),
        today=dt.date(2024, 6, 1),
    )
    conf = conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term
    )
    for url in (
        "/units/huyen-d/report.docx?period=2023-H1",
        "/units/huyen-d/appendix.xlsx?period=2023-H1",
        f"/conferences/{conf.pk}/notice.docx",
    ):
        resp = vi_client.get(url)
        assert resp.status_code == 200, url
        data = b"".join(resp.streaming_content) if resp.streaming else resp.content
        assert data[:2] == b"PK"
        assert list(scratch.iterdir()) == [], url
